import { isMemberOf, type Viewer } from "../../common/auth";
import { asList, hasId, refuse } from "../../common/row-visibility";
import { Prisma, type PrismaClient, type Visibility } from "../../prisma/events/generated/client";

// Who sees which events, in one place: public events for everyone, members-only events for members of one of the
// event's networks; an event's documents go with it. Resolvers, loaders and the calendar feeds never query the shared
// client: they get `eventsClientFor(prisma, viewer)`, made per request (the feeds: for an anonymous viewer), which
// ANDs the viewer's filter into every read and refuses writes the viewer may not make. A query written without any
// filter therefore returns only what the viewer may see.
//
// Why a Prisma client extension and not PostgreSQL row-level security: it works the same on embedded PGlite and on a
// PostgreSQL server, and it needs no per-transaction `SET` of the viewer: with the driver adapters Prisma sends most
// statements outside a transaction on whichever pooled connection is free, so RLS would mean wrapping every query in
// a transaction of its own (more statements per request, and the N+1 counts would change). The extension adds none.

type EventWhere = Prisma.EventWhereInput;
type DocumentWhere = Prisma.EventDocumentWhereInput;

const memberNetworks = (viewer: Viewer | null) =>
  Object.keys(viewer?.networks ?? {}).filter((networkId) => isMemberOf(viewer, networkId));

/** The viewer's events as an SQL condition. */
export function visibleEventsWhere(viewer: Viewer | null): EventWhere {
  const networks = memberNetworks(viewer);
  return networks.length > 0
    ? { OR: [{ visibility: "PUBLIC" }, { networkIds: { hasSome: networks } }] }
    : { visibility: "PUBLIC" };
}

/** The same rule as an SQL condition over "Event" e, for aggregates (activity.ts). */
export function visibleEventsSql(viewer: Viewer | null): Prisma.Sql {
  const networks = memberNetworks(viewer);
  return networks.length > 0
    ? Prisma.sql`(e."visibility" = 'PUBLIC' OR e."networkIds" && ${networks}::text[])`
    : Prisma.sql`e."visibility" = 'PUBLIC'`;
}

/** The same rule for an event in hand (one being written). */
export const canSeeEvent = (viewer: Viewer | null, event: { visibility: Visibility; networkIds: readonly string[] }) =>
  event.visibility === "PUBLIC" || event.networkIds.some((networkId) => isMemberOf(viewer, networkId));

/** A written value, plain or as `{ set }`; undefined when the write does not set it. */
function written<Value extends string | string[]>(value: Value | { set?: Value } | undefined): Value | undefined {
  if (typeof value !== "object" || Array.isArray(value)) return value;
  return "push" in value ? refuse("add networks to an event other than by setting them all") : value.set;
}

/** What a write of an event says about who sees it. */
interface WrittenVisibility {
  visibility?: Visibility | { set?: Visibility };
  networkIds?: string[] | { set?: string[] };
}

/** The operations this client answers; any other (one a later Prisma adds) is refused rather than left unfiltered. */
const eventOperations = new Set([
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
  "delete",
  "deleteMany",
]);
const documentOperations = new Set([
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
  "delete",
  "deleteMany",
]);

/**
 * The viewer's client of the events database:
 *
 * - reads of `Event` (findMany, findFirst, findUnique and their OrThrow forms, count, aggregate, groupBy) match only
 *   the events the viewer may see, and reads of `EventDocument` only the documents of those events;
 * - an event is created only if its creator may see it, updated or deleted only where the filter matches, and an
 *   update that sets its visibility or networks sets both so that the viewer still sees it;
 * - documents are added only to an event this client has returned (so one the viewer sees) and deleted only where
 *   the filter matches; they are replaced, not updated;
 * - raw SQL is refused.
 */
