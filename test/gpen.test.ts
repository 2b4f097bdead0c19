import crypto from "node:crypto";
import type { Viewer } from "../common/auth";
import { now } from "../common/clock";
import { signViewerToken, viewerTokenHeader } from "../common/viewer-token";
import type { PrismaClient } from "../prisma/gpen/generated/client";
import { syntheticForum } from "../prisma/gpen/synthetic";
import { forumClientFor, forumSearchFor } from "../subgraphs/gpen/visibility";
import { bearer, clientToken, postGraphQL, useTestGraph } from "./harness";

// The GPEN forum: GPEN members read and write, GPEN admins moderate, everyone else sees only that it exists.

const graph = useTestGraph();

const people = {
  ana: { sub: "gpen-ana", name: "Ana Synthetic (fictional)", networks: { gpen: ["MEMBER"] } },
  ben: { sub: "gpen-ben", name: "Ben Synthetic (fictional)", networks: { gpen: ["MEMBER", "CONTACT_POINT"] } },
  admin: { sub: "gpen-admin", name: "Admin Synthetic (fictional)", networks: { gpen: ["NETWORK_ADMIN"] } },
  ejcn: { sub: "ejcn-member", name: "EJCN Member Synthetic (fictional)", networks: { ejcn: ["MEMBER"] } },
  ejcnAdmin: { sub: "ejcn-admin", name: "EJCN Admin Synthetic (fictional)", networks: { ejcn: ["NETWORK_ADMIN"] } },
};
type Person = keyof typeof people;
const as = async (person: Person) => bearer(await clientToken(people[person]));
const viewerOf = (person: Person): Viewer => ({
  authorityId: null,
  analyst: false,
  ...(people[person] as Pick<Viewer, "sub" | "name" | "networks">),
});

const gpen = () => graph.subgraphs.find((subgraph) => subgraph.name === "gpen")!;
const sharedClient = (): PrismaClient => gpen().database.prisma as PrismaClient;
/** A word no other test writes, so that searches and counts see only this test's posts. */
const unique = (label: string) => `${label}${crypto.randomBytes(5).toString("hex")}`;
const codes = (body: { errors?: { extensions?: Record<string, any> }[] }) =>
  (body.errors ?? []).map((error) => error.extensions!.code);

const threadFields = `id title body version hidden replyCount answered answeredAt lastActivityAt createdAt subscribed
  author { sub name } answeredBy { id body }`;

