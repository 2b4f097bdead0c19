import { now } from "../../common/clock";
import { badUserInput } from "../../common/errors";
import { foldForSearch } from "../../common/text";
import type { Prisma } from "../../prisma/members/generated/client";
import { Treaty, TreatyStatusKind } from "./types/enums";
import type { AddMembershipInput, CountryFilter } from "./types/inputs";
import type { TreatyStatus } from "./types/treaty-status";

/** ISO 3166-1 alpha-2 codes are matched case-insensitively; anything else matches nothing. */
export function normalizeCountryCode(code: string): string | null {
  const upper = code.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(upper) ? upper : null;
}

/** A membership is current until the day its `until` date is reached. */
export function isCurrentMembership(membership: { until: Date | null }, at = now()): boolean {
  return membership.until === null || membership.until.getTime() > at.getTime();
}

/** What the sources say of a country and a treaty; NONE (without a source) where they say nothing. */
export function treatyStatusOf(
  participations: {
    treaty: string;
    status: string;
    signedOn: Date | null;
    ratifiedOn: Date | null;
    inForceOn: Date | null;
    source: string;
  }[],
  treaty: Treaty,
): TreatyStatus {
  const found = participations.find((participation) => participation.treaty === treaty);
  if (!found)
    return { treaty, status: TreatyStatusKind.NONE, signedOn: null, ratifiedOn: null, inForceOn: null, source: null };
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
    conditions.push({
      memberships: { some: { networkId: filter.network, OR: [{ until: null }, { until: { gt: now() } }] } },
    });
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
    if (search.length > maxSearchLength)
      throw badUserInput(`search is limited to ${maxSearchLength} characters`, "filter.search");
    // Prisma passes `contains` to LIKE as it is: escape its wildcards so they match themselves.
    if (search !== "") conditions.push({ searchText: { contains: search.replace(/[\\%_]/g, "\\$&") } });
  }
  return { AND: conditions };
}

export const maxSourceLength = 1000;

/** Checks a new membership against what exists; errors name the input field at fault. */
export async function validateNewMembership(
  input: AddMembershipInput,
  exists: {
    network(id: string): Promise<boolean>;
    country(code: string): Promise<boolean>;
    authorityCountry(id: string): Promise<string | null>;
  },
) {
  if (!(await exists.network(input.network))) throw badUserInput(`no network "${input.network}"`, "input.network");
  const countryCode = normalizeCountryCode(input.country);
  if (!countryCode || !(await exists.country(countryCode)))
    throw badUserInput(`no country "${input.country}"`, "input.country");
  if (input.authority != null) {
    const authorityCountry = await exists.authorityCountry(input.authority);
    if (authorityCountry === null) throw badUserInput(`no authority "${input.authority}"`, "input.authority");
    if (authorityCountry !== countryCode)
      throw badUserInput(`authority "${input.authority}" is not of ${countryCode}`, "input.authority");
  }
  const source = input.source.trim();
  if (source === "" || source.length > maxSourceLength)
    throw badUserInput(`source must be 1 to ${maxSourceLength} characters`, "input.source");
  return {
    networkId: input.network,
    countryCode,
    authorityId: input.authority ?? null,
    role: input.role,
    since: input.since ?? null,
    source,
  };
}

/** The day a membership ends: the given date or today (UTC), never before it began. */
export function membershipEnd(membership: { since: Date | null }, until: Date | null | undefined, at = now()): Date {
  const end = until ?? new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  if (membership.since && end.getTime() < membership.since.getTime()) {
    throw badUserInput("until must not be before the membership's since", "until");
  }
  return end;
}