export function eventsClientFor(prisma: PrismaClient, viewer: Viewer | null) {
  const visible = visibleEventsWhere(viewer);
  const documentsVisible: DocumentWhere = { event: visible };
  const onlyVisible = (where: EventWhere | undefined): EventWhere => ({ AND: [where ?? {}, visible] });
  // Prisma 5+ accepts any filter beside the unique field in a unique where (`extendedWhereUnique`): the row is
  // found only if it is also visible, in the same single statement.
  const uniqueVisible = (where: Prisma.EventWhereUniqueInput): Prisma.EventWhereUniqueInput => ({
    ...where,
    AND: [...asList(where.AND), visible],
  });
  const onlyVisibleDocuments = (where: DocumentWhere | undefined): DocumentWhere => ({
    AND: [where ?? {}, documentsVisible],
  });
  const uniqueVisibleDocument = (
    where: Prisma.EventDocumentWhereUniqueInput,
  ): Prisma.EventDocumentWhereUniqueInput => ({
    ...where,
    AND: [...asList(where.AND), documentsVisible],
  });
  // Events this client has returned: visible by construction, so documents may be added to them.
  const returned = new Set<string>();
  const remember = <Result>(result: Result): Result => {
    for (const row of Array.isArray(result) ? result : [result]) if (hasId(row)) returned.add(row.id);
    return result;
  };
  const documentOf = (eventId: unknown) => {
    if (typeof eventId !== "string" || !returned.has(eventId)) refuse("add documents to an event you cannot see");
  };
  const stillVisible = (data: WrittenVisibility) => {
    const visibility = written(data.visibility);
    const networkIds = written(data.networkIds);
    if (visibility === undefined && networkIds === undefined) return;
    if (visibility === undefined || networkIds === undefined || !canSeeEvent(viewer, { visibility, networkIds }))
      refuse("make an event one you cannot see");
  };

  return prisma.$extends({
    name: "events-row-visibility",
    query: {
      event: {
        $allOperations: ({ operation, args, query }) => {
          if (!eventOperations.has(operation)) refuse(`${operation} events`);
          return query(args);
        },
        findMany: async ({ args, query }) => remember(await query({ ...args, where: onlyVisible(args.where) })),
        findFirst: async ({ args, query }) => remember(await query({ ...args, where: onlyVisible(args.where) })),
        findFirstOrThrow: async ({ args, query }) => remember(await query({ ...args, where: onlyVisible(args.where) })),
        findUnique: async ({ args, query }) => remember(await query({ ...args, where: uniqueVisible(args.where) })),
        findUniqueOrThrow: async ({ args, query }) =>
          remember(await query({ ...args, where: uniqueVisible(args.where) })),
        count: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
        aggregate: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
        groupBy: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
        create: async ({ args, query }) => {
          const { visibility = "PUBLIC", networkIds = [] } = args.data;
          if (!canSeeEvent(viewer, { visibility, networkIds: written(networkIds) ?? [] }))
            refuse("create an event you could not see");
          return remember(await query(args));
        },
        update: async ({ args, query }) => {
          stillVisible(args.data);
          return remember(await query({ ...args, where: uniqueVisible(args.where) }));
        },
        updateMany: ({ args, query }) => {
          stillVisible(args.data);
          return query({ ...args, where: onlyVisible(args.where) });
        },
        delete: ({ args, query }) => query({ ...args, where: uniqueVisible(args.where) }),
        deleteMany: ({ args, query }) => query({ ...args, where: onlyVisible(args.where) }),
      },
      eventDocument: {
        $allOperations: ({ operation, args, query }) => {
          if (!documentOperations.has(operation)) refuse(`${operation} event documents`);
          return query(args);
        },
        findMany: ({ args, query }) => query({ ...args, where: onlyVisibleDocuments(args.where) }),
        findFirst: ({ args, query }) => query({ ...args, where: onlyVisibleDocuments(args.where) }),
        findFirstOrThrow: ({ args, query }) => query({ ...args, where: onlyVisibleDocuments(args.where) }),
        findUnique: ({ args, query }) => query({ ...args, where: uniqueVisibleDocument(args.where) }),
        findUniqueOrThrow: ({ args, query }) => query({ ...args, where: uniqueVisibleDocument(args.where) }),
        count: ({ args, query }) => query({ ...args, where: onlyVisibleDocuments(args.where) }),
        aggregate: ({ args, query }) => query({ ...args, where: onlyVisibleDocuments(args.where) }),
        groupBy: ({ args, query }) => query({ ...args, where: onlyVisibleDocuments(args.where) }),
        create: ({ args, query }) => {
          documentOf(args.data.eventId);
          return query(args);
        },
        createMany: ({ args, query }) => {
          for (const row of asList(args.data)) documentOf(row.eventId);
          return query(args);
        },
        delete: ({ args, query }) => query({ ...args, where: uniqueVisibleDocument(args.where) }),
        deleteMany: ({ args, query }) => query({ ...args, where: onlyVisibleDocuments(args.where) }),
      },
      $queryRaw: () => refuse("run SQL over events"),
      $queryRawUnsafe: () => refuse("run SQL over events"),
      $executeRaw: () => refuse("run SQL over events"),
      $executeRawUnsafe: () => refuse("run SQL over events"),
    },
  });
}

/** A viewer's client of the events database. */
export type EventsDb = ReturnType<typeof eventsClientFor>;
