import type { SubgraphContext } from "../../common/context";
import { entityLoader, groupLoader, multiGroupLoader } from "../../common/loaders";
import type { PrismaClient } from "../../prisma/training/generated/client";
import { courseFromRow } from "./domain";

/** One DataLoader per entity fetch and relation, made per request. */
export function createTrainingLoaders(prisma: PrismaClient) {
  const byStart = [{ startsAt: "asc" as const }, { id: "asc" as const }];
  return {
    courseById: entityLoader(
      async (ids: readonly string[]) =>
        (await prisma.course.findMany({ where: { id: { in: [...ids] } }, omit: { searchText: true } })).map(
          courseFromRow,
        ),
      (course) => course.id,
    ),
    sessionsByCourse: groupLoader(
      (ids: readonly string[]) =>
        prisma.trainingSession.findMany({ where: { courseId: { in: [...ids] } }, orderBy: byStart }),
      (session) => session.courseId,
    ),
    materialById: entityLoader(
      (ids: readonly string[]) => prisma.material.findMany({ where: { id: { in: [...ids] } } }),
      (material) => material.id,
    ),
    materialsByCourse: multiGroupLoader(
      (ids: readonly string[]) =>
        prisma.material.findMany({
          where: { courseId: { in: [...ids] } },
          orderBy: [{ translationGroup: "asc" }, { language: "asc" }],
        }),
      // A material of no course belongs to none (the query above never returns one).
      (material) => (material.courseId === null ? [] : [material.courseId]),
    ),
    materialsByGroup: groupLoader(
      (groups: readonly string[]) =>
        prisma.material.findMany({ where: { translationGroup: { in: [...groups] } }, orderBy: { language: "asc" } }),
      (material) => material.translationGroup,
    ),
    coursesByNetwork: multiGroupLoader(
      async (ids: readonly string[]) =>
        (
          await prisma.course.findMany({
            where: { networkIds: { hasSome: [...ids] } },
            orderBy: { title: "asc" },
            omit: { searchText: true },
          })
        ).map(courseFromRow),
      (course) => course.networkIds,
    ),
    sessionsByCountry: multiGroupLoader(
      (codes: readonly string[]) =>
        prisma.trainingSession.findMany({
          where: { OR: [{ countryCode: { in: [...codes] } }, { participatingCountries: { hasSome: [...codes] } }] },
          orderBy: byStart,
        }),
      (session) => [
        ...new Set([...(session.countryCode ? [session.countryCode] : []), ...session.participatingCountries]),
      ],
    ),
  };
}

export type TrainingLoaders = ReturnType<typeof createTrainingLoaders>;
export type TrainingContext = SubgraphContext<PrismaClient, TrainingLoaders>;
