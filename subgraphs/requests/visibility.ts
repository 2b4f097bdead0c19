import { isNetworkAdminAnywhere, type Viewer } from "../../common/auth";
import { asList, hasId, refuse } from "../../common/row-visibility";
import { Prisma, RequestKind, RequestStatus, type PrismaClient } from "../../prisma/requests/generated/client";
import { actingAuthority } from "./domain";

// Who sees which rows of this subgraph, in one place (case material is for the two authorities
// involved). Resolvers and loaders never query the shared client: they get `requestsClientFor(prisma, viewer)`, made
// per request, which ANDs the viewer's filter into every read of a request or of its history and refuses writes the
// viewer may not make. A query written without any filter therefore returns only what the viewer may read.
//
// Why a Prisma client extension and not PostgreSQL row-level security: it works the same on embedded PGlite and on a
// PostgreSQL server, and it needs no per-transaction `SET` of the viewer: with the driver adapters Prisma sends most
// statements outside a transaction on whichever pooled connection is free, so RLS would mean wrapping every query in
// a transaction of its own (more statements per request, and the N+1 counts would change). The extension adds none.

type RequestWhere = Prisma.CooperationRequestWhereInput;
type HistoryWhere = Prisma.RequestEventWhereInput;
type NotificationWhere = Prisma.NotificationWhereInput;

/** A filter no row matches: the visibility of a viewer who may read no request. */
const noRequest: RequestWhere = { id: { in: [] } };

/** Only the two authorities' contact points read a request; anyone else reads none. Never null. */
export function visibleTo(viewer: Viewer | null): RequestWhere {
  const authority = actingAuthority(viewer);
  return authority ? { OR: [{ requestingAuthorityId: authority }, { requestedAuthorityId: authority }] } : noRequest;
}

/** The operations this client answers; any other (one a later Prisma adds) is refused rather than left unfiltered. */
const requestOperations = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "create",
  "update",
  "updateMany",
  "updateManyAndReturn",
]);
const historyOperations = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "create",
  "createMany",
]);

const notificationOperations = new Set(["findMany", "count", "createMany"]);

/**
 * The viewer's client of the requests database:
 *
 * - reads of `CooperationRequest` (findMany, findFirst, findUnique and their OrThrow forms, count, aggregate, groupBy)
 *   match only the viewer's requests; a viewer who may read none gets an empty answer without a statement;
 * - reads of `RequestEvent` match only the history of those requests;
 * - a request is created only by its requesting authority, updated only where the filter matches, never moved to
 *   other authorities, never deleted; history is append-only and written only for a request this client has
 *   returned (so one the viewer may read);
 * - `$queryRaw` is for analysts' statistics: aggregates over kinds, statuses, countries and times, never contents;
 *   the unchecked raw forms are refused.
 *
 * - reads of `Notification` match the notifications of those requests, those to the viewer's authority when the
 *   viewer is one of its admins, and parked ones for network admins (who look after undelivered notifications);
 *   notifications are written only for a request this client has returned, never updated or deleted here (the
 *   delivery worker uses the shared client).
 *
 * `PreservationPeriod` holds public reference data and is not filtered. `NotificationSettings` are read and written by
 * the resolvers only after their own check of the authority's admins.
 */
