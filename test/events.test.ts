import ICAL from "ical.js";
import { daysFromToday } from "./clock";
import { bearer, clientToken, useTestGraph } from "./harness";

const graph = useTestGraph();

const as = async (networks: Record<string, string[]>, sub = "tester") => bearer(await clientToken({ sub, networks }));
const eventsQuery = `query ($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) { totalCount edges { node { id title startDate endDate } } pageInfo { hasNextPage endCursor } }
}`;
const ids = async (filter: Record<string, unknown>, headers: Record<string, string> = {}) =>
  (await graph.query(eventsQuery, { filter, first: 100 }, headers)).body.data.events.edges.map(
    (edge: any) => edge.node.id,
  );

const input = {
  kind: "PLENARY",
  title: "19th EJCN plenary meeting (test)",
  startDate: "2026-11-26",
  endDate: "2026-11-27",
  timeZone: "Europe/Amsterdam",
  city: "The Hague",
  country: "NL",
  networks: ["ejcn"],
  visibility: "MEMBERS",
  documents: [{ kind: "AGENDA", title: "Draft agenda", language: "en" }],
  source: "EJCN secretariat (test)",
};
const create = `mutation ($input: EventInput!) { createEvent(input: $input) { id startsAt endsAt startDate endDate visibility documents { kind title } networks { id } country { code } } }`;

describe("the seeded calendar", () => {
  it("has the CyberCrime@IPA activities from the launch in Istanbul to the closing conference in Budva", async () => {
    const { body } = await graph.query(eventsQuery, { filter: { project: "CyberCrime@IPA" }, first: 100 });
    const events = body.data.events.edges.map((edge: any) => edge.node);
    expect(events[0]).toMatchObject({
      id: "ipa-launching-conference-2011",
      startDate: "2011-02-17",
      endDate: "2011-02-18",
    });
    expect(events.at(-1)).toMatchObject({
      id: "ipa-closing-conference-budva-2013",
      startDate: "2013-04-29",
      endDate: "2013-04-30",
    });
    expect(body.data.events.totalCount).toBeGreaterThanOrEqual(20);
  });

  it("has the GLACY+ 24/7 workshops of 28, 29 and 30 July 2020 with the page in three languages", async () => {
    const { body } = await graph.query(
      `{ events(filter: { project: "GLACY+", network: "coe-24-7" }) { edges { node { startDate online documents { language } } } } }`,
    );
    const workshops = body.data.events.edges.map((edge: any) => edge.node);
    expect(workshops.map((event: any) => event.startDate)).toEqual(["2020-07-28", "2020-07-29", "2020-07-30"]);
    expect(workshops.every((event: any) => event.online)).toBe(true);
    expect(workshops[0].documents.map((document: any) => document.language)).toEqual(["en", "es", "pt"]);
  });

  it("keeps multi-day events on their local days across time zones", async () => {
    const { body } = await graph.query(
      `{ event(id: "ciberred-meeting-2") { startsAt endsAt timeZone startDate endDate country { name } } }`,
    );
    // Santiago is UTC-4 in June: 25-26 June local are 04:00Z on the 25th to 04:00Z on the 27th.
    expect(body.data.event).toEqual({
      startsAt: "2019-06-25T04:00:00.000Z",
      endsAt: "2019-06-27T04:00:00.000Z",
      timeZone: "America/Santiago",
      startDate: "2019-06-25",
      endDate: "2019-06-26",
      country: { name: "Chile" },
    });
    // An instant on the 27th in UTC but still the 26th in Santiago falls within the meeting.
    expect(await ids({ from: "2019-06-27T02:00:00Z", to: "2019-06-27T03:00:00Z" })).toContain("ciberred-meeting-2");
    expect(await ids({ from: "2019-06-27T04:00:00Z", to: "2019-06-28T00:00:00Z" })).not.toContain("ciberred-meeting-2");
  });
});

