import { z } from "zod";
import { Prisma, type PrismaClient } from "../../prisma/training/generated/client";
import { CourseLevel } from "./types/course";
import type { TrainingCoverage } from "./types/coverage";

const figure = z.coerce.number();
const totalsRows = z.array(z.object({ sessions: figure, participants: figure.nullable(), countries: figure }));
const countryRows = z.array(
  z.object({
    code: z.string(),
    year: figure,
    level: z.enum(CourseLevel),
    sessions: figure,
    courses: figure,
  }),
);

/**
 * Training sessions that started in [from, to): how many, their participants where counted, the distinct countries
 * whose participants took part, and per participating country and year (of the local start) the sessions and the
 * distinct courses by level. Two statements.
 */
export async function trainingCoverage(prisma: PrismaClient, from: Date, to: Date): Promise<TrainingCoverage> {
  const year = Prisma.raw(`extract(year FROM s."startsAt" AT TIME ZONE s."timeZone")::int`);
  const [totals, rows] = await Promise.all([
    prisma.$queryRaw`
      SELECT count(*) AS sessions, sum(s."participantsCount") AS participants,
             (SELECT count(DISTINCT c.code) FROM "TrainingSession" t CROSS JOIN LATERAL unnest(t."participatingCountries") AS c(code)
              WHERE t."startsAt" >= ${from} AND t."startsAt" < ${to}) AS countries
      FROM "TrainingSession" s WHERE s."startsAt" >= ${from} AND s."startsAt" < ${to}`.then((result) =>
      totalsRows.parse(result),
    ),
    prisma.$queryRaw`
      SELECT c.code, ${year} AS year, k."level"::text AS level, count(*) AS sessions, count(DISTINCT k."id") AS courses
      FROM "TrainingSession" s JOIN "Course" k ON k."id" = s."courseId"
      CROSS JOIN LATERAL unnest(s."participatingCountries") AS c(code)
      WHERE s."startsAt" >= ${from} AND s."startsAt" < ${to}
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.then((result) => countryRows.parse(result)),
  ]);
  const total = totals[0] ?? { sessions: 0, participants: null, countries: 0 };
  const byCountryYear = new Map<string, TrainingCoverage["byCountryAndYear"][number]>();
  for (const row of rows) {
    const key = `${row.code}/${row.year}`;
    let entry = byCountryYear.get(key);
    if (!entry) {
      entry = { country: { code: row.code }, countryCode: row.code, year: row.year, sessions: 0, byLevel: [] };
      byCountryYear.set(key, entry);
    }
    entry.sessions += row.sessions;
    entry.byLevel.push({ level: row.level, sessions: row.sessions, courses: row.courses });
  }
  return {
    sessions: total.sessions,
    participants: total.participants,
    participatingCountries: total.countries,
    byCountryAndYear: [...byCountryYear.values()],
  };
}
