import type { Viewer } from "../common/auth";
import type { PrismaClient as EventsPrisma } from "../prisma/events/generated/client";
import type { PrismaClient as RequestsPrisma } from "../prisma/requests/generated/client";
import { eventsClientFor } from "../subgraphs/events/visibility";
import { requestsClientFor } from "../subgraphs/requests/visibility";
import { bearer, clientToken, startTestGraph, type TestGraph } from "./harness";

// Row visibility lives in each subgraph's viewer client (subgraphs/<name>/visibility.ts). These tests run queries
// written WITHOUT any filter through that client, on the real seeded databases of a test graph, and show that they
// return only what the viewer may read; then that the graph still answers the parties.

let graph: TestGraph;
let requestsDb: RequestsPrisma;
let eventsDb: EventsPrisma;
const database = (name: string) => graph.subgraphs.find((subgraph) => subgraph.name === name)!.database;

const viewer = (sub: string, claims: Partial<Viewer> = {}): Viewer => ({
  sub,
  name: null,
  networks: {},
  authorityId: null,
  analyst: false,
  ...claims,
});
const contactPointOf = (authorityId: string) =>
  viewer(`${authorityId}-cp`, { authorityId, networks: { "coe-24-7": ["CONTACT_POINT"] } });
const portugal = contactPointOf("pt-pgr");
const norway = contactPointOf("no-kripos");
const albania = contactPointOf("al-state-police");
// Of Portugal's authority, but not its contact point: not a party.
const portugueseMember = viewer("pt-member", { authorityId: "pt-pgr", networks: { ejcn: ["MEMBER"] } });
const analyst = viewer("analyst", { analyst: true });
const ejcnMember = viewer("ejcn-member", { networks: { ejcn: ["MEMBER"] } });
const gpenAdmin = viewer("gpen-admin", { networks: { gpen: ["MEMBER", "NETWORK_ADMIN"] } });

const request = (id: string, from: [string, string], to: [string, string]) => ({
  id,
  kind: "PRESERVATION" as const,
  requestingAuthorityId: from[0],
  requestingCountryCode: from[1],
  requestedAuthorityId: to[0],
  requestedCountryCode: to[1],
  caseReference: `case material of ${id}`,
  createdBy: "test",
  content: { offence: { description: `offence of ${id}` } },
});
const ptToNo = request("rv-pt-no", ["pt-pgr", "PT"], ["no-kripos", "NO"]);
const alToNo = request("rv-al-no", ["al-state-police", "AL"], ["no-kripos", "NO"]);

const membersOnly = {
  id: "rv-ejcn-members-only",
  kind: "WORKSHOP" as const,
  title: "EJCN members-only workshop (test)",
  startsAt: new Date("2026-03-02T00:00:00Z"),
  endsAt: new Date("2026-03-03T00:00:00Z"),
  timeZone: "UTC",
  networkIds: ["ejcn"],
  visibility: "MEMBERS" as const,
  source: "test",
  searchText: "ejcn members-only workshop",
};

