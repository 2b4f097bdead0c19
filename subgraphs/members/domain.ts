import { now } from "../../common/clock";
import { badUserInput } from "../../common/errors";
import { foldForSearch } from "../../common/text";
import { countryCode, networkId, requiredText, searchPhrase } from "../../common/validation";
import type { Prisma, TreatyParticipation } from "../../prisma/members/generated/client";
import { Treaty, TreatyStatusKind } from "./types/enums";
import type { AddMembershipInput, CountryFilter } from "./types/inputs";
import type { TreatyStatus } from "./types/treaty-status";

/** A membership is current until the day its `until` date is reached. */
export function isCurrentMembership(membership: { until: Date | null }, at = now()): boolean {
  return membership.until === null || membership.until.getTime() > at.getTime();
}

/** What the sources say of a country and a treaty; UNKNOWN, never NONE, where nothing is held. */
export function treatyStatusOf(
  participations: Omit<TreatyParticipation, "countryCode">[],
  treaty: Treaty,
): TreatyStatus {
  const found = participations.find((participation) => participation.treaty === treaty);
  if (!found)
    return {
      treaty,
      status: TreatyStatusKind.UNKNOWN,
      signedOn: null,
      ratifiedOn: null,
      inForceOn: null,
      source: null,
    };
  const { status, signedOn, ratifiedOn, inForceOn, source } = found;
  return { treaty, status, signedOn, ratifiedOn, inForceOn, source };
}

/** The SQL condition of a country filter; `networkExists` checks the network id so a typo is an error, not []. */
export async function countryFilterWhere(
  filter: CountryFilter | null | undefined,
  networkExists: (id: string) => Promise<boolean>,
): Promise<Prisma.CountryWhereInput> {
  const conditions: Prisma.CountryWhereInput[] = [];
  if (!filter) return {};
  if (filter.network != null) {
    const network = networkId(filter.network, "filter.network");
    if (!(await networkExists(network))) throw badUserInput(`no network "${filter.network}"`, "filter.network");
    conditions.push({
      memberships: { some: { networkId: network, OR: [{ until: null }, { until: { gt: now() } }] } },
    });
  }
  if (filter.budapestStatus != null) {
    const stored = { treaties: { some: { treaty: Treaty.BUDAPEST_CONVENTION, status: filter.budapestStatus } } };
    // A country without a row is UNKNOWN too (as treatyStatusOf answers).
    conditions.push(
      filter.budapestStatus === TreatyStatusKind.UNKNOWN
        ? { OR: [stored, { treaties: { none: { treaty: Treaty.BUDAPEST_CONVENTION } } }] }
        : stored,
    );
  }
  if (filter.region != null) conditions.push({ region: filter.region });
  if (filter.search != null) {
    const search = searchPhrase(filter.search, "filter.search", foldForSearch);
    if (search !== null) conditions.push({ searchText: { contains: search } });
  }
  return { AND: conditions };
}

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
  const country = countryCode(input.country, "input.country");
  if (!(await exists.country(country))) throw badUserInput(`no country "${country}"`, "input.country");
  if (input.authority != null) {
    const authorityCountry = await exists.authorityCountry(input.authority);
    if (authorityCountry === null) throw badUserInput(`no authority "${input.authority}"`, "input.authority");
    if (authorityCountry !== country)
      throw badUserInput(`authority "${input.authority}" is not of ${country}`, "input.authority");
  }
  const source = requiredText(input.source, "input.source", 1000);
  return {
    networkId: input.network,
    countryCode: country,
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