describe("filters and pages", () => {
  it.each([
    [{ network: "ejcn", kind: "PLENARY" }, 8],
    // Held in Montenegro, or with the CyberCrime@IPA project areas taking part.
    [{ country: "ME" }, 12],
    // Both words: the three judicial trainers meetings and the Training of Trainers for judicial institutions.
    [{ search: "judicial trainers" }, 4],
    [{ search: "Sao Tome" }, 0],
    [{ from: "2021-01-01T00:00:00Z", to: "2022-01-01T00:00:00Z" }, 4],
  ])("%j gives %i events", async (filter, count) => {
    const { body } = await graph.query(eventsQuery, { filter, first: 100 });
    expect(body.errors).toBeUndefined();
    expect(body.data.events.totalCount).toBe(count);
  });

  it("walks every page in start order without duplicates or gaps", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 50; page += 1) {
      const { body }: any = await graph.query(eventsQuery, { first: 7, after });
      totalCount = body.data.events.totalCount;
      seen.push(...body.data.events.edges.map((edge: any) => edge.node.startDate + edge.node.id));
      if (!body.data.events.pageInfo.hasNextPage) break;
      after = body.data.events.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(totalCount);
    expect([...seen].sort()).toEqual(seen);
  });

  it.each([
    [{ country: "Portugal" }, "filter.country"],
    [{ from: "2020-01-02T00:00:00Z", to: "2020-01-01T00:00:00Z" }, "filter.to"],
  ])("rejects %j", async (filter, field) => {
    const { body } = await graph.query(eventsQuery, { filter });
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});

describe("members-only events and admin input", () => {
  it("lets a network admin add an event, shown to the network's members only", async () => {
    const admin = await as({ ejcn: ["MEMBER", "NETWORK_ADMIN"] }, "ejcn-admin");
    const { body } = await graph.query(create, { input }, admin);
    expect(body.errors).toBeUndefined();
    const event = body.data.createEvent;
    expect(event).toMatchObject({
      startsAt: "2026-11-25T23:00:00.000Z",
      endsAt: "2026-11-27T23:00:00.000Z",
      startDate: "2026-11-26",
      endDate: "2026-11-27",
      visibility: "MEMBERS",
    });

    for (const headers of [{}, await as({ gpen: ["MEMBER"] })]) {
      expect(
        (await graph.query(`query ($id: ID!) { event(id: $id) { id } }`, { id: event.id }, headers)).body.data.event,
      ).toBeNull();
      expect(await ids({ network: "ejcn" }, headers)).not.toContain(event.id);
      const network = await graph.query(`{ network(id: "ejcn") { events { id } } }`, {}, headers);
      expect(network.body.data.network.events.map((entry: any) => entry.id)).not.toContain(event.id);
    }
    const member = await as({ ejcn: ["MEMBER"] });
    expect(await ids({ network: "ejcn" }, member)).toContain(event.id);
    const calendar = await (await fetch(graph.gatewayUrl.replace("/graphql", "/calendar/network/ejcn.ics"))).text();
    expect(calendar).not.toContain(event.id);
  });

  it.each([
    [{ endDate: "2026-11-25" }, "input.endDate"],
    [{ timeZone: "Europe/Den_Haag" }, "input.timeZone"],
    [{ country: "XX" }, "input.country"],
    [{ participatingCountries: ["PT", "Portugal"] }, "input.participatingCountries.1"],
    [{ participantsCount: -3 }, "input.participantsCount"],
    [{ title: "  " }, "input.title"],
    [{ documents: [{ kind: "AGENDA", title: "Agenda", language: "english" }] }, "input.documents.0.language"],
    [
      { documents: [{ kind: "AGENDA", title: "Agenda", language: "en", url: "javascript:alert(1)" }] },
      "input.documents.0.url",
    ],
  ])("rejects %j with a field error and adds nothing", async (change, field) => {
    const admin = await as({ ejcn: ["MEMBER", "NETWORK_ADMIN"] });
    const before = (await graph.query(eventsQuery, { filter: { network: "ejcn" } }, admin)).body.data.events.totalCount;
    const { body } = await graph.query(create, { input: { ...input, ...change } }, admin);
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect((await graph.query(eventsQuery, { filter: { network: "ejcn" } }, admin)).body.data.events.totalCount).toBe(
      before,
    );
  });

  it("refuses events of networks the caller does not administer", async () => {
    const { body } = await graph.query(
      create,
      { input: { ...input, networks: ["ejcn", "gpen"] } },
      await as({ ejcn: ["NETWORK_ADMIN"] }),
    );
    expect(body.errors![0].extensions!.code).toBe("FORBIDDEN");
    expect((await graph.query(create, { input }, {})).body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
  });
});

describe("calendar feeds", () => {
  it.each([
    ["network/ejcn", "ejcn-plenary-18", "20250428", "20250430"],
    ["country/cv", "forum-cibercrime-meeting-2", "20190411", "20190413"],
  ])("/calendar/%s.ics parses and matches the events", async (path, id, start, end) => {
    const response = await fetch(graph.gatewayUrl.replace("/graphql", `/calendar/${path}.ics`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const entries = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    const entry = entries.find((candidate) => candidate.uid.startsWith(id))!;
    expect(entry.startDate.toString().replace(/-/g, "")).toBe(start);
    expect(entry.endDate.toString().replace(/-/g, "")).toBe(end);
    const [scope, key] = path.split("/");
    const { body } = await graph.query(
      `{ events(filter: { ${scope}: "${key}", kind: null }, first: 100) { totalCount } }`,
    );
    // The feed holds the public events known to the day; the list also holds those known to the month or year.
    expect(entries.length).toBeLessThanOrEqual(body.data.events.totalCount);
    expect(entries.length).toBeGreaterThan(0);
  });

  it("answers 404 for an unknown feed", async () => {
    expect((await fetch(graph.gatewayUrl.replace("/graphql", "/calendar/country/zz.ics"))).status).toBe(404);
    expect((await fetch(graph.gatewayUrl.replace("/graphql", "/calendar/planet/mars.ics"))).status).toBe(404);
  });
});

describe("upcoming events", () => {
  it("lists only the events not yet over, by the product's clock", async () => {
    const admin = await as({ ejcn: ["MEMBER", "NETWORK_ADMIN"] });
    const add = async (title: string, startDate: string, endDate: string) => {
      const { body } = await graph.query(
        create,
        { input: { ...input, title, startDate, endDate, timeZone: "UTC", visibility: "PUBLIC" } },
        admin,
      );
      expect(body.errors).toBeUndefined();
      return body.data.createEvent.id as string;
    };
    const ended = await add("Workshop that ended yesterday (test)", daysFromToday(-2), daysFromToday(-1));
    const running = await add("Workshop that ends today (test)", daysFromToday(-1), daysFromToday(0));
    const next = await add("Plenary next month (test)", daysFromToday(30), daysFromToday(31));
    const { body } = await graph.query(
      `{ network(id: "ejcn") { upcoming: events(upcoming: true) { id endDate } all: events { id } } }`,
    );
    const upcoming = body.data.network.upcoming.map((event: { id: string }) => event.id);
    expect(upcoming).toEqual(expect.arrayContaining([running, next]));
    expect(upcoming).not.toContain(ended);
    expect(body.data.network.upcoming.every((event: { endDate: string }) => event.endDate >= daysFromToday(0))).toBe(
      true,
    );
    expect(body.data.network.all.map((event: { id: string }) => event.id)).toEqual(
      expect.arrayContaining([ended, running, next]),
    );
  });
});

describe("batching", () => {
  it("loads events for many countries in a constant number of statements", async () => {
    const query = `query ($id: ID!) { network(id: $id) { members { country { code events { id title networks { acronym } } } } events { id } } }`;
    const count = (id: string) => graph.statementsAndRows(query, { id }, (data) => data.network.members.length);
    const small = await count("forum-cibercrime");
    const large = await count("coe-24-7");
    expect(large.rows).toBeGreaterThan(small.rows * 5);
    expect(large.statements).toBeLessThanOrEqual(small.statements);
  });
});