beforeAll(async () => {
  graph = await startTestGraph();
  // The shared clients, as the subgraphs hold them: used here only to write the fixtures and to count.
  requestsDb = database("requests").prisma;
  eventsDb = database("events").prisma;
  for (const row of [ptToNo, alToNo]) {
    await requestsDb.cooperationRequest.create({ data: row });
    await requestsDb.requestEvent.create({
      data: { requestId: row.id, status: "DRAFT", version: 1, actorSub: "test" },
    });
  }
  await eventsDb.event.create({ data: membersOnly });
  await eventsDb.eventDocument.create({
    data: { id: "rv-members-agenda", eventId: membersOnly.id, kind: "AGENDA", title: "Agenda", language: "en" },
  });
});
afterAll(() => graph?.close());

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describe("requests: a query written without any filter", () => {
  it.each([
    ["Portugal's contact point", portugal, [ptToNo.id]],
    ["Norway's contact point", norway, [alToNo.id, ptToNo.id]],
    ["Albania's contact point", albania, [alToNo.id]],
  ])("gives %s its own requests only", async (_who, who, expected) => {
    const db = requestsClientFor(requestsDb, who);
    expect(ids(await db.cooperationRequest.findMany({}))).toEqual(expected);
    expect(await db.cooperationRequest.count()).toBe(expected.length);
    expect(await db.cooperationRequest.aggregate({ _count: { _all: true } })).toEqual({
      _count: { _all: expected.length },
    });
    const groups = await db.cooperationRequest.groupBy({ by: ["requestingAuthorityId"], _count: { _all: true } });
    expect(groups.reduce((sum, group) => sum + group._count._all, 0)).toBe(expected.length);
    const history = await db.requestEvent.findMany({});
    expect([...new Set(history.map((event) => event.requestId))].sort()).toEqual(expected);
    expect(await db.requestEvent.count()).toBe(history.length);
    for (const id of [ptToNo.id, alToNo.id]) {
      const unique = await db.cooperationRequest.findUnique({ where: { id } });
      expect(unique?.id ?? null).toBe(expected.includes(id) ? id : null);
      const first = await db.cooperationRequest.findFirst({ where: { caseReference: `case material of ${id}` } });
      expect(first?.id ?? null).toBe(expected.includes(id) ? id : null);
    }
  });

  it.each([
    ["anonymous", null],
    ["an analyst", analyst],
    ["a member of the requesting authority who is not its contact point", portugueseMember],
  ])("gives %s nothing, and a list costs no statement", async (_who, who) => {
    const db = requestsClientFor(requestsDb, who);
    const before = database("requests").statementCount();
    expect(await db.cooperationRequest.findMany({})).toEqual([]);
    expect(await db.cooperationRequest.findUnique({ where: { id: ptToNo.id } })).toBeNull();
    expect(await db.requestEvent.findMany({})).toEqual([]);
    expect(database("requests").statementCount() - before).toBe(0);
    expect(await db.cooperationRequest.count()).toBe(0);
    expect(await db.requestEvent.count()).toBe(0);
    await expect(db.cooperationRequest.findUniqueOrThrow({ where: { id: ptToNo.id } })).rejects.toThrow();
    await expect(db.cooperationRequest.findFirstOrThrow({})).rejects.toThrow();
  });

  it("keeps the filter inside a transaction", async () => {
    const db = requestsClientFor(requestsDb, albania);
    expect(await db.$transaction(async (tx) => ids(await tx.cooperationRequest.findMany({})))).toEqual([alToNo.id]);
  });
});

describe("requests: writes", () => {
  const refused = { extensions: { code: "FORBIDDEN" } };

  it("change nothing a viewer may not read, and never another authority's request", async () => {
    const db = requestsClientFor(requestsDb, albania);
    await expect(db.cooperationRequest.update({ where: { id: ptToNo.id }, data: { urgent: true } })).rejects.toThrow();
    expect(await db.cooperationRequest.updateMany({ where: { id: ptToNo.id }, data: { urgent: true } })).toEqual({
      count: 0,
    });
    expect((await requestsDb.cooperationRequest.findUniqueOrThrow({ where: { id: ptToNo.id } })).urgent).toBe(false);
    await expect(
      db.cooperationRequest.create({ data: { ...request("rv-forged", ["pt-pgr", "PT"], ["no-kripos", "NO"]) } }),
    ).rejects.toMatchObject(refused);
    await expect(
      db.cooperationRequest.update({ where: { id: alToNo.id }, data: { requestedAuthorityId: "pt-pgr" } }),
    ).rejects.toMatchObject(refused);
    await expect(db.cooperationRequest.delete({ where: { id: alToNo.id } })).rejects.toMatchObject(refused);
    await expect(db.cooperationRequest.deleteMany({})).rejects.toMatchObject(refused);
    expect(await requestsDb.cooperationRequest.count()).toBe(2);
  });

  it("write history only for a request the client has returned", async () => {
    const step = (requestId: string) => ({
      data: { requestId, status: "DRAFT" as const, version: 1, actorSub: "test", note: "test step" },
    });
    const db = requestsClientFor(requestsDb, albania);
    await expect(db.requestEvent.create(step(ptToNo.id))).rejects.toMatchObject(refused);
    await expect(db.requestEvent.create(step(alToNo.id))).rejects.toMatchObject(refused);
    await db.cooperationRequest.findUniqueOrThrow({ where: { id: alToNo.id } });
    await expect(db.requestEvent.create(step(alToNo.id))).resolves.toMatchObject({ requestId: alToNo.id });
    await expect(db.requestEvent.deleteMany({})).rejects.toMatchObject(refused);
  });
});

