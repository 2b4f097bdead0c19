import { z } from "zod";
import { now } from "../../common/clock";
import { Prisma } from "../../prisma/requests/generated/client";
import type { RequestAnalytics } from "./types/analytics";
import type { RequestsDb } from "./visibility";

/**
 * Small-cell suppression: a figure drawn from fewer requests than this is not published, so that no single case can
 * be recognised from an aggregate. A suppressed row is left out (its count is said); a suppressed figure is null.
 */
export const MINIMUM_CELL = 5;

/** The kinds that are a mutual legal assistance request following a preservation (Art. 29 → Art. 31). */
const mlaKinds = ["MLA_SUBSCRIBER_INFORMATION", "MLA_STORED_DATA", "EMERGENCY_MLA"];

const hours = (from: string, to: string) => Prisma.raw(`extract(epoch from (${to} - ${from})) / 3600`);
const median = (from: string, to: string) =>
  Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours(from, to)})`;

const figure = z.coerce.number();
const pairRows = z.array(z.object({ requesting: z.string(), requested: z.string(), sent: figure }));
const countryRows = z.array(
  z.object({
    requested: z.string(),
    sent: figure,
    acknowledged: figure,
    executed: figure,
    ack: figure.nullable(),
    exec: figure.nullable(),
    preservations: figure,
    followed: figure,
  }),
);

const published = (count: number) => count >= MINIMUM_CELL;

/**
 * Three aggregates over the sent requests matching `where` (columns of "CooperationRequest" r): by pair of countries,
 * by requested country (times and preservations followed by an MLA request in time), each cell suppressed below
 * MINIMUM_CELL requests (and the overall preservation figures when they would give away a suppressed cell's). A preservation is followed in time when an MLA request between the same two countries was
 * sent after it and no later than the end of its preservation (`preservedUntil`, or 60 days after sending while the
 * preservation is not executed: the Convention's minimum, Art. 29(7)).
 */
export async function computeAnalytics(db: RequestsDb, where: Prisma.Sql): Promise<RequestAnalytics> {
  const computedAt = now();
  const [pairs, countries] = await Promise.all([
    db.$queryRaw`
      SELECT r."requestingCountryCode" AS requesting, r."requestedCountryCode" AS requested, count(*) AS sent
      FROM "CooperationRequest" r WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`.then((rows) => pairRows.parse(rows)),
    db.$queryRaw`
      SELECT r."requestedCountryCode" AS requested, count(*) AS sent,
             count(r."acknowledgedAt") AS acknowledged, count(r."executedAt") AS executed,
             ${median('r."sentAt"', 'r."acknowledgedAt"')} AS ack, ${median('r."sentAt"', 'r."executedAt"')} AS exec,
             count(*) FILTER (WHERE r."kind" = 'PRESERVATION') AS preservations,
             count(*) FILTER (WHERE r."kind" = 'PRESERVATION' AND EXISTS (
               SELECT 1 FROM "CooperationRequest" m
               WHERE m."kind"::text IN (${Prisma.join(mlaKinds)}) AND m."sentAt" IS NOT NULL
                 AND m."requestingCountryCode" = r."requestingCountryCode"
                 AND m."requestedCountryCode" = r."requestedCountryCode"
                 AND m."sentAt" >= r."sentAt"
                 AND m."sentAt" <= coalesce(r."preservedUntil", r."sentAt" + interval '60 days'))) AS followed
      FROM "CooperationRequest" r WHERE ${where} GROUP BY 1 ORDER BY 1`.then((rows) => countryRows.parse(rows)),
  ]);
  const preservations = countries.reduce((sum, row) => sum + row.preservations, 0);
  const followed = countries.reduce((sum, row) => sum + row.followed, 0);
  // Secondary suppression: the total less the published countries' figures is the suppressed countries' own, so the
  // total is published only when that remainder is none or itself a publishable cell.
  const remainder = countries
    .filter((row) => !published(row.sent) || !published(row.preservations))
    .reduce((sum, row) => sum + row.preservations, 0);
  const overall = published(preservations) && (remainder === 0 || published(remainder));
  return {
    minimumCell: MINIMUM_CELL,
    byPair: pairs
      .filter((row) => published(row.sent))
      .map((row) => ({
        requestingCountry: { code: row.requesting },
        requestedCountry: { code: row.requested },
        requestingCountryCode: row.requesting,
        requestedCountryCode: row.requested,
        sent: row.sent,
      })),
    suppressedPairs: pairs.filter((row) => !published(row.sent)).length,
    byRequestedCountry: countries
      .filter((row) => published(row.sent))
      .map((row) => ({
        requestedCountry: { code: row.requested },
        requestedCountryCode: row.requested,
        sent: row.sent,
        // A median over fewer than MINIMUM_CELL times could be one case's own time.
        medianHoursToAcknowledge: published(row.acknowledged) ? row.ack : null,
        medianHoursToExecute: published(row.executed) ? row.exec : null,
        preservations: published(row.preservations) ? row.preservations : null,
        preservationsFollowedByMla: published(row.preservations) ? row.followed : null,
      })),
    suppressedRequestedCountries: countries.filter((row) => !published(row.sent)).length,
    preservations: overall ? preservations : null,
    preservationsFollowedByMla: overall ? followed : null,
    shareOfPreservationsFollowedByMla: overall ? followed / preservations : null,
    computedAt,
  };
}
