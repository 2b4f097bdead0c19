import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import { badUserInput } from "./errors";

/** Relay page information; the same in every subgraph, hence shareable. */
@Directive("@shareable")
@ObjectType({ description: "Where this page sits in the list." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page." })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "Page size, 1 to 100 (default 20)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the previous page." })
  after?: string | null;
}

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfo;
  /** Counted only when a client selects it: a count over a large filtered list costs more than the page. */
  totalCount: () => Promise<number>;
}

/** A `<Name>Connection` object type with edges, pageInfo and totalCount over the given node type. */
export function ConnectionType<Node extends object>(name: string, nodeType: ClassType<Node>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: Node;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass implements Connection<Node> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // Simple: graphql-js's default resolver calls the function, so the count runs only when selected.
    @Field(() => Int, { description: "How many items match, over all pages.", simple: true })
    totalCount!: () => Promise<number>;
  }
  return ConnectionClass;
}

export const defaultPageSize = 20;
export const maxPageSize = 100;

/**
 * A validated page request: fetch `take` rows (one more than the page, to learn whether another page follows)
 * ordered by the list's unique sort key, starting after `afterKey`.
 */
export interface PageWindow {
  size: number;
  take: number;
  afterKey: string | undefined;
}

/** Cursors are opaque: base64url of the list's name and the sort key of the row. */
export function encodeCursor(list: string, key: string): string {
  return Buffer.from(JSON.stringify([list, key])).toString("base64url");
}

export function pageWindow(list: string, args: PageArgs): PageWindow {
  const size = args.first ?? defaultPageSize;
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
    throw badUserInput(`first must be between 1 and ${maxPageSize}, got ${size}`, "first");
  }
  let afterKey: string | undefined;
  if (args.after != null) {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(args.after, "base64url").toString("utf8"));
    } catch {
      decoded = undefined;
    }
    if (!Array.isArray(decoded) || decoded.length !== 2 || decoded[0] !== list || typeof decoded[1] !== "string") {
      throw badUserInput(`after is not a cursor of this list`, "after");
    }
    afterKey = decoded[1];
  }
  return { size, take: size + 1, afterKey };
}

export function toConnection<Node>(
  list: string,
  window: PageWindow,
  rows: Node[],
  keyOf: (node: Node) => string,
  totalCount: () => Promise<number>,
): Connection<Node> {
  const page = rows.slice(0, window.size);
  const edges = page.map((node) => ({ cursor: encodeCursor(list, keyOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > window.size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/** Sort key of a list ordered by time, then id: "<ISO time>|<id>". */
export const timeKey = (at: Date, id: string) => `${at.toISOString()}|${id}`;

/**
 * The Prisma condition and order of a newest-first page by (`at`, `id`): rows of `where` older than the cursor's
 * position (`timeKey`), or all of them on the first page.
 */
export function newestFirstPage<Where extends object>(where: Where, afterKey: string | undefined) {
  const after = parseTimeKey(afterKey);
  return {
    where: after ? { ...where, OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : where,
    orderBy: [{ at: "desc" as const }, { id: "desc" as const }],
  };
}

/** The (time, id) position after which a time-ordered page starts, from `pageWindow`'s afterKey. */
export function parseTimeKey(afterKey: string | undefined): { at: Date; id: string } | null {
  if (afterKey === undefined) return null;
  const separator = afterKey.indexOf("|");
  const at = new Date(afterKey.slice(0, separator));
  const id = afterKey.slice(separator + 1);
  if (separator < 0 || Number.isNaN(at.getTime()) || id === "")
    throw badUserInput("after is not a cursor of this list", "after");
  return { at, id };
}