describe("requests: raw SQL", () => {
  const refused = { extensions: { code: "FORBIDDEN" } };

  it("runs aggregates for analysts only", async () => {
    for (const who of [portugal, null])
      await expect(
        requestsClientFor(requestsDb, who)
          .$queryRaw`SELECT "kind"::text AS kind, count(*) AS count FROM "CooperationRequest" GROUP BY "kind"`,
      ).rejects.toMatchObject(refused);
    await expect(
      requestsClientFor(requestsDb, analyst)
        .$queryRaw`SELECT "kind"::text AS kind, count(*) AS count FROM "CooperationRequest" GROUP BY "kind"`,
    ).resolves.toEqual([{ kind: "PRESERVATION", count: 2n }]);
  });

  it("never returns request contents, even to analysts", async () => {
    const db = requestsClientFor(requestsDb, analyst);
    const notAggregate = { extensions: { code: "FORBIDDEN" }, message: expect.stringMatching(/not an aggregate/) };
    // Statements that name case material, read the history, or select rows instead of aggregates.
    await expect(db.$queryRaw`SELECT "caseReference" FROM "CooperationRequest"`).rejects.toMatchObject(notAggregate);
    await expect(
      db.$queryRaw`SELECT CONTENT::text AS c, count(*) AS n FROM "CooperationRequest" GROUP BY 1`,
    ).rejects.toMatchObject(notAggregate);
    await expect(db.$queryRaw`SELECT * FROM "CooperationRequest" GROUP BY "id"`).rejects.toMatchObject(notAggregate);
    await expect(
      db.$queryRaw`SELECT count(*) AS n, max("note") AS note FROM "RequestEvent" GROUP BY "status"`,
    ).rejects.toMatchObject(notAggregate);
    // A whole-row reference names no column: the statement passes, the rows it returns do not.
    await expect(
      db.$queryRaw`SELECT json_agg(r) AS rows FROM "CooperationRequest" r GROUP BY r."kind"`,
    ).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringMatching(/request contents/) });
    await expect(db.$queryRawUnsafe(`SELECT count(*) FROM "CooperationRequest" GROUP BY 1`)).rejects.toMatchObject(
      refused,
    );
    await expect(db.$executeRaw`DELETE FROM "CooperationRequest"`).rejects.toMatchObject(refused);
    expect(await requestsDb.cooperationRequest.count()).toBe(2);
  });
});

