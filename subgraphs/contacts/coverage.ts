import { z } from "zod";
import { Prisma, type PrismaClient } from "../../prisma/contacts/generated/client";
import { currentSql } from "./loaders";
import type { NetworkCoverage, StalenessFigures } from "./types/coverage";

const monthsAgo = (instant: Date, months: number) => {
  const date = new Date(instant);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
};

const count = z.coerce.number();
const coverageRows = z.array(
  z.object({
    code: z.string(),
    tfs: z.boolean(),
    central: z.boolean(),
    network: z.boolean(),
    verified: z.date().nullable(),
  }),
);

/**
 * The coverage of a network's member countries (`codes`, from the members subgraph through the graph): one statement
 * joining the codes to the current 24/7 points, central authorities and this network's contact points.
 */
export async function networkCoverage(
  prisma: PrismaClient,
  networkId: string,
  codes: string[],
  instant: Date,
): Promise<NetworkCoverage> {
  const rows = coverageRows.parse(
    await prisma.$queryRaw`
      SELECT c.code,
             coalesce(bool_or(p."kind" = 'TWENTY_FOUR_SEVEN'), false) AS tfs,
             coalesce(bool_or(p."kind" = 'CENTRAL_AUTHORITY_MLA'), false) AS central,
             coalesce(bool_or(p."kind" = 'NETWORK_CONTACT_POINT'), false) AS network,
             max(p."lastVerifiedAt") AS verified
      FROM unnest(${codes}::text[]) AS c(code)
      LEFT JOIN "ContactPoint" p ON p."countryCode" = c.code AND ${currentSql(instant)}
        AND (p."kind" IN ('TWENTY_FOUR_SEVEN', 'CENTRAL_AUTHORITY_MLA')
             OR (p."kind" = 'NETWORK_CONTACT_POINT' AND p."networkId" = ${networkId}))
      GROUP BY c.code ORDER BY c.code`,
  );
  const since6 = monthsAgo(instant, 6);
  const since12 = monthsAgo(instant, 12);
  const having = (test: (row: (typeof rows)[number]) => boolean) => rows.filter(test).length;
  return {
    network: { id: networkId },
    networkId,
    memberCountries: rows.length,
    withTwentyFourSeven: having((row) => row.tfs),
    withoutTwentyFourSeven: having((row) => !row.tfs),
    withCentralAuthority: having((row) => row.central),
    withoutCentralAuthority: having((row) => !row.central),
    withNetworkContactPoint: having((row) => row.network),
    withoutNetworkContactPoint: having((row) => !row.network),
    verifiedWithin6Months: having((row) => row.verified !== null && row.verified >= since6),
    verifiedWithin12Months: having((row) => row.verified !== null && row.verified >= since12),
    countries: rows.map((row) => ({
      country: { code: row.code },
      countryCode: row.code,
      twentyFourSeven: row.tfs,
      centralAuthority: row.central,
      networkContactPoint: row.network,
      lastVerifiedAt: row.verified,
    })),
  };
}

const stalenessRows = z.array(
  z.object({
    network: z.string().nullable(),
    code: z.string(),
    current: count,
    recent: count,
    middle: count,
    old: count,
    never: count,
    oldest: z.date().nullable(),
  }),
);

/** Current designations by network and country, counted by the age of their last verification, in SQL. */
export async function staleness(
  prisma: PrismaClient,
  instant: Date,
  filter: { networkId: string | null; countryCode: string | null },
): Promise<StalenessFigures[]> {
  const since6 = monthsAgo(instant, 6);
  const since12 = monthsAgo(instant, 12);
  const conditions = [currentSql(instant)];
  if (filter.networkId) conditions.push(Prisma.sql`p."networkId" = ${filter.networkId}`);
  if (filter.countryCode) conditions.push(Prisma.sql`p."countryCode" = ${filter.countryCode}`);
  const rows = stalenessRows.parse(
    await prisma.$queryRaw`
      SELECT p."networkId" AS network, p."countryCode" AS code, count(*) AS current,
             count(*) FILTER (WHERE p."lastVerifiedAt" >= ${since6}) AS recent,
             count(*) FILTER (WHERE p."lastVerifiedAt" >= ${since12} AND p."lastVerifiedAt" < ${since6}) AS middle,
             count(*) FILTER (WHERE p."lastVerifiedAt" < ${since12}) AS old,
             count(*) FILTER (WHERE p."lastVerifiedAt" IS NULL) AS never,
             min(p."lastVerifiedAt") AS oldest
      FROM "ContactPoint" p WHERE ${Prisma.join(conditions, " AND ")}
      GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2`,
  );
  return rows.map((row) => ({
    network: row.network === null ? null : { id: row.network },
    networkId: row.network,
    country: { code: row.code },
    countryCode: row.code,
    current: row.current,
    verifiedWithin6Months: row.recent,
    verified6To12MonthsAgo: row.middle,
    verifiedOver12MonthsAgo: row.old,
    neverVerified: row.never,
    oldestVerifiedAt: row.oldest,
  }));
}