async function ok(query: string, variables: Record<string, unknown>, person: Person) {
  const { body } = await graph.query(query, variables, await as(person));
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const startMutation = `mutation ($input: StartForumThreadInput!) { startForumThread(input: $input) { ${threadFields} } }`;
const replyMutation = `mutation ($threadId: ID!, $body: String!) {
  replyToForumThread(threadId: $threadId, body: $body) { id position body createdAt hidden author { sub name } thread { id replyCount } }
}`;
const markMutation = `mutation ($threadId: ID!, $replyId: ID!, $version: Int!) {
  markForumThreadAnswered(threadId: $threadId, replyId: $replyId, expectedVersion: $version) { ${threadFields} }
}`;
const hideMutation = `mutation ($postId: ID!, $reason: String!) {
  hideForumPost(postId: $postId, reason: $reason) { id position kind reason at moderator { sub } thread { id } reply { id hidden } }
}`;
const unhideMutation = `mutation ($postId: ID!, $reason: String) {
  unhideForumPost(postId: $postId, reason: $reason) { id position kind reason reply { id hidden } }
}`;
const threadQuery = `query ($id: ID!) { forumThread(id: $id) { ${threadFields} } }`;
const forumQuery = `query ($first: Int, $after: String, $search: String, $answered: Boolean) {
  network(id: "gpen") {
    forum {
      threadCount
      threads(first: $first, after: $after, search: $search, answered: $answered) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id title lastActivityAt answered hidden } }
      }
    }
  }
}`;

async function startThread(person: Person = "ana", input: { title?: string; body?: string } = {}) {
  const data = await ok(
    startMutation,
    { input: { title: input.title ?? unique("Thread "), body: input.body ?? "A question for the forum (test)." } },
    person,
  );
  return data.startForumThread;
}

async function reply(threadId: string, body: string, person: Person = "ben") {
  return (await ok(replyMutation, { threadId, body }, person)).replyToForumThread;
}

const threadCount = async () => (await ok(forumQuery, { first: 1 }, "ana")).network.forum.threadCount as number;

describe("who sees the forum", () => {
  it.each([
    ["anonymous", async () => ({})],
    ["an EJCN member", () => as("ejcn")],
    ["an EJCN admin", () => as("ejcnAdmin")],
  ])("tells %s that the forum exists and nothing more", async (_label, headers) => {
    const thread = await startThread();
    const { body } = await graph.query(
      `query ($id: ID!) {
        network(id: "gpen") { acronym forum { network { id } threadCount threads(first: 5) { totalCount edges { node { id } } } } }
        other: network(id: "ejcn") { forum { network { id } } }
        forumThread(id: $id) { id title }
      }`,
      { id: thread.id },
      await headers(),
    );
    expect(body.data).toEqual({
      network: { acronym: "GPEN", forum: { network: { id: "gpen" }, threadCount: null, threads: null } },
      other: { forum: null },
      forumThread: null,
    });
    expect(body.errors!.map((error) => [error.path!.join("."), error.extensions!.code]).sort()).toEqual([
      ["network.forum.threadCount", "FORBIDDEN"],
      ["network.forum.threads", "FORBIDDEN"],
    ]);
  });

  it.each([
    ["anonymous", async () => ({}), "UNAUTHENTICATED"],
    ["an EJCN member", () => as("ejcn"), "FORBIDDEN"],
    ["an EJCN admin", () => as("ejcnAdmin"), "FORBIDDEN"],
  ])("refuses every write of %s, and writes nothing", async (_label, headers, code) => {
    const thread = await startThread();
    const replied = await reply(thread.id, "A reply (test).");
    const before = await threadCount();
    for (const [query, variables] of [
      [startMutation, { input: { title: "Refused (test)", body: "Refused." } }],
      [replyMutation, { threadId: thread.id, body: "Refused." }],
      [markMutation, { threadId: thread.id, replyId: replied.id, version: thread.version }],
      [hideMutation, { postId: replied.id, reason: "Refused." }],
      [unhideMutation, { postId: replied.id }],
      [`mutation ($id: ID!) { subscribeToForumThread(threadId: $id) { id } }`, { id: thread.id }],
      [`mutation ($id: ID!) { unsubscribeFromForumThread(threadId: $id) { id } }`, { id: thread.id }],
    ] as const) {
      const { body } = await graph.query(query, variables, await headers());
      expect(codes(body)).toEqual([code]);
      expect(body.data).toBeNull();
    }
    expect(await threadCount()).toBe(before);
    const after = (await ok(threadQuery, { id: thread.id }, "ana")).forumThread;
    expect(after).toMatchObject({ replyCount: 1, answered: false, version: thread.version, hidden: false });
  });

  it("lets GPEN members start threads and reply, in the name of their token, and read everything", async () => {
    const title = unique("How to preserve cloud data ");
    const thread = await startThread("ana", { title, body: "Which provider answers fastest? (test)" });
    expect(thread).toMatchObject({
      title,
      body: "Which provider answers fastest? (test)",
      author: { sub: "gpen-ana", name: "Ana Synthetic (fictional)" },
      version: 1,
      hidden: false,
      replyCount: 0,
      answered: false,
      answeredBy: null,
      subscribed: true,
    });
    expect(thread.lastActivityAt).toBe(thread.createdAt);
    const answer = await reply(thread.id, "Send a preservation request first (test).", "ben");
    expect(answer).toMatchObject({
      position: 1,
      hidden: false,
      author: { sub: "gpen-ben", name: "Ben Synthetic (fictional)" },
      thread: { id: thread.id, replyCount: 1 },
    });
    const seen = await ok(
      `query ($id: ID!) { forumThread(id: $id) { ${threadFields} replies { totalCount edges { node { id body isAnswer } } } } }`,
      { id: thread.id },
      "ben",
    );
    expect(seen.forumThread).toMatchObject({
      title,
      subscribed: false,
      replyCount: 1,
      lastActivityAt: answer.createdAt,
      replies: { totalCount: 1, edges: [{ node: { id: answer.id, isAnswer: false } }] },
    });
    expect(Date.parse(seen.forumThread.lastActivityAt)).toBeGreaterThanOrEqual(Date.parse(thread.createdAt));
    const listed = await ok(forumQuery, { first: 100 }, "admin");
    expect(listed.network.forum.threadCount).toBeGreaterThan(0);
    expect(listed.network.forum.threads.edges[0].node.id).toBe(thread.id);
  });
});

describe("_entities, straight to the subgraph", () => {
  const entities = `query ($r: [_Any!]!) { _entities(representations: $r) {
    ... on ForumThread { id title hidden } ... on ForumReply { id body } ... on Network { id forum { network { id } threadCount } } } }`;
  let representations: Record<string, string>[];
  beforeAll(async () => {
    const thread = await startThread("ana", { title: "Entities thread (test)" });
    const replied = await reply(thread.id, "Entities reply (test).");
    await ok(hideMutation, { postId: replied.id, reason: "Entities test" }, "admin");
    representations = [
      { __typename: "ForumThread", id: thread.id },
      { __typename: "ForumReply", id: replied.id },
      { __typename: "Network", id: "gpen" },
      { __typename: "ForumThread", id: "no-such-thread" },
    ];
  });
  const viewerToken = async (person: Person) => ({
    [viewerTokenHeader]: await signViewerToken(viewerOf(person), "gpen", graph.signingKeys),
  });

  it.each([
    ["no token", async () => ({})],
    ["a forged token", async () => ({ [viewerTokenHeader]: "forged" })],
    ["a client token instead of the gateway's", async () => ({ [viewerTokenHeader]: await clientToken(people.ana) })],
    ["the gateway's token of an EJCN member", () => viewerToken("ejcn")],
    ["the gateway's token of an EJCN admin", () => viewerToken("ejcnAdmin")],
  ])("resolves no thread or reply with %s, and only the forum's existence", async (_label, headers) => {
    const { body } = await postGraphQL(
      gpen().url,
      { query: entities, variables: { r: representations } },
      await headers(),
    );
    expect(body.data._entities).toEqual([
      null,
      null,
      { id: "gpen", forum: { network: { id: "gpen" }, threadCount: null } },
      null,
    ]);
    expect(codes(body)).toEqual(["FORBIDDEN"]);
  });

  it("resolves them for a GPEN member (hidden text as a marker) and a GPEN admin (hidden text)", async () => {
    const member = await postGraphQL(
      gpen().url,
      { query: entities, variables: { r: representations } },
      await viewerToken("ben"),
    );
    expect(member.body.errors).toBeUndefined();
    const [thread, hiddenReply, network, unknown] = member.body.data._entities;
    expect(thread).toMatchObject({ title: "Entities thread (test)", hidden: false });
    expect(hiddenReply).toEqual({ id: representations[1].id, body: null });
    expect(network.forum.threadCount).toBeGreaterThan(0);
    expect(unknown).toBeNull();
    const admin = await postGraphQL(
      gpen().url,
      { query: entities, variables: { r: representations } },
      await viewerToken("admin"),
    );
    expect(admin.body.data._entities[1]).toEqual({ id: representations[1].id, body: "Entities reply (test)." });
  });
});

describe("the viewer's client (visibility.ts)", () => {
  let threadId: string;
  let hiddenThreadId: string;
  beforeAll(async () => {
    threadId = (await startThread("ana", { title: "Visibility thread (test)" })).id;
    await reply(threadId, "Visibility reply (test).");
    await ok(`mutation ($id: ID!) { subscribeToForumThread(threadId: $id) { id } }`, { id: threadId }, "ben");
    hiddenThreadId = (await startThread("ana", { title: "Hidden visibility thread (test)", body: "Secret body." })).id;
    await ok(hideMutation, { postId: hiddenThreadId, reason: "Visibility test" }, "admin");
  });

  it.each([
    ["anonymous", null],
    ["an EJCN member", viewerOf("ejcn")],
    ["an EJCN admin", viewerOf("ejcnAdmin")],
  ])("answers %s nothing for queries written without a filter, without a statement", async (_label, viewer) => {
    const db = forumClientFor(sharedClient(), viewer);
    const search = forumSearchFor(sharedClient(), viewer);
    const before = gpen().database.statementCount();
    expect(await db.forumThread.findMany()).toEqual([]);
    expect(await db.forumThread.count()).toBe(0);
    expect(await db.forumThread.findUnique({ where: { id: threadId } })).toBeNull();
    expect(await db.forumThread.findFirst()).toBeNull();
    expect(await db.forumReply.findMany()).toEqual([]);
    expect(await db.forumModerationAction.findMany()).toEqual([]);
    expect(await db.forumSubscription.findMany()).toEqual([]);
    expect(await search.threadIds({ query: "visibility:*", answered: null }, null, 10)).toEqual([]);
    expect(await search.count({ query: "visibility:*", answered: null })).toBe(0);
    expect(gpen().database.statementCount()).toBe(before);
    // The rows are there: the shared client sees them.
    expect(await sharedClient().forumThread.count({ where: { id: threadId } })).toBe(1);
    await expect(
      db.forumThread.create({
        data: { id: "x", title: "x", body: "x", authorSub: "x", createdAt: now(), lastActivityAt: now() },
      }),
    ).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } });
    await expect(db.$queryRaw`SELECT "title" FROM "ForumThread"`).rejects.toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
  });

  it("shows members every thread and reply, hidden text as null, their own subscriptions only, no moderation log", async () => {
    const db = forumClientFor(sharedClient(), viewerOf("ben"));
    const all = await db.forumThread.findMany();
    expect(all.length).toBe(await sharedClient().forumThread.count());
    const hidden = all.find((thread) => thread.id === hiddenThreadId)!;
    expect(hidden).toMatchObject({ hidden: true, title: null, body: null, hiddenReason: null, hiddenBySub: null });
    expect(await db.forumReply.count()).toBe(await sharedClient().forumReply.count());
    expect(await db.forumModerationAction.findMany()).toEqual([]);
    const subscriptions = await db.forumSubscription.findMany();
    expect(subscriptions.length).toBeGreaterThan(0);
    expect(subscriptions.every((subscription) => subscription.subscriberSub === "gpen-ben")).toBe(true);
    // A select that leaves `hidden` out still reads hidden text as null.
    const selected = await db.forumThread.findUnique({ where: { id: hiddenThreadId }, select: { title: true } });
    expect(selected?.title).toBeNull();
    await expect(db.forumThread.updateMany({ where: { id: threadId }, data: { hidden: true } })).rejects.toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
    await expect(db.forumThread.findMany({ include: { replies: true } })).rejects.toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
    await expect(
      db.forumReply.create({
        data: { id: "x", threadId, position: 99, body: "x", authorSub: "someone-else", createdAt: now() },
      }),
    ).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } });
  });

  it("shows GPEN admins hidden text and the log, which nobody can change (database trigger)", async () => {
    const db = forumClientFor(sharedClient(), viewerOf("admin"));
    const hidden = await db.forumThread.findUniqueOrThrow({ where: { id: hiddenThreadId } });
    expect(hidden).toMatchObject({
      title: "Hidden visibility thread (test)",
      body: "Secret body.",
      hiddenReason: "Visibility test",
      hiddenBySub: "gpen-admin",
    });
    const log = await db.forumModerationAction.findMany({ where: { threadId: hiddenThreadId } });
    expect(log).toHaveLength(1);
    const sql = gpen().database.sql;
    await expect(
      sql.query(`UPDATE "ForumModerationAction" SET "reason" = 'rewritten' WHERE "id" = $1`, [log[0].id]),
    ).rejects.toThrow(/append-only/);
    await expect(sql.query(`DELETE FROM "ForumModerationAction" WHERE "id" = $1`, [log[0].id])).rejects.toThrow(
      /append-only/,
    );
    await expect(sql.exec(`TRUNCATE "ForumModerationAction" CASCADE`)).rejects.toThrow(/append-only/);
    await expect(
      db.forumModerationAction.updateMany({ where: { id: log[0].id }, data: { reason: "rewritten" } }),
    ).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect((await db.forumModerationAction.findUniqueOrThrow({ where: { id: log[0].id } })).reason).toBe(
      "Visibility test",
    );
  });
});

