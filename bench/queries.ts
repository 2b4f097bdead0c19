import pg from "pg";
import type { Viewer } from "../common/auth";
import { encodeCursor } from "../common/pagination";
import { memberships } from "../prisma/members/seed/memberships";
import { benchAuthorityId } from "./dataset";
import { libraryBrowsing, librarySearches } from "./library-corpus";
import type { Workload } from "./load";

/**
 * Who the benchmark asks as: simulated users, each a contact point of Portugal's synthetic authority, in every
 * network, and an analyst (so every query of the mix is allowed), told apart by `sub`.
 */
export const benchViewers = (count: number): Viewer[] =>
  Array.from({ length: count }, (_, index) => ({
    sub: `bench-user-${index}`,
    name: `Benchmark user ${index} (fictional)`,
    networks: {
      "coe-24-7": ["CONTACT_POINT"],
      ejcn: ["MEMBER"],
      "forum-cibercrime": ["MEMBER"],
      ciberred: ["MEMBER"],
      gpen: ["MEMBER"],
    },
    authorityId: benchAuthorityId("PT"),
    analyst: true,
  }));

export interface BenchQuery {
  name: string;
  description: string;
  /** Subgraphs the gateway's query plan calls. */
  subgraphs: string[];
  gateway: Workload;
  /** The part of the query one subgraph answers alone, sent to it directly. */
  direct: Workload & { subgraph: string };
  /** The same query returning few and many rows: its SQL statement count must not grow with the rows (N+1). */
  scaling: { few: Record<string, unknown>; many: Record<string, unknown>; rows(data: any): number };
  /** For a query whose answers are cached: variables no earlier request used, so each answer is computed afresh. */
  uncached?: (index: number) => Record<string, unknown>;
}

const countryProfileMembers = `code name region budapestConvention { status } networks { id acronym name }`;

const forumThreadPage = `threads(first: $first, search: $search, answered: $answered) {
  totalCount edges { node { id title author { name } replyCount lastActivityAt answered } }
}`;

/** The documents of the query mix (the limits test runs each under the gateway's default limits). */
export const benchDocuments = {
  countryProfile: `query CountryProfile($code: ID!) {
    country(code: $code) {
      ${countryProfileMembers}
      contactPoints { id kind institution languages lastVerifiedAt }
      events(upcoming: true) { id kind title startDate endDate online }
    }
  }`,
  findContactPoints: `query Find($country: ID!, $first: Int) {
    findContactPoints(country: $country, measure: PRESERVATION, urgent: true, first: $first) {
      id kind institution languages reachableNow network { id } availability { twentyFourSeven officeHours { timeZone } }
    }
  }`,
  contactPointsDeepPage: `query DeepPage($first: Int, $after: String, $filter: ContactPointFilter) {
    contactPoints(first: $first, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor } edges { cursor node { id kind country { code } languages lastVerifiedAt } }
    }
  }`,
  requestStatistics: `query Statistics($filter: RequestStatisticsFilter) {
    requestStatistics(filter: $filter) {
      sent medianHoursToAcknowledge medianHoursToExecute byKind { kind count } byStatus { status count } byMonth { month sent }
    }
  }`,
  expiringPreservations: `query Expiring($withinDays: Int!) {
    expiringPreservations(withinDays: $withinDays) { id kind status caseReference preservedUntil requestedTimeZone }
  }`,
  librarySearch: `query LibrarySearch($query: String, $filter: LibraryFilter, $first: Int) {
    searchLibrary(query: $query, filter: $filter, first: $first) {
      totalCount
      facets { kinds { kind count } countries { country { code } count } languages { language count } articles { article { code } count } }
      edges { rank snippet { text highlighted } node { id kind title language date } }
    }
  }`,
  forumThreads: `query ForumThreads($search: String, $answered: Boolean, $first: Int) {
    network(id: "gpen") { acronym forum { threadCount ${forumThreadPage} } }
  }`,
  libraryBrowse: `query LibraryBrowse($filter: LibraryFilter, $first: Int) {
    searchLibrary(filter: $filter, first: $first) {
      facets { kinds { kind count } languages { language count } }
      edges { node { id kind title language date articles { code } } }
    }
  }`,
};

