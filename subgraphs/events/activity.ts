import { z } from "zod";
import { Prisma, type PrismaClient } from "../../prisma/events/generated/client";
import type { EventActivity } from "./types/activity";

export interface ActivityFilter {
  networkId: string | null;
  fromYear: number | null;
  toYear: number | null;
}

const figure = z.coerce.number();
const activityRows = z.array(
  z.object({
    network: z.string(),
    year: figure,
    events: figure,
    countries: figure,
    participants: figure.nullable(),
  }),
);

/**
 * Events per network and year (of their local start), in one statement: how many, how many distinct countries took
 * part, and the participants where the sources count them. `visible` is the viewer's condition (visibility.ts).
 */
export async function eventActivity(
  prisma: PrismaClient,
  visible: Prisma.Sql,
  filter: ActivityFilter,
): Promise<EventActivity[]> {
  const conditions = [visible];
  if (filter.networkId) conditions.push(Prisma.sql`n.network = ${filter.networkId}`);
  const year = Prisma.sql`extract(year FROM e."startsAt" AT TIME ZONE e."timeZone")::int`;
  if (filter.fromYear !== null) conditions.push(Prisma.sql`${year} >= ${filter.fromYear}`);
  if (filter.toYear !== null) conditions.push(Prisma.sql`${year} <= ${filter.toYear}`);
  const rows = activityRows.parse(
    await prisma.$queryRaw`
      WITH ev AS (
        SELECT e."id", n.network, ${year} AS year, e."participantsCount", e."participatingCountries"
        FROM "Event" e CROSS JOIN LATERAL unnest(e."networkIds") AS n(network)
        WHERE ${Prisma.join(conditions, " AND ")})
      SELECT ev.network, ev.year, count(*) AS events, sum(ev."participantsCount") AS participants,
             (SELECT count(DISTINCT c.code) FROM ev other CROSS JOIN LATERAL unnest(other."participatingCountries") AS c(code)
              WHERE other.network = ev.network AND other.year = ev.year) AS countries
      FROM ev GROUP BY ev.network, ev.year ORDER BY 1, 2`,
  );
  return rows.map((row) => ({
    network: { id: row.network },
    networkId: row.network,
    year: row.year,
    events: row.events,
    participatingCountries: row.countries,
    participants: row.participants,
  }));
}
