import { now } from "../../common/clock";
import type { SubgraphContext } from "../../common/context";
import { entityLoader, groupLoader, multiGroupLoader } from "../../common/loaders";
import { Prisma, type PrismaClient } from "../../prisma/contacts/generated/client";

/** Entries valid at `now`, as a Prisma filter. */
export const currentAt = (now: Date): Prisma.ContactPointWhereInput => ({
  validFrom: { lte: now },
  OR: [{ validTo: null }, { validTo: { gt: now } }],
});

/** The same, as SQL over "ContactPoint" p (for raw statements). */
export const currentSql = (instant: Date) =>
  Prisma.sql`p."validFrom" <= ${instant} AND (p."validTo" IS NULL OR p."validTo" > ${instant})`;

const byKindThenId = [{ kind: "asc" as const }, { id: "asc" as const }];

/** A nullable parent key as the list of parents a row belongs to: none when null. */
const parents = (key: string | null): string[] => (key === null ? [] : [key]);

/** One DataLoader per entity fetch and relation, made per request; relations list current entries. */
export function createContactsLoaders(prisma: PrismaClient) {
  const instant = now();
  return {
    contactPointById: entityLoader(
      (ids: readonly string[]) => prisma.contactPoint.findMany({ where: { id: { in: [...ids] } } }),
      (point) => point.id,
    ),
    contactPointsByCountry: groupLoader(
      (codes: readonly string[]) =>
        prisma.contactPoint.findMany({
          where: { countryCode: { in: [...codes] }, ...currentAt(instant) },
          orderBy: byKindThenId,
        }),
      (point) => point.countryCode,
    ),
    contactPointsByNetwork: multiGroupLoader(
      (ids: readonly string[]) =>
        prisma.contactPoint.findMany({
          where: { networkId: { in: [...ids] }, ...currentAt(instant) },
          orderBy: [{ countryCode: "asc" }, ...byKindThenId],
        }),
      (point) => parents(point.networkId),
    ),
    contactPointsByAuthority: multiGroupLoader(
      (ids: readonly string[]) =>
        prisma.contactPoint.findMany({
          where: { authorityId: { in: [...ids] }, ...currentAt(instant) },
          orderBy: byKindThenId,
        }),
      (point) => parents(point.authorityId),
    ),
  };
}

export type ContactsLoaders = ReturnType<typeof createContactsLoaders>;
export type ContactsContext = SubgraphContext<PrismaClient, ContactsLoaders>;