/** The query mix of the benchmark, with parameters that depend on the loaded data (a cursor deep in a list). */
export async function benchQueries(databaseUrl: string): Promise<BenchQuery[]> {
  const deepPageFilter = { kind: "NETWORK_CONTACT_POINT", language: "en" };
  const deepCursors = (await contactPointsAt(databaseUrl, [0.7, 0.75, 0.8, 0.85, 0.9])).map((id) =>
    encodeCursor("contactPoints", id),
  );
  const deepCursor = deepCursors[2];
  // Countries in at least one network: all have contact points and events in every data set.
  const countryCodes = [...new Set(memberships.map((membership) => membership.countryCode))].sort();
  const {
    findContactPoints,
    contactPointsDeepPage: contactPointsPage,
    requestStatistics: statistics,
    expiringPreservations: expiring,
  } = benchDocuments;
  const lastMonth = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
  const finder = (name: string, first: number): BenchQuery => ({
    name,
    description: `whom to call in a country for urgent preservation, ranked, best ${first} (contacts)`,
    subgraphs: ["contacts"],
    gateway: { query: findContactPoints, variants: countryCodes.map((country) => ({ country, first })) },
    direct: {
      subgraph: "contacts",
      query: findContactPoints,
      variants: countryCodes.map((country) => ({ country, first })),
    },
    scaling: {
      few: { country: "PT", first: 2 },
      many: { country: "PT", first: 100 },
      rows: (data) => data.findContactPoints.length,
    },
  });
  return [
    {
      name: "countryProfile",
      description: "country → networks (members), contact points (contacts), upcoming events (events)",
      subgraphs: ["members", "contacts", "events"],
      gateway: {
        query: benchDocuments.countryProfile,
        variants: countryCodes.map((code) => ({ code })),
      },
      direct: {
        subgraph: "members",
        query: `query CountryProfile($code: ID!) { country(code: $code) { ${countryProfileMembers} } }`,
        variants: countryCodes.map((code) => ({ code })),
      },
      scaling: {
        few: { code: "MT" },
        many: { code: "PT" },
        rows: (data) => data.country.networks.length + data.country.contactPoints.length + data.country.events.length,
      },
    },
    finder("findContactPoints", 10),
    // A page as long as a client may ask for: the whole of a country's ranked list.
    finder("findContactPoints100", 100),
    {
      name: "contactPointsDeepPage",
      description: "network contact points working in English, 20 from 70 to 90 % down the list, no total (contacts)",
      subgraphs: ["contacts"],
      gateway: {
        query: contactPointsPage,
        variants: deepCursors.map((after) => ({ first: 20, after, filter: deepPageFilter })),
      },
      direct: {
        subgraph: "contacts",
        query: contactPointsPage,
        variants: deepCursors.map((after) => ({ first: 20, after, filter: deepPageFilter })),
      },
      scaling: {
        few: { first: 2, after: deepCursor, filter: deepPageFilter },
        many: { first: 100, after: deepCursor, filter: deepPageFilter },
        rows: (data) => data.contactPoints.edges.length,
      },
    },
    {
      name: "requestStatistics",
      description: "aggregates and medians over every sent request, by kind, status and month (requests)",
      subgraphs: ["requests"],
      gateway: { query: statistics, variants: [{}] },
      direct: { subgraph: "requests", query: statistics, variants: [{}] },
      scaling: {
        // Both from the kept aggregates (a country's filter reads its requests instead: another statement count).
        few: { filter: { kind: "EMERGENCY_MLA", from: lastMonth } },
        many: { filter: { to: "2999-12-31" } },
        rows: (data) => data.requestStatistics.byMonth.length + data.requestStatistics.byKind.length,
      },
      // Still the whole data set: an end some years ahead, different each time.
      uncached: (index) => ({ filter: { to: new Date(Date.UTC(2100, 0, 1 + index)).toISOString().slice(0, 10) } }),
    },
    {
      name: "expiringPreservations",
      description: "preservations of one authority ending within 30 to 60 days (requests)",
      subgraphs: ["requests"],
      gateway: { query: expiring, variants: [30, 40, 50, 60].map((withinDays) => ({ withinDays })) },
      direct: {
        subgraph: "requests",
        query: expiring,
        variants: [30, 40, 50, 60].map((withinDays) => ({ withinDays })),
      },
      scaling: { few: { withinDays: 3 }, many: { withinDays: 60 }, rows: (data) => data.expiringPreservations.length },
    },
    {
      name: "librarySearch",
      description:
        "full-text search of the library in four languages: ranked page of 20 with highlighted passages, total and facets (library)",
      subgraphs: ["library"],
      gateway: {
        query: benchDocuments.librarySearch,
        variants: librarySearches.map((search) => ({ ...search, first: 20 })),
      },
      direct: {
        subgraph: "library",
        query: benchDocuments.librarySearch,
        variants: librarySearches.map((search) => ({ ...search, first: 20 })),
      },
      scaling: {
        few: { query: "electronic evidence", first: 2 },
        many: { query: "electronic evidence", first: 100 },
        rows: (data) => data.searchLibrary.edges.length,
      },
    },
    {
      name: "libraryBrowse",
      description:
        "the library without words: newest 20 by country, article, language or network, with facets (library)",
      subgraphs: ["library"],
      gateway: {
        query: benchDocuments.libraryBrowse,
        variants: libraryBrowsing.map((browse) => ({ ...browse, first: 20 })),
      },
      direct: {
        subgraph: "library",
        query: benchDocuments.libraryBrowse,
        variants: libraryBrowsing.map((browse) => ({ ...browse, first: 20 })),
      },
      scaling: {
        few: { filter: { language: "en" }, first: 2 },
        many: { filter: { language: "en" }, first: 100 },
        rows: (data) => data.searchLibrary.edges.length,
      },
    },
    forumQuery(
      "forumThreads",
      "the GPEN forum's latest 20 threads, all or still open, with their count (members → gpen)",
      [{}, { answered: false }],
      null,
    ),
    forumQuery(
      "forumSearch",
      "the GPEN forum's threads matching words of threads and replies, each word a prefix, latest 20 and total (members → gpen)",
      [
        { search: "cloud" },
        { search: "ransomware logs" },
        { search: "preserv provider" },
        { search: "cryptocurrency" },
      ],
      "provider",
    ),
  ];
}

