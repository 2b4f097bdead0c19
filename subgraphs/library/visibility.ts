import { isMemberOf, isNetworkAdmin, type Viewer } from "../../common/auth";
import { asList, refuse } from "../../common/row-visibility";
import { Prisma, type PrismaClient } from "../../prisma/library/generated/client";
import type { DocumentVisibility } from "../../prisma/library/generated/enums";
import type { LibraryQuery } from "./search-query";

// Who sees which documents, in one place: public documents for everyone, members-only documents for members of the
// network that shares them; a withdrawn document for that network's admins only (it leaves every search and list).
// Resolvers and loaders never query the shared client: they get `libraryClientFor(prisma, viewer)` and
// `librarySqlFor(prisma, viewer)`, made per request, which put the viewer's rule into every read and refuse writes
// the viewer may not make. Why a client extension rather than PostgreSQL row-level security: as in
// subgraphs/events/visibility.ts (the same on PGlite and PostgreSQL, no per-transaction `SET`, no extra statements).

type DocumentWhere = Prisma.DocumentWhereInput;
type ChangeWhere = Prisma.DocumentChangeWhereInput;

const networksWhere = (viewer: Viewer | null, rule: (viewer: Viewer | null, networkId: string) => boolean) =>
  Object.keys(viewer?.networks ?? {}).filter((networkId) => rule(viewer, networkId));

/** The viewer's documents as a Prisma condition. */
export function visibleDocumentsWhere(viewer: Viewer | null): DocumentWhere {
  const members = networksWhere(viewer, isMemberOf);
  const admins = networksWhere(viewer, isNetworkAdmin);
  const current: DocumentWhere = {
    withdrawnAt: null,
    OR: [{ visibility: "PUBLIC" }, ...(members.length > 0 ? [{ networkId: { in: members } }] : [])],
  };
  return admins.length > 0 ? { OR: [current, { networkId: { in: admins } }] } : current;
}

/** The same rule for a document in hand. */
export const canSeeDocument = (
  viewer: Viewer | null,
  document: { visibility: DocumentVisibility; networkId: string | null; withdrawnAt: Date | null },
) =>
  (document.networkId !== null && isNetworkAdmin(viewer, document.networkId)) ||
  (document.withdrawnAt === null &&
    (document.visibility === "PUBLIC" || (document.networkId !== null && isMemberOf(viewer, document.networkId))));

/** A written value, plain or as `{ set }`; undefined when the write does not set it. */
const written = <Value>(value: Value | { set?: Value } | undefined): Value | undefined =>
  typeof value === "object" && value !== null && "set" in value ? value.set : (value as Value | undefined);

const documentOperations = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "groupBy",
  "create",
  "update",
  "updateMany",
]);
const changeOperations = new Set(["findMany", "count", "create"]);

/**
 * The viewer's client of the library database:
 *
 * - reads of `Document` match only the documents the viewer may see (visibleDocumentsWhere);
 * - documents are created, updated and withdrawn (an update) only in networks the viewer administers, also when the
 *   update moves them to another network; none is deleted;
 * - the audit (`DocumentChange`) is read by the admins of its network only, and written by them in their own name;
 *   it is never updated or deleted (also a database trigger);
 * - raw SQL is refused: the search is `librarySqlFor` below, under the same rule.
 */
