import type { Viewer } from "../../common/auth";
import { graphError } from "../../common/errors";
import { Prisma, type PrismaClient } from "../../prisma/gpen/generated/client";
import { isForumMember, isForumModerator } from "./domain";

// Who sees which rows of the forum, in one place. Resolvers and loaders never query the shared client: they get
// `forumClientFor(prisma, viewer)`, made per request, so a query written without any filter returns only what the
// viewer may read:
//
// - a viewer who is not a GPEN member (anonymous included) reads nothing: every read of every forum table answers
//   empty without a statement, and every write is refused;
// - GPEN members read every thread and reply; a post hidden by the moderators stays in its place as a marker
//   (`hidden: true`, its author and times) with its title and body read as null; only GPEN admins read hidden text,
//   the moderation details of a post (reason, who, when) and the moderation log;
// - a member reads and writes only their own subscriptions; posts are written in the viewer's own name; moderation
//   fields and the moderation log are written by GPEN admins only; the answer of a thread is set by its author (the
//   filter is ANDed in) or a GPEN admin; nothing is deleted but one's own subscription, and the log is append-only
//   (also a database trigger);
// - raw SQL is refused; the one raw statement, the full-text search, is `forumSearchFor` below, under the same rules.
//
// Relations are neither included nor selected and writes are never nested: rows read through a relation would bypass
// their own table's rule. What clients send reaches a `where` only as ids and `answered`; text is matched only by the
// search, which never matches hidden text for members. Why a client extension rather than PostgreSQL row-level
// security: see subgraphs/requests/visibility.ts (the same on PGlite and PostgreSQL, no per-transaction `SET`, no extra
// statements).

const refuse = (what: string): never => {
  throw graphError("FORBIDDEN", `not allowed to ${what}`);
};

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

type Where = Record<string, unknown>;
type Args = { where?: Where; data?: unknown; select?: unknown; include?: unknown };

const reads = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count"]);
const uniqueOperations = new Set(["findUnique", "findUniqueOrThrow", "update", "delete", "upsert"]);

/** The columns of each table: what a select or a write may name (relations and nested writes are not columns). */
const columns: Record<string, Set<string>> = {
  ForumThread: new Set(Object.values(Prisma.ForumThreadScalarFieldEnum)),
  ForumReply: new Set(Object.values(Prisma.ForumReplyScalarFieldEnum)),
  ForumModerationAction: new Set(Object.values(Prisma.ForumModerationActionScalarFieldEnum)),
  ForumSubscription: new Set(Object.values(Prisma.ForumSubscriptionScalarFieldEnum)),
};

/** Fields of a post only GPEN admins write. */
const moderationFields = new Set([
  "hidden",
  "hiddenReason",
  "hiddenAt",
  "hiddenBySub",
  "hiddenByName",
  "moderationCount",
]);
/** Fields of a thread its author or a GPEN admin write. */
const answerFields = new Set(["answerReplyId", "answeredAt", "answeredBySub"]);
/** Fields of a thread any member's reply or an answer moves. */
const activityFields = new Set(["replyCount", "lastActivityAt", "version"]);

/** A read that the viewer may not make: the empty answer of its operation, without a statement. */
function emptyAnswer(model: string, operation: string): unknown {
  if (operation === "findMany") return [];
  if (operation === "count") return 0;
  if (operation.endsWith("OrThrow")) throw graphError("NOT_FOUND", `no ${model} here`);
  return null;
}

/**
 * The viewer's client of the forum database. Hidden text is read as null through result fields computed from the
 * row (`title`, `body` and the moderation details of a post), so every read, also inside a transaction, is redacted.
 */
