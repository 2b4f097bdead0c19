import { badUserInput } from "../../common/errors";
import { foldForSearch } from "../../common/text";
import type { Prisma } from "../../prisma/members/generated/client";
import { Treaty, TreatyStatusKind } from "./types/enums";
import type { CountryFilter } from "./types/inputs";
import type { TreatyStatus } from "./types/treaty-status";

/** ISO 3166-1 alpha-2 codes are matched case-insensitively; anything else matches nothing. */
export function normalizeCountryCode(code: string): string | null {
  const upper = code.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(upper) ? upper : null;
}

/** A membership is current until the day its `until` date is reached. */
export function isCurrentMembership(membership: { until: Date | null }, now = new Date()): boolean {
  return membership.until === null || membership.until.getTime() > now.getTime();
}

/** What the sources say of a country and a treaty; NONE (without a source) where they say nothing. */
export function treatyStatusOf(
  participations: { treaty: string; status: string; signedOn: Date | null; ratifiedOn: Date | null; inForceOn: Date | null; source: string }[],
  treaty: Treaty,
): TreatyStatus {
  const found = participations.find((participation) => participation.treaty === treaty);
  if (!found) return { treaty, status: TreatyStatusKind.NONE, signedOn: null, ratifiedOn: null, inForceOn: null, source: null };
  return { ...found, treaty, status: found.status as TreatyStatusKind };
}

export const maxSearchLength = 100;

/** The SQL condition of a country filter; `networkExists` checks the network id so a typo is an error, not []. */
export async function countryFilterWhere(
  filter: CountryFilter | null | undefined,
  networkExists: (id: string) => Promise<boolean>,
): Promise<Prisma.CountryWhereInput> {
  const conditions: Prisma.CountryWhereInput[] = [];
  if (!filter) return {};
  if (filter.network != null) {
    if (!(await networkExists(filter.network))) throw badUserInput(`no network "${filter.network}"`, "filter.network");
    conditions.push({ memberships: { some: { networkId: filter.network, OR: [{ until: null }, { until: { gt: new Date() } }] } } });
  }
  if (filter.budapestStatus != null) {
    conditions.push(
      filter.budapestStatus === TreatyStatusKind.NONE
        ? { treaties: { none: { treaty: Treaty.BUDAPEST_CONVENTION } } }
        : { treaties: { some: { treaty: Treaty.BUDAPEST_CONVENTION, status: filter.budapestStatus } } },
    );
  }
  if (filter.region != null) conditions.push({ region: filter.region });
  if (filter.search != null) {
    const search = foldForSearch(filter.search.trim());
    if (search.length > maxSearchLength) throw badUserInput(`search is limited to ${maxSearchLength} characters`, "filter.search");
    // Prisma passes `contains` to LIKE as it is: escape its wildcards so they match themselves.
    if (search !== "") conditions.push({ searchText: { contains: search.replace(/[\\%_]/g, "\\$&") } });
  }
  return { AND: conditions };
}