export function requestsClientFor(prisma: PrismaClient, viewer: Viewer | null) {
  const authority = actingAuthority(viewer);
  const visible = visibleTo(viewer);
  const historyVisible: HistoryWhere = { request: visible };
  const onlyVisible = (where: RequestWhere | undefined): RequestWhere => ({ AND: [where ?? {}, visible] });
  // Prisma 5+ accepts any filter beside the unique field in a unique where (`extendedWhereUnique`): the row is
  // found only if it is also visible, in the same single statement.
  const uniqueVisible = (
    where: Prisma.CooperationRequestWhereUniqueInput,
  ): Prisma.CooperationRequestWhereUniqueInput => ({
    ...where,
    AND: [...asList(where.AND), visible],
  });
  const onlyVisibleHistory = (where: HistoryWhere | undefined): HistoryWhere => ({
    AND: [where ?? {}, historyVisible],
  });
  const uniqueVisibleHistory = (where: Prisma.RequestEventWhereUniqueInput): Prisma.RequestEventWhereUniqueInput => ({
    ...where,
    AND: [...asList(where.AND), historyVisible],
  });
  const notificationVisible: NotificationWhere = {
    OR: [
      { request: visible },
      ...(viewer?.authorityId && isNetworkAdminAnywhere(viewer) ? [{ recipientAuthorityId: viewer.authorityId }] : []),
      ...(isNetworkAdminAnywhere(viewer) ? [{ state: "PARKED" as const }] : []),
    ],
  };
  // Requests this client has returned: visible by construction, so their history may be written.
  const returned = new Set<string>();
  const remember = <Result>(result: Result): Result => {
    for (const row of Array.isArray(result) ? result : [result]) if (hasId(row)) returned.add(row.id);
    return result;
  };
  const staysWithItsAuthorities = (data: object) => {
    if ("requestingAuthorityId" in data || "requestedAuthorityId" in data)
      refuse("move a cooperation request to other authorities");
  };
  const historyOf = (requestId: unknown) => {
    if (typeof requestId !== "string" || !returned.has(requestId))
      refuse("write the history of a request you cannot read");
  };

  return prisma.$extends({
    name: "requests-row-visibility",
    query: {
      cooperationRequest: {
        $allOperations: ({ operation, args, query }) => {
          if (!requestOperations.has(operation)) refuse(`${operation} cooperation requests`);
          return query(args);
        },
        findMany: async ({ args, query }) =>
          authority ? remember(await query({ ...args, where: onlyVisible(args.where) })) : [],
        findFirst: async ({ args, query }) =>
          authority ? remember(await query({ ...args, where: onlyVisible(args.where) })) : null,
        findFirstOrThrow: async ({ args, query }) => remember(await query({ ...args, where: onlyVisible(args.where) })),
        findUnique: async ({ args, query }) =>
          authority ? remember(await query({ ...args, where: uniqueVisible(args.where) })) : null,
        findUniqueOrThrow: async ({ args, query }) =>
          remember(await query({ ...args, where: uniqueVisible(args.where) })),
        count: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
        aggregate: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
        groupBy: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
        create: async ({ args, query }) => {
          if (!authority || args.data.requestingAuthorityId !== authority)
            refuse("create a cooperation request for another authority");
          return remember(await query(args));
        },
        update: async ({ args, query }) => {
          staysWithItsAuthorities(args.data);
          return remember(await query({ ...args, where: uniqueVisible(args.where) }));
        },
        updateMany: ({ args, query }) => {
          staysWithItsAuthorities(args.data);
          return query({ ...args, where: onlyVisible(args.where) });
        },
        updateManyAndReturn: async ({ args, query }) => {
          staysWithItsAuthorities(args.data);
          return remember(await query({ ...args, where: onlyVisible(args.where) }));
        },
      },
      requestEvent: {
        $allOperations: ({ operation, args, query }) => {
          if (!historyOperations.has(operation)) refuse(`${operation} request history (it is append-only)`);
          return query(args);
        },
        findMany: ({ args, query }) =>
          authority ? query({ ...args, where: onlyVisibleHistory(args.where) }) : Promise.resolve([]),
        findFirst: ({ args, query }) => query({ ...args, where: onlyVisibleHistory(args.where) }),
        findFirstOrThrow: ({ args, query }) => query({ ...args, where: onlyVisibleHistory(args.where) }),
        findUnique: ({ args, query }) => query({ ...args, where: uniqueVisibleHistory(args.where) }),
        findUniqueOrThrow: ({ args, query }) => query({ ...args, where: uniqueVisibleHistory(args.where) }),
        count: ({ args, query }) => query({ ...args, where: onlyVisibleHistory(args.where) }),
        aggregate: ({ args, query }) => query({ ...args, where: onlyVisibleHistory(args.where) }),
        groupBy: ({ args, query }) => query({ ...args, where: onlyVisibleHistory(args.where) }),
        create: ({ args, query }) => {
          historyOf(args.data.requestId);
          return query(args);
        },
        createMany: ({ args, query }) => {
          for (const row of asList(args.data)) historyOf(row.requestId);
          return query(args);
        },
      },
      notification: {
        $allOperations: ({ operation, args, query }) => {
          if (!notificationOperations.has(operation)) refuse(`${operation} notifications`);
          return query(args);
        },
        findMany: ({ args, query }) => query({ ...args, where: { AND: [args.where ?? {}, notificationVisible] } }),
        count: ({ args, query }) => query({ ...args, where: { AND: [args.where ?? {}, notificationVisible] } }),
        createMany: ({ args, query }) => {
          for (const row of asList(args.data)) historyOf(row.requestId);
          return query(args);
        },
      },
      $queryRaw: async ({ args, query }) => {
        if (!viewer?.analyst) refuse("run statistics over cooperation requests (analysts only)");
        checkAggregateStatement(statementText(args));
        return checkAggregateRows(await query(args));
      },
      $queryRawUnsafe: () => refuse("run unchecked SQL"),
      $executeRaw: () => refuse("run SQL that writes"),
      $executeRawUnsafe: () => refuse("run SQL that writes"),
    },
  });
}