export function forumClientFor(prisma: PrismaClient, viewer: Viewer | null) {
  const member = isForumMember(viewer);
  const moderator = isForumModerator(viewer);
  const sub = viewer?.sub ?? null;

  /** The viewer's filter per table; null: the viewer reads none of it. */
  const readFilter = (model: string): Where | null => {
    if (!member) return null;
    if (model === "ForumModerationAction") return moderator ? {} : null;
    if (model === "ForumSubscription") return { subscriberSub: sub };
    return {};
  };
  const andWhere = (operation: string, where: Where | undefined, filter: Where): Where => {
    if (Object.keys(filter).length === 0) return where ?? {};
    // Prisma accepts any filter beside the unique field in a unique where: one statement still.
    if (uniqueOperations.has(operation)) return { ...where, AND: [...asList(where?.AND as Where | Where[]), filter] };
    return { AND: [where ?? {}, filter] };
  };
  const columnsOnly = (model: string, value: unknown, what: string) => {
    if (typeof value !== "object" || value === null) return;
    for (const key of Object.keys(value)) if (!columns[model].has(key)) refuse(`${what} ${key} of ${model}`);
  };
  const ownRow = (model: string, row: Record<string, unknown>, column: string) => {
    if (row[column] !== sub) refuse(`write ${model} in another person's name`);
  };
  const written = (data: unknown) => (typeof data === "object" && data !== null ? Object.keys(data) : []);

  /** The filter a write must match, or a refusal; also checks what it writes. */
  const writeFilter = (model: string, operation: string, args: Args): Where => {
    if (!member) return refuse(`write in the GPEN forum (GPEN members only)`);
    const rows = asList(args.data as Record<string, unknown> | Record<string, unknown>[]);
    for (const row of rows) columnsOnly(model, row, "write");
    const creating = operation === "create" || operation === "createMany";
    switch (model) {
      case "ForumThread":
      case "ForumReply": {
        if (creating) {
          for (const row of rows) {
            ownRow(model, row, "authorSub");
            if (written(row).some((key) => moderationFields.has(key) || answerFields.has(key)))
              refuse(`create a ${model} already moderated or answered`);
          }
          return {};
        }
        if (!["update", "updateMany", "updateManyAndReturn"].includes(operation))
          return refuse(`${operation} ${model}`);
        const keys = written(args.data);
        if (keys.some((key) => moderationFields.has(key)) && !moderator) refuse(`moderate the GPEN forum`);
        const unknown = keys.filter(
          (key) =>
            !moderationFields.has(key) &&
            !(model === "ForumThread" && (answerFields.has(key) || activityFields.has(key))),
        );
        if (unknown.length > 0) refuse(`change ${unknown.join(", ")} of a ${model}`);
        if (keys.some((key) => answerFields.has(key)) && !moderator) return { authorSub: sub };
        return {};
      }
      case "ForumModerationAction":
        if (!moderator || operation !== "create")
          return refuse(`${operation} the moderation log (append-only, GPEN admins)`);
        for (const row of rows) ownRow(model, row, "actorSub");
        return {};
      case "ForumSubscription":
        if (creating) {
          for (const row of rows) ownRow(model, row, "subscriberSub");
          return {};
        }
        if (operation !== "deleteMany") return refuse(`${operation} subscriptions`);
        return { subscriberSub: sub };
      default:
        return refuse(`write ${model}`);
    }
  };

  // Content fields of a post, read as null where the viewer may not read them.
  const showContent = <Post extends { hidden: boolean }, Value>(post: Post, value: Value): Value | null =>
    post.hidden && !moderator ? null : value;
  const moderationDetail = <Value>(value: Value): Value | null => (moderator ? value : null);

  return prisma.$extends({
    name: "gpen-forum-row-visibility",
    query: {
      $allModels: {
        $allOperations: async ({ model, operation, args, query }) => {
          const given = (args ?? {}) as Args;
          if (given.include !== undefined) refuse(`include relations of ${model}`);
          if (operation !== "count") columnsOnly(model, given.select, "select");
          if (reads.has(operation)) {
            const filter = readFilter(model);
            if (filter === null) return emptyAnswer(model, operation);
            return query({ ...given, where: andWhere(operation, given.where, filter) });
          }
          const filter = writeFilter(model, operation, given);
          const writesRows = operation === "create" || operation === "createMany";
          return query(writesRows ? given : { ...given, where: andWhere(operation, given.where, filter) });
        },
      },
      $queryRaw: () => refuse("run SQL over the forum"),
      $queryRawUnsafe: () => refuse("run SQL over the forum"),
      $executeRaw: () => refuse("run SQL over the forum"),
      $executeRawUnsafe: () => refuse("run SQL over the forum"),
    },
    result: {
      forumThread: {
        title: { needs: { title: true, hidden: true }, compute: (thread) => showContent(thread, thread.title) },
        body: { needs: { body: true, hidden: true }, compute: (thread) => showContent(thread, thread.body) },
        hiddenReason: { needs: { hiddenReason: true }, compute: (thread) => moderationDetail(thread.hiddenReason) },
        hiddenAt: { needs: { hiddenAt: true }, compute: (thread) => moderationDetail(thread.hiddenAt) },
        hiddenBySub: { needs: { hiddenBySub: true }, compute: (thread) => moderationDetail(thread.hiddenBySub) },
        hiddenByName: { needs: { hiddenByName: true }, compute: (thread) => moderationDetail(thread.hiddenByName) },
      },
      forumReply: {
        body: { needs: { body: true, hidden: true }, compute: (reply) => showContent(reply, reply.body) },
        hiddenReason: { needs: { hiddenReason: true }, compute: (reply) => moderationDetail(reply.hiddenReason) },
        hiddenAt: { needs: { hiddenAt: true }, compute: (reply) => moderationDetail(reply.hiddenAt) },
        hiddenBySub: { needs: { hiddenBySub: true }, compute: (reply) => moderationDetail(reply.hiddenBySub) },
        hiddenByName: { needs: { hiddenByName: true }, compute: (reply) => moderationDetail(reply.hiddenByName) },
      },
    },
  });
}

