import type { SubgraphContext } from "../../common/context";
import { entityLoader, groupLoader, multiGroupLoader } from "../../common/loaders";
import type { PrismaClient } from "../../prisma/members/generated/client";

/** One DataLoader per entity fetch and relation; created per request so nothing is cached across viewers. */
export function createMembersLoaders(prisma: PrismaClient) {
  return {
    networkById: entityLoader(
      (ids: readonly string[]) => prisma.network.findMany({ where: { id: { in: [...ids] } } }),
      (network) => network.id,
    ),
    countryByCode: entityLoader(
      (codes: readonly string[]) =>
        prisma.country.findMany({ where: { code: { in: [...codes] } }, omit: { searchText: true } }),
      (country) => country.code,
    ),
    authorityById: entityLoader(
      (ids: readonly string[]) => prisma.authority.findMany({ where: { id: { in: [...ids] } } }),
      (authority) => authority.id,
    ),
    membershipById: entityLoader(
      (ids: readonly string[]) => prisma.membership.findMany({ where: { id: { in: [...ids] } } }),
      (membership) => membership.id,
    ),
    membershipsByNetwork: groupLoader(
      (networkIds: readonly string[]) =>
        prisma.membership.findMany({
          where: { networkId: { in: [...networkIds] } },
          orderBy: [{ countryCode: "asc" }, { role: "asc" }],
        }),
      (membership) => membership.networkId,
    ),
    membershipsByCountry: groupLoader(
      (codes: readonly string[]) =>
        prisma.membership.findMany({
          where: { countryCode: { in: [...codes] } },
          orderBy: [{ networkId: "asc" }, { role: "asc" }],
        }),
      (membership) => membership.countryCode,
    ),
    membershipsByAuthority: multiGroupLoader(
      (ids: readonly string[]) =>
        prisma.membership.findMany({ where: { authorityId: { in: [...ids] } }, orderBy: { networkId: "asc" } }),
      // A membership without an authority belongs to none (the query above never returns one).
      (membership) => (membership.authorityId === null ? [] : [membership.authorityId]),
    ),
    treatiesByCountry: groupLoader(
      (codes: readonly string[]) => prisma.treatyParticipation.findMany({ where: { countryCode: { in: [...codes] } } }),
      (participation) => participation.countryCode,
    ),
    authoritiesByCountry: groupLoader(
      (codes: readonly string[]) =>
        prisma.authority.findMany({ where: { countryCode: { in: [...codes] } }, orderBy: { name: "asc" } }),
      (authority) => authority.countryCode,
    ),
  };
}

export type MembersLoaders = ReturnType<typeof createMembersLoaders>;
export type MembersContext = SubgraphContext<PrismaClient, MembersLoaders>;