export function libraryClientFor(prisma: PrismaClient, viewer: Viewer | null) {
  const visible = visibleDocumentsWhere(viewer);
  const admins = networksWhere(viewer, isNetworkAdmin);
  const onlyVisible = (where: DocumentWhere | undefined): DocumentWhere => ({ AND: [where ?? {}, visible] });
  // Prisma accepts any filter beside the unique field in a unique where: one statement still.
  const uniqueVisible = (
    where: Prisma.DocumentWhereUniqueInput,
    ...also: DocumentWhere[]
  ): Prisma.DocumentWhereUniqueInput => ({
    ...where,
    AND: [...asList(where.AND), visible, ...also],
  });
  const administered: DocumentWhere = { networkId: { in: admins } };
  const administers = (networkId: string | null | undefined) => {
    if (typeof networkId !== "string" || !admins.includes(networkId))
      refuse("write documents of a network you do not administer");
  };
  const movedTo = (data: { networkId?: string | null | { set?: string | null } }) => {
    const networkId = written(data.networkId);
    if (networkId !== undefined) administers(networkId);
  };
  const ownChanges: ChangeWhere = { networkId: { in: admins } };

  return prisma.$extends({
    name: "library-row-visibility",
    query: {
      document: {
        $allOperations: ({ operation, args, query }) => {
          if (!documentOperations.has(operation)) refuse(`${operation} documents`);
          return query(args);
        },
        findMany: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
        findFirst: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
        findFirstOrThrow: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
        findUnique: ({ args, query }) => query({ ...args, where: uniqueVisible(args.where) }),
        findUniqueOrThrow: ({ args, query }) => query({ ...args, where: uniqueVisible(args.where) }),
        count: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
        groupBy: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
        create: ({ args, query }) => {
          administers(args.data.networkId);
          return query(args);
        },
        update: ({ args, query }) => {
          movedTo(args.data);
          return query({ ...args, where: uniqueVisible(args.where, administered) });
        },
        updateMany: ({ args, query }) => {
          movedTo(args.data);
          return query({ ...args, where: { AND: [onlyVisible(args.where), administered] } });
        },
      },
      documentChange: {
        $allOperations: ({ operation, args, query }) => {
          if (!changeOperations.has(operation)) refuse(`${operation} the library's audit (append-only)`);
          return query(args);
        },
        findMany: ({ args, query }) => query({ ...args, where: { AND: [args.where ?? {}, ownChanges] } }),
        count: ({ args, query }) => query({ ...args, where: { AND: [args.where ?? {}, ownChanges] } }),
        create: ({ args, query }) => {
          administers(args.data.networkId);
          if (args.data.actorSub !== viewer?.sub) refuse("write the audit in another person's name");
          return query(args);
        },
      },
      $queryRaw: () => refuse("run SQL over the library"),
      $queryRawUnsafe: () => refuse("run SQL over the library"),
      $executeRaw: () => refuse("run SQL over the library"),
      $executeRawUnsafe: () => refuse("run SQL over the library"),
    },
  });
}

/** A viewer's client of the library database. */
export type LibraryDb = ReturnType<typeof libraryClientFor>;

/** The conditions of a search besides its words, checked and normalised (domain.ts `searchFilter`). */
export interface SearchFilter {
  kind: string | null;
  country: string | null;
  article: string | null;
  network: string | null;
  language: string | null;
  /** YYYY-MM-DD, inclusive. */
  from: string | null;
  to: string | null;
}

export interface SearchHit {
  id: string;
  rank: number | null;
  titleHighlight: string | null;
  snippet: string | null;
}

export interface FacetCount {
  facet: "kind" | "country" | "language" | "article";
  value: string;
  count: number;
}

/** Marks around highlighted words in `ts_headline`'s answer; taken out of the text first, so only ours remain. */
export const highlightStart = "\u0002";
export const highlightEnd = "\u0003";
const headlineOptions = (fragments: boolean) =>
  [
    `StartSel="${highlightStart}"`,
    `StopSel="${highlightEnd}"`,
    fragments ? `MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=" … "` : "HighlightAll=true",
  ].join(", ");

/** The languages searched with their own stemming, and q's column for each; any other language word for word. */
const languageConfigs: { language: string | null; config: string; column: string }[] = [
  { language: "en", config: "'pg_catalog.english'::regconfig", column: "en" },
  { language: "fr", config: "'pg_catalog.french'::regconfig", column: "fr" },
  { language: "es", config: "'pg_catalog.spanish'::regconfig", column: "es" },
  { language: "pt", config: "'pg_catalog.portuguese'::regconfig", column: "pt" },
  { language: null, config: "'pg_catalog.simple'::regconfig", column: "other" },
];
const stemmedLanguages = languageConfigs.flatMap(({ language }) => (language === null ? [] : [language]));

const textArray = (values: readonly string[]) =>
  values.length > 0 ? Prisma.sql`ARRAY[${Prisma.join(values)}]::text[]` : Prisma.sql`'{}'::text[]`;

/**
 * The library's own SQL, under the rule above: a document is found only when it is not withdrawn and public or of a
 * network the viewer is a member of. The full-text search (words stemmed in each document's language through the
 * text search configuration of its language, then unaccented, or as written; prefixes; phrases) uses the generated
 * `searchVector` column and its GIN index (migration init); the documents themselves are then read through the
 * viewer's client by id.
 */