/** A viewer's client of the forum database. */
export type ForumDb = ReturnType<typeof forumClientFor>;

export interface ForumSearch {
  /** A `to_tsquery('simple', …)` text of letters, digits and prefix marks (domain.ts `fullTextQuery`). */
  query: string;
  answered: boolean | null;
}

/**
 * Full-text search over thread titles and bodies and reply bodies, in SQL, under the rules above: nothing for a
 * viewer who is not a GPEN member (without a statement), and hidden text is searched for GPEN admins only. Gives
 * thread ids in the order of the thread list (latest activity first), a page at a time; the rows are then read
 * through the viewer's client. The expressions are those of the GIN indexes of the init migration.
 */
export function forumSearchFor(prisma: PrismaClient, viewer: Viewer | null) {
  const member = isForumMember(viewer);
  const moderator = isForumModerator(viewer);
  const matching = ({ query, answered }: ForumSearch) => {
    const tsquery = Prisma.sql`to_tsquery('simple', ${query})`;
    const shown = (alias: "matched" | "reply") => (moderator ? Prisma.empty : Prisma.raw(`AND NOT ${alias}."hidden"`));
    const answeredOnly =
      answered === null
        ? Prisma.empty
        : answered
          ? Prisma.sql`AND t."answerReplyId" IS NOT NULL`
          : Prisma.sql`AND t."answerReplyId" IS NULL`;
    // A union, whose two sides each use their GIN index: an OR of the two made PostgreSQL compute every thread's
    // text vector, 0.2 s for 5 000 threads.
    return Prisma.sql`t."id" IN (
        SELECT matched."id" FROM "ForumThread" matched
        WHERE to_tsvector('simple', matched."title" || ' ' || matched."body") @@ ${tsquery} ${shown("matched")}
        UNION
        SELECT reply."threadId" FROM "ForumReply" reply
        WHERE to_tsvector('simple', reply."body") @@ ${tsquery} ${shown("reply")})
      ${answeredOnly}`;
  };
  return {
    async threadIds(search: ForumSearch, after: { at: Date; id: string } | null, take: number): Promise<string[]> {
      if (!member) return [];
      const from = after
        ? Prisma.sql`AND (t."lastActivityAt", t."id") < (${after.at}::timestamptz, ${after.id})`
        : Prisma.empty;
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        SELECT t."id" FROM "ForumThread" t WHERE ${matching(search)} ${from}
        ORDER BY t."lastActivityAt" DESC, t."id" DESC LIMIT ${take}::int`;
      return rows.map((row) => row.id);
    },
    async count(search: ForumSearch): Promise<number> {
      if (!member) return 0;
      const [row] = await prisma.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS "count" FROM "ForumThread" t WHERE ${matching(search)}`;
      return row.count;
    },
  };
}

export type ForumSearchClient = ReturnType<typeof forumSearchFor>;