/** A viewer's client of the requests database. */
export type RequestsDb = ReturnType<typeof requestsClientFor>;

/**
 * The text of a raw statement, with `?` where the values go. The extension receives the statement as Prisma's `Sql`
 * object (`strings` and `values`), though its type names the call's arguments; both shapes are read.
 */
function statementText(args: unknown): string {
  const query: unknown = Array.isArray(args) ? args[0] : args;
  if (Array.isArray(query) && query.every((part) => typeof part === "string")) return query.join("?");
  if (typeof query === "object" && query !== null && "strings" in query && Array.isArray(query.strings))
    return query.strings.join("?");
  return refuse("run a raw statement of unknown form");
}

/**
 * Columns of a request an aggregate may name. Every other column (contents, references, authorities, people, and any
 * column added later) is refused by name, quoted or not; the history table is not read at all.
 */
const aggregateColumns = new Set<string>([
  "kind",
  "status",
  "requestingCountryCode",
  "requestedCountryCode",
  "createdAt",
  "sentAt",
  "acknowledgedAt",
  "executedAt",
  "closedAt",
  // A time like the others: request analytics count preservations followed by an MLA request before it.
  "preservedUntil",
]);
const caseColumns = Object.values(Prisma.CooperationRequestScalarFieldEnum).filter(
  (column) => !aggregateColumns.has(column),
);

/**
 * A guard against a mistake in our own statistics, not against a hostile statement: it must group, read no
 * history, select no whole rows and name no column of case material.
 */
function checkAggregateStatement(text: string): void {
  // PostgreSQL folds unquoted names to lower case: `CONTENT` names the column "content".
  const words = new Set(text.toLowerCase().match(/[a-z_][a-z0-9_]*/g));
  const quoted = new Set([...text.matchAll(/"([^"]+)"/g)].map((match) => match[1]));
  const named = caseColumns.filter(
    (column) => quoted.has(column) || (column === column.toLowerCase() && words.has(column)),
  );
  if (!/\bGROUP\s+BY\b/i.test(text) || quoted.has("RequestEvent") || /(?<!count\()\*/i.test(text) || named.length > 0)
    refuse(
      `run SQL that is not an aggregate of kinds, statuses, countries and times${named.length ? ` (${named.join(", ")})` : ""}`,
    );
}

const aggregateLabels = new Set<unknown>([...Object.values(RequestKind), ...Object.values(RequestStatus)]);
/** Figures, kinds, statuses, country codes and months: the only values an aggregate row may carry. */
const isAggregateValue = (value: unknown) =>
  value === null ||
  typeof value === "number" ||
  typeof value === "bigint" ||
  aggregateLabels.has(value) ||
  (typeof value === "string" && /^(?:[A-Z]{2}|\d{4}-\d{2})$/.test(value));

function checkAggregateRows<Rows>(rows: Rows): Rows {
  const valid =
    Array.isArray(rows) &&
    rows.every((row: unknown) => typeof row === "object" && row !== null && Object.values(row).every(isAggregateValue));
  return valid ? rows : refuse("read request contents through SQL");
}