describe("replies", () => {
  it("keeps every one of concurrent replies, each with its own position, and counts them all", async () => {
    const thread = await startThread();
    const bodies = [...Array(10)].map((_, index) => `Concurrent reply ${index} (test).`);
    const results = await Promise.all(
      bodies.map(async (body, index) =>
        graph.query(replyMutation, { threadId: thread.id, body }, await as(index % 2 ? "ana" : "ben")),
      ),
    );
    expect(results.flatMap((result) => result.body.errors ?? [])).toEqual([]);
    const replies = results.map((result) => result.body.data.replyToForumThread);
    expect(replies.map((created) => created.position).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const read = (
      await ok(
        `query ($id: ID!) { forumThread(id: $id) { replyCount lastActivityAt replies(first: 100) { totalCount edges { node { body position createdAt } } } } }`,
        { id: thread.id },
        "ana",
      )
    ).forumThread;
    expect(read.replyCount).toBe(10);
    expect(read.replies.totalCount).toBe(10);
    const listed = read.replies.edges.map((edge: any) => edge.node);
    expect(listed.map((node: any) => node.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(listed.map((node: any) => node.body).sort()).toEqual([...bodies].sort());
    const latest = Math.max(...listed.map((node: any) => Date.parse(node.createdAt)));
    expect(Date.parse(read.lastActivityAt)).toBe(latest);
    // Positions follow the order the replies were written in.
    const times = listed.map((node: any) => Date.parse(node.createdAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("pages replies with cursors that belong to their thread", async () => {
    const thread = await startThread();
    const other = await startThread();
    for (let index = 1; index <= 5; index += 1) await reply(thread.id, `Paged reply ${index} (test).`);
    await reply(other.id, "Another thread's reply (test).");
    const page = `query ($id: ID!, $after: String) { forumThread(id: $id) {
      replies(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { position } } } } }`;
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const { replies }: any = (await ok(page, { id: thread.id, after }, "ana")).forumThread;
      expect(replies.totalCount).toBe(5);
      seen.push(...replies.edges.map((edge: any) => edge.node.position));
      if (!replies.pageInfo.hasNextPage) break;
      after = replies.pageInfo.endCursor;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const cursorOfOther = (await ok(page, { id: other.id, after: null }, "ana")).forumThread.replies.pageInfo.endCursor;
    for (const bad of [cursorOfOther, "not-a-cursor"]) {
      const { body } = await graph.query(page, { id: thread.id, after: bad }, await as("ana"));
      expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    }
  });

  it("costs the same statements for nested lists of 2 threads as of 20", async () => {
    const nested = `query ($first: Int) { network(id: "gpen") { forum { threads(first: $first) { edges { node {
      id subscribed author { sub } answeredBy { id } replies(first: 3) { totalCount edges { node { id body isAnswer thread { id } } } }
    } } } } } }`;
    // The latest thread is answered, so both pages load an answer.
    const thread = await startThread("ana");
    const answer = await reply(thread.id, "The answer (test).");
    await ok(markMutation, { threadId: thread.id, replyId: answer.id, version: 1 }, "ana");
    const headers = await as("ana");
    const count = async (first: number) => {
      const before = gpen().database.statementCount();
      const { body } = await graph.query(nested, { first }, headers);
      expect(body.errors).toBeUndefined();
      return gpen().database.statementCount() - before;
    };
    expect(await count(20)).toBe(await count(2));
  });
});

describe("answers", () => {
  it("lets the author or a GPEN admin mark the answer, if the version they saw is still current", async () => {
    const thread = await startThread("ana");
    const first = await reply(thread.id, "First answer (test).", "ben");
    const second = await reply(thread.id, "Second answer (test).", "ben");
    const elsewhere = await reply((await startThread("ben")).id, "Another thread's reply (test).", "ana");

    const refused = await graph.query(
      markMutation,
      { threadId: thread.id, replyId: first.id, version: 1 },
      await as("ben"),
    );
    expect(codes(refused.body)).toEqual(["FORBIDDEN"]);

    const marked = (await ok(markMutation, { threadId: thread.id, replyId: first.id, version: 1 }, "ana"))
      .markForumThreadAnswered;
    expect(marked).toMatchObject({ answered: true, version: 2, answeredBy: { id: first.id } });

    const stale = await graph.query(
      markMutation,
      { threadId: thread.id, replyId: second.id, version: 1 },
      await as("ana"),
    );
    expect(stale.body.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "expectedVersion" });

    const byAdmin = (await ok(markMutation, { threadId: thread.id, replyId: second.id, version: 2 }, "admin"))
      .markForumThreadAnswered;
    expect(byAdmin).toMatchObject({ version: 3, answeredBy: { id: second.id, body: "Second answer (test)." } });

    for (const [variables, expected] of [
      [
        { threadId: thread.id, replyId: elsewhere.id, version: 3 },
        { code: "BAD_USER_INPUT", field: "replyId" },
      ],
      [
        { threadId: thread.id, replyId: "no-such-reply", version: 3 },
        { code: "BAD_USER_INPUT", field: "replyId" },
      ],
      [
        { threadId: thread.id, replyId: first.id, version: 0 },
        { code: "BAD_USER_INPUT", field: "expectedVersion" },
      ],
      [{ threadId: "no-such-thread", replyId: first.id, version: 3 }, { code: "NOT_FOUND" }],
    ] as const) {
      const { body } = await graph.query(markMutation, variables, await as("ana"));
      expect(body.errors![0].extensions).toMatchObject(expected);
    }
    const answered = (await ok(forumQuery, { first: 100, answered: true }, "ana")).network.forum.threads.edges;
    expect(answered.map((edge: any) => edge.node.id)).toContain(thread.id);
    const open = (await ok(forumQuery, { first: 100, answered: false }, "ana")).network.forum.threads.edges;
    expect(open.map((edge: any) => edge.node.id)).not.toContain(thread.id);
    expect(open.every((edge: any) => !edge.node.answered)).toBe(true);
  });

  it("lets exactly one of concurrent marks with the same version win", async () => {
    const thread = await startThread("ana");
    const replies = [];
    for (let index = 0; index < 4; index += 1) replies.push(await reply(thread.id, `Candidate ${index} (test).`));
    const headers = await as("ana");
    const attempts = await Promise.all(
      replies.map((candidate) =>
        graph.query(markMutation, { threadId: thread.id, replyId: candidate.id, version: 1 }, headers),
      ),
    );
    const winners = attempts.filter((attempt) => !attempt.body.errors);
    expect(winners).toHaveLength(1);
    expect(attempts.flatMap((attempt) => codes(attempt.body))).toEqual(["CONFLICT", "CONFLICT", "CONFLICT"]);
    const read = (await ok(threadQuery, { id: thread.id }, "ana")).forumThread;
    expect(read).toMatchObject({
      version: 2,
      answeredBy: { id: winners[0].body.data.markForumThreadAnswered.answeredBy.id },
    });
  });
});

describe("moderation", () => {
  const logQuery = `query ($id: ID!) { forumThread(id: $id) { version moderationLog(first: 100) { totalCount
    edges { node { position kind reason reply { id } } } } } }`;

  it("lets GPEN admins hide a post with a reason: members see a marker, admins the text and the log", async () => {
    const thread = await startThread("ana", { title: unique("Moderated thread ") });
    const kept = await reply(thread.id, "A fine reply (test).");
    const rude = await reply(thread.id, "A rude reply (test).");
    const action = (await ok(hideMutation, { postId: rude.id, reason: "Off topic (test)" }, "admin")).hideForumPost;
    expect(action).toMatchObject({
      position: 1,
      kind: "HIDE",
      reason: "Off topic (test)",
      moderator: { sub: "gpen-admin" },
      thread: { id: thread.id },
      reply: { id: rude.id, hidden: true },
    });
    const replies = `query ($id: ID!) { forumThread(id: $id) { replyCount replies { edges { node { id body hidden } } } } }`;
    const member = (await ok(replies, { id: thread.id }, "ben")).forumThread;
    expect(member.replyCount).toBe(2);
    expect(member.replies.edges.map((edge: any) => edge.node)).toEqual([
      { id: kept.id, body: "A fine reply (test).", hidden: false },
      { id: rude.id, body: null, hidden: true },
    ]);
    const admin = (await ok(replies, { id: thread.id }, "admin")).forumThread;
    expect(admin.replies.edges[1].node).toEqual({ id: rude.id, body: "A rude reply (test).", hidden: true });

    const details = `query ($id: ID!) { forumThread(id: $id) { id moderationLog { totalCount }
      replies { edges { node { hiddenReason hiddenBy { sub } } } } } }`;
    const asMember = await graph.query(details, { id: thread.id }, await as("ben"));
    expect(asMember.body.data.forumThread.moderationLog).toBeNull();
    expect(asMember.body.data.forumThread.replies.edges[1].node).toEqual({ hiddenReason: null, hiddenBy: null });
    expect(new Set(codes(asMember.body))).toEqual(new Set(["FORBIDDEN"]));
    const asAdmin = await ok(details, { id: thread.id }, "admin");
    expect(asAdmin.forumThread.moderationLog.totalCount).toBe(1);
    expect(asAdmin.forumThread.replies.edges[1].node).toEqual({
      hiddenReason: "Off topic (test)",
      hiddenBy: { sub: "gpen-admin" },
    });

    // A hidden thread stays listed as a marker and takes no replies; unhiding brings it back. All logged.
    await ok(hideMutation, { postId: thread.id, reason: "Whole thread (test)" }, "admin");
    const markerRead = (await ok(threadQuery, { id: thread.id }, "ben")).forumThread;
    expect(markerRead).toMatchObject({ hidden: true, title: null, body: null, author: { sub: "gpen-ana" } });
    const closed = await graph.query(replyMutation, { threadId: thread.id, body: "Too late." }, await as("ben"));
    expect(closed.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "threadId" });
    await ok(unhideMutation, { postId: thread.id, reason: null }, "admin");
    await ok(unhideMutation, { postId: rude.id, reason: "On appeal (test)" }, "admin");
    const log = (await ok(logQuery, { id: thread.id }, "admin")).forumThread.moderationLog;
    expect(log.totalCount).toBe(4);
    expect(log.edges.map((edge: any) => [edge.node.position, edge.node.kind, edge.node.reply?.id ?? null])).toEqual([
      [1, "HIDE", rude.id],
      [2, "HIDE", null],
      [3, "UNHIDE", null],
      [4, "UNHIDE", rude.id],
    ]);
    expect((await ok(threadQuery, { id: thread.id }, "ben")).forumThread.hidden).toBe(false);
  });

  it("logs every one of concurrent actions on one post, and leaves the post as the last one says", async () => {
    const thread = await startThread("ana");
    const post = await reply(thread.id, "Disputed reply (test).");
    const headers = await as("admin");
    const results = await Promise.all(
      [...Array(8)].map((_, index) =>
        index % 2
          ? graph.query(unhideMutation, { postId: post.id, reason: `Unhide ${index}` }, headers)
          : graph.query(hideMutation, { postId: post.id, reason: `Hide ${index}` }, headers),
      ),
    );
    expect(results.flatMap((result) => result.body.errors ?? [])).toEqual([]);
    const log = (await ok(logQuery, { id: thread.id }, "admin")).forumThread;
    expect(log.moderationLog.totalCount).toBe(8);
    const entries = log.moderationLog.edges.map((edge: any) => edge.node);
    expect(entries.map((entry: any) => entry.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(entries.map((entry: any) => entry.reason).sort()).toEqual(
      [...Array(8)].map((_, index) => `${index % 2 ? "Unhide" : "Hide"} ${index}`).sort(),
    );
    const last = entries.at(-1);
    const state = await ok(
      `query ($id: ID!) { forumThread(id: $id) { replies { edges { node { hidden hiddenReason } } } } }`,
      { id: thread.id },
      "admin",
    );
    expect(state.forumThread.replies.edges[0].node).toEqual(
      last.kind === "HIDE" ? { hidden: true, hiddenReason: last.reason } : { hidden: false, hiddenReason: null },
    );
    // Every action moved the thread's version: an answer marked on what the moderators saw before is stale.
    expect(log.version).toBe(9);
  });

  it.each([
    ["anonymous", async () => ({}), "UNAUTHENTICATED"],
    ["a GPEN member who is not admin", () => as("ben"), "FORBIDDEN"],
  ])("refuses moderation by %s", async (_label, headers, code) => {
    const thread = await startThread();
    const { body } = await graph.query(hideMutation, { postId: thread.id, reason: "No (test)" }, await headers());
    expect(codes(body)).toEqual([code]);
    expect((await ok(threadQuery, { id: thread.id }, "admin")).forumThread).toMatchObject({
      hidden: false,
      version: 1,
    });
  });

  it("rejects moderation of an unknown post or without a reason", async () => {
    const thread = await startThread();
    const unknown = await graph.query(hideMutation, { postId: "no-such-post", reason: "x" }, await as("admin"));
    expect(codes(unknown.body)).toEqual(["NOT_FOUND"]);
    for (const reason of ["   ", "x".repeat(1001)]) {
      const { body } = await graph.query(hideMutation, { postId: thread.id, reason }, await as("admin"));
      expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    }
    expect((await ok(logQuery, { id: thread.id }, "admin")).forumThread.moderationLog.totalCount).toBe(0);
  });
});

describe("lists and search", () => {
  const marker = unique("zeb");
  beforeAll(async () => {
    // Visibly synthetic threads, dated from the clock: they hold on any date.
    const { threads, replies } = syntheticForum({ threads: 30, maxReplies: 4, end: now(), idPrefix: marker, seed: 7 });
    threads[0] = { ...threads[0], title: `${threads[0].title} ${marker}title` };
    threads[1] = { ...threads[1], body: `${threads[1].body} ${marker}body` };
    threads[2] = { ...threads[2], body: `${threads[2].body} ${marker}hidden` };
    const withReply = threads.findIndex((thread, index) => index > 2 && (thread.replyCount ?? 0) > 0);
    const replyIndex = replies.findIndex((row) => row.threadId === threads[withReply].id);
    replies[replyIndex] = { ...replies[replyIndex], body: `${replies[replyIndex].body} ${marker}reply` };
    await sharedClient().forumThread.createMany({ data: threads });
    await sharedClient().forumReply.createMany({ data: replies });
    await ok(hideMutation, { postId: threads[2].id, reason: "Search test" }, "admin");
  });
  const ids = (data: any) => data.network.forum.threads.edges.map((edge: any) => edge.node.id);

  it("pages every thread once, latest activity first, with a count that agrees", async () => {
    const seen: { id: string; lastActivityAt: string }[] = [];
    let after: string | null = null;
    let totalCount: number | undefined;
    for (;;) {
      const forum: any = (await ok(forumQuery, { first: 7, after }, "ana")).network.forum;
      totalCount = forum.threads.totalCount;
      expect(forum.threadCount).toBe(totalCount);
      seen.push(...forum.threads.edges.map((edge: any) => edge.node));
      if (!forum.threads.pageInfo.hasNextPage) break;
      after = forum.threads.pageInfo.endCursor;
    }
    expect(seen.length).toBe(totalCount);
    expect(new Set(seen.map((thread) => thread.id)).size).toBe(seen.length);
    expect(seen.map((thread) => thread.id)).toEqual(
      expect.arrayContaining([`${marker}-thread-1`, `${marker}-thread-30`]),
    );
    const times = seen.map((thread) => Date.parse(thread.lastActivityAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("finds words of titles and bodies of threads and replies, as prefixes, all words required", async () => {
    const search = async (text: string, person: Person = "ana") => ids(await ok(forumQuery, { search: text }, person));
    expect(await search(`${marker}title`)).toEqual([`${marker}-thread-1`]);
    expect(await search(`${marker}bo`)).toEqual([`${marker}-thread-2`]);
    expect((await search(`${marker}REPLY`)).length).toBe(1);
    expect(await search(`Synthetic ${marker}title`)).toEqual([`${marker}-thread-1`]);
    expect(await search(`${marker}title ${marker}body`)).toEqual([]);
    // Hidden text is searched for GPEN admins only.
    expect(await search(`${marker}hidden`)).toEqual([]);
    expect(await search(`${marker}hidden`, "admin")).toEqual([`${marker}-thread-3`]);
    // Signs are not operators: they separate words or match nothing, and never fail.
    for (const text of ["%", "_", "\\", "a & b | !c", "'); DROP TABLE x; --", "x:* <-> y", `${marker}title%`])
      expect((await graph.query(forumQuery, { search: text }, await as("ana"))).body.errors).toBeUndefined();
    expect(await search(`(${marker}title)!`)).toEqual([`${marker}-thread-1`]);
    expect(await search(`${marker}%`)).toHaveLength(3);
  });

  it("pages and counts search results, and combines them with answered", async () => {
    const search = `synthetic ${marker}`;
    const all = (await ok(forumQuery, { search, first: 100 }, "ana")).network.forum.threads;
    expect(all.totalCount).toBe(all.edges.length);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const threads: any = (await ok(forumQuery, { search, first: 2, after }, "ana")).network.forum.threads;
      expect(threads.totalCount).toBe(all.totalCount);
      paged.push(...threads.edges.map((edge: any) => edge.node.id));
      if (!threads.pageInfo.hasNextPage) break;
      after = threads.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.edges.map((edge: any) => edge.node.id));
    expect(ids(await ok(forumQuery, { search, answered: true }, "ana"))).toEqual([]);
    expect(ids(await ok(forumQuery, { search, answered: false, first: 100 }, "ana"))).toEqual(paged);
    expect((await ok(forumQuery, { search: "   ", first: 1 }, "ana")).network.forum.threads.totalCount).toBe(
      await threadCount(),
    );
  });

  it.each([
    [{ search: "x".repeat(101) }, "search"],
    [{ first: 0 }, "first"],
    [{ first: 101 }, "first"],
    [{ after: "not-a-cursor" }, "after"],
    [{ after: Buffer.from(JSON.stringify(["threads", "yesterday|x"])).toString("base64url") }, "after"],
  ])("rejects %j with BAD_USER_INPUT at the field", async (variables, field) => {
    const { body } = await graph.query(forumQuery, variables, await as("ana"));
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(body.errors![0].path).toEqual(["network", "forum", "threads"]);
  });
});

describe("bad input writes nothing", () => {
  it.each([
    ["an empty title", { title: "", body: "Body." }, "input.title"],
    ["a blank title", { title: "   ", body: "Body." }, "input.title"],
    ["a title over 200 characters", { title: "x".repeat(201), body: "Body." }, "input.title"],
    ["a blank body", { title: "Title", body: " " }, "input.body"],
    ["a body over 20 000 characters", { title: "Title", body: "x".repeat(20_001) }, "input.body"],
  ])("refuses a thread with %s", async (_label, input, field) => {
    const before = await threadCount();
    const { body } = await graph.query(startMutation, { input }, await as("ana"));
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(body.errors![0].message).toMatch(/^(title|body) must be 1 to \d+ characters$/);
    expect(await threadCount()).toBe(before);
  });

  it("refuses a reply that is empty, too long or to an unknown thread", async () => {
    const thread = await startThread();
    for (const [variables, expected] of [
      [
        { threadId: thread.id, body: "" },
        { code: "BAD_USER_INPUT", field: "body" },
      ],
      [
        { threadId: thread.id, body: "x".repeat(20_001) },
        { code: "BAD_USER_INPUT", field: "body" },
      ],
      [{ threadId: "no-such-thread", body: "Hello." }, { code: "NOT_FOUND" }],
    ] as const) {
      const { body } = await graph.query(replyMutation, variables, await as("ben"));
      expect(body.errors![0].extensions).toMatchObject(expected);
    }
    const read = (await ok(threadQuery, { id: thread.id }, "ana")).forumThread;
    expect(read).toMatchObject({ replyCount: 0, lastActivityAt: thread.createdAt, version: 1 });
    expect(await sharedClient().forumReply.count({ where: { threadId: thread.id } })).toBe(0);
  });
});

describe("subscriptions", () => {
  it("follows and unfollows a thread, idempotently, for the viewer only", async () => {
    const thread = await startThread("ana");
    const subscribe = `mutation ($id: ID!) { subscribeToForumThread(threadId: $id) { id subscribed } }`;
    const unsubscribe = `mutation ($id: ID!) { unsubscribeFromForumThread(threadId: $id) { id subscribed } }`;
    const twice = await Promise.all([ok(subscribe, { id: thread.id }, "ben"), ok(subscribe, { id: thread.id }, "ben")]);
    expect(twice.map((data) => data.subscribeToForumThread.subscribed)).toEqual([true, true]);
    expect(await sharedClient().forumSubscription.count({ where: { threadId: thread.id } })).toBe(2);
    expect((await ok(threadQuery, { id: thread.id }, "ben")).forumThread.subscribed).toBe(true);
    for (let attempt = 0; attempt < 2; attempt += 1)
      expect((await ok(unsubscribe, { id: thread.id }, "ben")).unsubscribeFromForumThread.subscribed).toBe(false);
    expect((await ok(threadQuery, { id: thread.id }, "ben")).forumThread.subscribed).toBe(false);
    expect((await ok(threadQuery, { id: thread.id }, "ana")).forumThread.subscribed).toBe(true);
    const unknown = await graph.query(subscribe, { id: "no-such-thread" }, await as("ben"));
    expect(codes(unknown.body)).toEqual(["NOT_FOUND"]);
  });
});