describe("events: a query written without any filter", () => {
  it.each([
    ["anonymous", null],
    ["a member of another network", gpenAdmin],
  ])("hides members-only events and their documents from %s", async (_who, who) => {
    const db = eventsClientFor(eventsDb, who);
    const all = await db.event.findMany({});
    expect(all.length).toBeGreaterThan(20);
    expect(all.every((event) => event.visibility === "PUBLIC")).toBe(true);
    expect(await db.event.count()).toBe(await eventsDb.event.count({ where: { visibility: "PUBLIC" } }));
    expect(await db.event.findUnique({ where: { id: membersOnly.id } })).toBeNull();
    expect(await db.event.findFirst({ where: { networkIds: { has: "ejcn" }, visibility: "MEMBERS" } })).toBeNull();
    expect(await db.eventDocument.findMany({ where: { eventId: membersOnly.id } })).toEqual([]);
    expect(await db.eventDocument.findUnique({ where: { id: "rv-members-agenda" } })).toBeNull();
    expect(await db.eventDocument.count()).toBe(
      await eventsDb.eventDocument.count({ where: { event: { visibility: "PUBLIC" } } }),
    );
  });

  it("shows them to the network's members", async () => {
    const db = eventsClientFor(eventsDb, ejcnMember);
    expect(ids(await db.event.findMany({ where: { visibility: "MEMBERS" } }))).toEqual([membersOnly.id]);
    expect(await db.event.count()).toBe(await eventsDb.event.count());
    expect((await db.event.findUnique({ where: { id: membersOnly.id } }))?.title).toBe(membersOnly.title);
    expect(ids(await db.eventDocument.findMany({ where: { eventId: membersOnly.id } }))).toEqual(["rv-members-agenda"]);
  });

  it("lets nobody write an event or document they cannot see", async () => {
    const refused = { extensions: { code: "FORBIDDEN" } };
    const db = eventsClientFor(eventsDb, gpenAdmin);
    await expect(db.event.update({ where: { id: membersOnly.id }, data: { title: "Renamed" } })).rejects.toThrow();
    expect(await db.event.updateMany({ data: { title: "Renamed" }, where: { id: membersOnly.id } })).toEqual({
      count: 0,
    });
    expect(await db.eventDocument.deleteMany({ where: { eventId: membersOnly.id } })).toEqual({ count: 0 });
    await expect(
      db.eventDocument.create({
        data: { id: "rv-planted", eventId: membersOnly.id, kind: "OTHER", title: "Planted", language: "en" },
      }),
    ).rejects.toMatchObject(refused);
    await expect(db.event.create({ data: { ...membersOnly, id: "rv-hidden-from-its-author" } })).rejects.toMatchObject(
      refused,
    );
    await expect(db.$queryRaw`SELECT count(*) FROM "Event"`).rejects.toMatchObject(refused);
    expect((await eventsDb.event.findUniqueOrThrow({ where: { id: membersOnly.id } })).title).toBe(membersOnly.title);
    expect(await eventsDb.eventDocument.count({ where: { eventId: membersOnly.id } })).toBe(1);
  });
});

describe("through the gateway", () => {
  /** The client token a viewer's identity provider would issue. */
  const as = async ({ sub, networks, authorityId, analyst }: Viewer) =>
    bearer(await clientToken({ sub, networks, analyst, ...(authorityId ? { authorityId } : {}) }));

  it("answers a request to its parties only", async () => {
    const read = `query ($id: ID!) { cooperationRequest(id: $id) { caseReference content { offence { description } } } }`;
    const answer = async (headers: Record<string, string>) =>
      (await graph.query(read, { id: ptToNo.id }, headers)).body.data.cooperationRequest;
    expect(await answer(await as(portugal))).toEqual({
      caseReference: ptToNo.caseReference,
      content: { offence: { description: ptToNo.content.offence.description } },
    });
    for (const headers of [{}, await as(albania), await as(analyst), await as(portugueseMember)])
      expect(await answer(headers)).toBeNull();
  });

  it("lists a members-only event to the network's members only", async () => {
    const list = `{ events(first: 100, filter: { network: "ejcn", kind: WORKSHOP }) { edges { node { id } } } }`;
    const listed = async (headers: Record<string, string>) =>
      (await graph.query(list, {}, headers)).body.data.events.edges.map(
        (edge: { node: { id: string } }) => edge.node.id,
      );
    expect(await listed(await as(ejcnMember))).toContain(membersOnly.id);
    for (const headers of [{}, await as(gpenAdmin)]) expect(await listed(headers)).not.toContain(membersOnly.id);
  });
});