/** The GPEN forum's threads, latest activity first: the gateway asks the members subgraph, then the gpen subgraph. */
function forumQuery(
  name: string,
  description: string,
  variants: { search?: string; answered?: boolean }[],
  scalingSearch: string | null,
): BenchQuery {
  const pages = variants.map((variant) => ({ ...variant, first: 20 }));
  return {
    name,
    description,
    subgraphs: ["members", "gpen"],
    gateway: { query: benchDocuments.forumThreads, variants: pages },
    direct: {
      subgraph: "gpen",
      query: `query ForumThreads($representations: [_Any!]!, $search: String, $answered: Boolean, $first: Int) {
        _entities(representations: $representations) { ... on Network { forum { threadCount ${forumThreadPage} } } }
      }`,
      variants: pages.map((page) => ({ ...page, representations: [{ __typename: "Network", id: "gpen" }] })),
    },
    scaling: {
      few: { search: scalingSearch, first: 2 },
      many: { search: scalingSearch, first: 100 },
      rows: (data) => data.network.forum.threads.edges.length,
    },
  };
}

/** Ids of the current, filtered contact points at these fractions of the list, for cursors deep in it. */
async function contactPointsAt(databaseUrl: string, fractions: number[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const filtered = `FROM contacts."ContactPoint" WHERE kind = 'NETWORK_CONTACT_POINT' AND 'en' = ANY(languages) AND "validTo" IS NULL`;
    const [{ count }] = (await client.query(`SELECT count(*)::int AS count ${filtered}`)).rows;
    if (count === 0) throw new Error("the data set has no network contact points working in English");
    const ids = [];
    for (const fraction of fractions)
      ids.push(
        (await client.query(`SELECT id ${filtered} ORDER BY id OFFSET $1 LIMIT 1`, [Math.floor(count * fraction)]))
          .rows[0].id,
      );
    return ids;
  } finally {
    await client.end();
  }
}