export function librarySqlFor(prisma: PrismaClient, viewer: Viewer | null) {
  const members = networksWhere(viewer, isMemberOf);
  const visible = Prisma.sql`d."withdrawnAt" IS NULL AND (d."visibility" = 'PUBLIC' OR d."networkId" = ANY(${textArray(members)}))`;

  const filtered = (filter: SearchFilter) => {
    const conditions: Prisma.Sql[] = [visible];
    if (filter.kind !== null) conditions.push(Prisma.sql`d."kind"::text = ${filter.kind}`);
    if (filter.country !== null) conditions.push(Prisma.sql`d."countryCode" = ${filter.country}`);
    if (filter.article !== null) conditions.push(Prisma.sql`d."articles" @> ${textArray([filter.article])}`);
    if (filter.network !== null) conditions.push(Prisma.sql`d."networkId" = ${filter.network}`);
    if (filter.language !== null) conditions.push(Prisma.sql`d."language" = ${filter.language}`);
    if (filter.from !== null) conditions.push(Prisma.sql`d."date" >= ${filter.from}::date`);
    if (filter.to !== null) conditions.push(Prisma.sql`d."date" <= ${filter.to}::date`);
    return Prisma.join(conditions, " AND ");
  };

  /**
   * The query in each language, computed once per statement (a materialised CTE read by scalar subqueries, so the
   * planner can use it in a GIN index scan): the words stemmed as typed then unaccented, or unaccented as written,
   * and each prefix (`match`); and the words stemmed as typed (`headline`), for ts_headline over the text as written.
   */
  const queries = (query: LibraryQuery) => {
    const prefix = (start: string) =>
      Prisma.sql`to_tsquery('pg_catalog.simple', quote_literal(library_unaccent(${start})) || ':*')`;
    const prefixes = query.prefixes.map(({ start, excluded }) =>
      excluded ? Prisma.sql` && !!${prefix(start)}` : Prisma.sql` && ${prefix(start)}`,
    );
    const andPrefixes = prefixes.length > 0 ? Prisma.join(prefixes, "") : Prisma.empty;
    const columns = languageConfigs.map(
      ({ column, config }) => Prisma.sql`
        (library_fold_tsquery(websearch_to_tsquery(${Prisma.raw(config)}, ${query.text}))
          || websearch_to_tsquery('pg_catalog.simple', library_unaccent(${query.text})))${andPrefixes}
          AS ${Prisma.raw(`"${column}"`)},
        websearch_to_tsquery(${Prisma.raw(config)}, ${query.text})${andPrefixes} AS ${Prisma.raw(`"${column}_headline"`)}`,
    );
    // Any language's query: the one condition the index is scanned with, each document then checked in its own.
    const any = Prisma.raw(languageConfigs.map(({ column }) => `"${column}"`).join(" || "));
    return Prisma.sql`q0 AS MATERIALIZED (SELECT ${Prisma.join(columns, ",")}),
      q AS MATERIALIZED (SELECT *, ${any} AS "any" FROM q0)`;
  };

  /** The value of q's column for each document's language. */
  const perLanguage = (suffix: "" | "_headline") =>
    Prisma.sql`CASE d."language" ${Prisma.join(
      languageConfigs
        .filter(({ language }) => language !== null)
        .map(
          ({ language, column }) =>
            Prisma.sql`WHEN ${language} THEN (SELECT ${Prisma.raw(`"${column}${suffix}"`)} FROM q)`,
        ),
      " ",
    )} ELSE (SELECT ${Prisma.raw(`"other${suffix}"`)} FROM q) END`;

  /**
   * A document matches the query of its own language. The index is scanned once, for any language's query (a scan
   * per language costs the planner more than reading the table); each document found is then checked in its own.
   */
  const matchesInItsLanguage = Prisma.sql`d."searchVector" @@ (SELECT "any" FROM q) AND (${Prisma.join(
    languageConfigs.map(({ language, column }) =>
      language === null
        ? Prisma.sql`(d."language" NOT IN (${Prisma.join(stemmedLanguages)}) AND d."searchVector" @@ (SELECT "other" FROM q))`
        : Prisma.sql`(d."language" = ${language} AND d."searchVector" @@ (SELECT ${Prisma.raw(`"${column}"`)} FROM q))`,
    ),
    " OR ",
  )})`;

  /** The matching documents as SQL clauses: WITH (the queries), FROM, WHERE. */
  const matching = (query: LibraryQuery | null, filter: SearchFilter) =>
    query === null
      ? { with: Prisma.empty, from: Prisma.sql`"Document" d`, where: filtered(filter) }
      : {
          with: Prisma.sql`WITH ${queries(query)}`,
          from: Prisma.sql`"Document" d`,
          where: Prisma.sql`${matchesInItsLanguage} AND ${filtered(filter)}`,
        };

  return {
    /**
     * A page of the matching documents: by rank (ts_rank, title above summary above body, normalised by length), then
     * newest first; without words newest first. Highlights for the page only.
     */
    async search(query: LibraryQuery | null, filter: SearchFilter, offset: number, take: number) {
      const from = matching(query, filter);
      if (query === null) {
        const rows = await prisma.$queryRaw<{ id: string }[]>`
          SELECT d."id" FROM ${from.from} WHERE ${from.where}
          ORDER BY d."date" DESC NULLS LAST, d."id" LIMIT ${take}::int OFFSET ${offset}::int`;
        return rows.map((row): SearchHit => ({ ...row, rank: null, titleHighlight: null, snippet: null }));
      }
      const marks = highlightStart + highlightEnd;
      return prisma.$queryRaw<SearchHit[]>`
        ${from.with}
        SELECT p."id", p."rank",
          ts_headline(p.config, translate(p."title", ${marks}, ''), p.headline, ${headlineOptions(false)})
            AS "titleHighlight",
          ts_headline(p.config, translate(concat_ws(E'\n', p."summary", p."body"), ${marks}, ''), p.headline,
            ${headlineOptions(true)}) AS "snippet"
        FROM (
          SELECT d."id", d."title", d."summary", d."body", d."date", library_search_config(d."language") AS config,
            ${perLanguage("_headline")} AS headline,
            ts_rank(d."searchVector", ${perLanguage("")}, 1)::float8 AS "rank"
          FROM ${from.from} WHERE ${from.where}
          ORDER BY "rank" DESC, d."date" DESC NULLS LAST, d."id" LIMIT ${take}::int OFFSET ${offset}::int
        ) p
        ORDER BY p."rank" DESC, p."date" DESC NULLS LAST, p."id"`;
    },

    async count(query: LibraryQuery | null, filter: SearchFilter): Promise<number> {
      const from = matching(query, filter);
      const [row] = await prisma.$queryRaw<{ count: number }[]>`
        ${from.with} SELECT count(*)::int AS "count" FROM ${from.from} WHERE ${from.where}`;
      return row.count;
    },

    /** How many matching documents there are of each kind, country, language and article: one statement. */
    facets(query: LibraryQuery | null, filter: SearchFilter): Promise<FacetCount[]> {
      const from = matching(query, filter);
      const withMatched = query === null ? Prisma.sql`WITH` : Prisma.sql`${from.with},`;
      return prisma.$queryRaw<FacetCount[]>`
        ${withMatched} matched AS MATERIALIZED (
          SELECT d."kind", d."countryCode", d."language", d."articles" FROM ${from.from} WHERE ${from.where})
        SELECT 'kind' AS "facet", "kind"::text AS "value", count(*)::int AS "count" FROM matched GROUP BY 2
        UNION ALL
        SELECT 'country', "countryCode", count(*)::int FROM matched WHERE "countryCode" IS NOT NULL GROUP BY 2
        UNION ALL
        SELECT 'language', "language", count(*)::int FROM matched GROUP BY 2
        UNION ALL
        SELECT 'article', a.code, count(*)::int FROM matched, unnest(matched."articles") AS a (code) GROUP BY 2`;
    },

    /**
     * The newest `first` visible documents of each key (a network's or a country's), of the given kinds: one
     * statement for a whole batch of keys, each an index scan.
     */
    newestByKey(column: "networkId" | "countryCode", keys: readonly string[], kinds: readonly string[], first: number) {
      const kindFilter = kinds.length > 0 ? Prisma.sql`AND d."kind"::text = ANY(${textArray(kinds)})` : Prisma.empty;
      return prisma.$queryRaw<{ key: string; id: string }[]>`
        SELECT k."key", d."id" FROM unnest(${textArray(keys)}) AS k ("key")
        CROSS JOIN LATERAL (
          SELECT d."id" FROM "Document" d
          WHERE d.${Prisma.raw(`"${column}"`)} = k."key" AND ${visible} ${kindFilter}
          ORDER BY d."date" DESC NULLS LAST, d."id" LIMIT ${first}::int
        ) d`;
    },
  };
}

export type LibrarySql = ReturnType<typeof librarySqlFor>;
