import type { SubgraphContext } from "../../common/context";
import { entityLoader, groupLoader } from "../../common/loaders";
import type { PrismaClient } from "../../prisma/ejcn/generated/client";
import { ejcnId } from "./domain";

/** One DataLoader per entity fetch and relation, made per request. */
export function createEjcnLoaders(prisma: PrismaClient) {
  const bySemester = { semester: "asc" as const };
  return {
    workProgrammeById: entityLoader(
      (ids: readonly string[]) => prisma.workProgramme.findMany({ where: { id: { in: [...ids] } } }),
      (programme) => programme.id,
    ),
    // Every work programme is the EJCN's; other networks have none (and cost no query).
    workProgrammesByNetwork: groupLoader(
      async (networkIds: readonly string[]) =>
        networkIds.includes(ejcnId)
          ? prisma.workProgramme.findMany({ orderBy: [{ fromYear: "asc" }, { id: "asc" }] })
          : [],
      () => ejcnId,
    ),
    presidencyBySemester: entityLoader(
      (semesters: readonly string[]) => prisma.presidency.findMany({ where: { semester: { in: [...semesters] } } }),
      (presidency) => presidency.semester,
    ),
    presidenciesByTrio: groupLoader(
      (trioIds: readonly string[]) =>
        prisma.presidency.findMany({ where: { trioId: { in: [...trioIds] } }, orderBy: bySemester }),
      (presidency) => presidency.trioId,
    ),
    /**
     * Every presidency of the trios a country belongs to, in one statement for all asked countries: each row is
     * listed under every country of its trio.
     */
    trioPresidenciesByCountry: groupLoader(
      async (codes: readonly string[]) => {
        const rows = await prisma.presidency.findMany({
          where: { trio: { presidencies: { some: { countryCode: { in: [...codes] } } } } },
          orderBy: bySemester,
        });
        const countriesOfTrio = new Map<string, string[]>();
        for (const row of rows)
          countriesOfTrio.set(row.trioId, [...(countriesOfTrio.get(row.trioId) ?? []), row.countryCode]);
        return rows.flatMap((presidency) =>
          [...new Set(countriesOfTrio.get(presidency.trioId))].map((country) => ({ country, presidency })),
        );
      },
      (entry) => entry.country,
    ),
    outcomeReportByEvent: entityLoader(
      (eventIds: readonly string[]) => prisma.outcomeReport.findMany({ where: { eventId: { in: [...eventIds] } } }),
      (report) => report.eventId,
    ),
    restrictedMaterialByEvent: groupLoader(
      (eventIds: readonly string[]) =>
        prisma.restrictedMaterial.findMany({
          where: { eventId: { in: [...eventIds] } },
          orderBy: [{ addedAt: "asc" }, { id: "asc" }],
          omit: { addedBy: true },
        }),
      (material) => material.eventId,
    ),
  };
}

export type EjcnLoaders = ReturnType<typeof createEjcnLoaders>;
export type EjcnContext = SubgraphContext<PrismaClient, EjcnLoaders>;
