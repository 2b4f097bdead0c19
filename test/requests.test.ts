import { upsertRows } from "../common/seed";
import { syntheticRequests } from "../prisma/requests/synthetic";
import { completePreservation } from "./fixtures";
import { bearer, clientToken, postGraphQL, useTestGraph } from "./harness";

const graph = useTestGraph();

const contactPointOf = (authorityId: string, sub: string) => ({
  sub,
  authorityId,
  networks: { "coe-24-7": ["CONTACT_POINT"] },
});
const as = async (claims: object) => bearer(await clientToken(claims as Record<string, unknown>));
const portugal = () => as(contactPointOf("pt-pgr", "pt-cp"));
const norway = () => as(contactPointOf("no-kripos", "no-cp"));
const albania = () => as(contactPointOf("al-state-police", "al-cp"));

const fields = `id kind status version sentAt acknowledgedAt executedAt preservedUntil responseDueAt overdue
  requestingAuthority { id name } requestedCountry { code name } previousRequest { id } followUps { id kind }
  history { fromStatus status version actorSub note } content { custodian { identifiers { kind value observedAt } } mlaToFollow }`;
const create = `mutation ($input: CreateCooperationRequestInput!) { createCooperationRequest(input: $input) { ${fields} } }`;
const transition = `mutation ($id: ID!, $to: RequestStatus!, $version: Int!, $note: String) {
  transitionCooperationRequest(id: $id, to: $to, expectedVersion: $version, note: $note) { ${fields} }
}`;

async function draft(overrides: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const input = {
    kind: "PRESERVATION",
    requestingCountry: "PT",
    requestedCountry: "NO",
    requestedAuthority: "no-kripos",
    caseReference: "NUIPC 123/26",
    urgent: true,
    content: completePreservation,
    ...overrides,
  };
  const { body } = await graph.query(create, { input }, headers ?? (await portugal()));
  expect(body.errors).toBeUndefined();
  return body.data.createCooperationRequest;
}

async function step(
  request: { id: string; version: number },
  to: string,
  headers: Record<string, string>,
  note?: string,
) {
  const { body } = await graph.query(transition, { id: request.id, to, version: request.version, note }, headers);
  expect(body.errors).toBeUndefined();
  return body.data.transitionCooperationRequest;
}

describe("lifecycle", () => {
  it("runs draft → sent → acknowledged → in progress → executed, each step recorded, and preserves for 60 days", async () => {
    const pt = await portugal();
    const no = await norway();
    let request = await draft();
    expect(request).toMatchObject({
      status: "DRAFT",
      version: 1,
      requestingAuthority: { id: "pt-pgr", name: expect.stringContaining("Procuradoria") },
      requestedCountry: { code: "NO", name: "Norway" },
    });
    request = await step(request, "SENT", pt);
    request = await step(request, "ACKNOWLEDGED", no, "Received by the KRIPOS duty desk");
    request = await step(request, "IN_PROGRESS", no);
    request = await step(request, "EXECUTED", no);
    expect(request.version).toBe(5);
    expect(
      request.history.map((event: any) => [event.fromStatus, event.status, event.version, event.actorSub]),
    ).toEqual([
      [null, "DRAFT", 1, "pt-cp"],
      ["DRAFT", "SENT", 2, "pt-cp"],
      ["SENT", "ACKNOWLEDGED", 3, "no-cp"],
      ["ACKNOWLEDGED", "IN_PROGRESS", 4, "no-cp"],
      ["IN_PROGRESS", "EXECUTED", 5, "no-cp"],
    ]);
    expect(request.history[2].note).toBe("Received by the KRIPOS duty desk");
    expect(new Date(request.preservedUntil).getTime() - new Date(request.executedAt).getTime()).toBe(60 * 86_400_000);
    expect(request.content.custodian.identifiers[0]).toEqual({
      kind: "IP_ADDRESS",
      value: "192.0.2.10",
      observedAt: "2026-11-20T21:14:00.000Z",
    });
  });

  it("refuses every illegal step with BAD_USER_INPUT naming `to`", async () => {
    const legal: Record<string, string[]> = {
      DRAFT: ["SENT", "WITHDRAWN"],
      SENT: ["ACKNOWLEDGED", "REFUSED", "WITHDRAWN"],
      ACKNOWLEDGED: ["IN_PROGRESS", "REFUSED", "WITHDRAWN"],
      IN_PROGRESS: ["EXECUTED", "PARTIALLY_EXECUTED", "REFUSED", "WITHDRAWN"],
      EXECUTED: [],
    };
    const all = [
      "DRAFT",
      "SENT",
      "ACKNOWLEDGED",
      "IN_PROGRESS",
      "EXECUTED",
      "PARTIALLY_EXECUTED",
      "REFUSED",
      "WITHDRAWN",
    ];
    const headers = {
      DRAFT: await portugal(),
      SENT: await norway(),
      ACKNOWLEDGED: await norway(),
      IN_PROGRESS: await norway(),
    } as Record<string, Record<string, string>>;
    let request = await draft();
    for (const [status, next] of [
      ["DRAFT", "SENT"],
      ["SENT", "ACKNOWLEDGED"],
      ["ACKNOWLEDGED", "IN_PROGRESS"],
      ["IN_PROGRESS", "EXECUTED"],
      ["EXECUTED", null],
    ] as const) {
      expect(request.status).toBe(status);
      for (const to of all.filter((target) => !legal[status].includes(target))) {
        for (const caller of [await portugal(), await norway()]) {
          const { body } = await graph.query(transition, { id: request.id, to, version: request.version }, caller);
          expect({ status, to, error: body.errors?.[0].extensions }).toMatchObject({
            status,
            to,
            error: { code: "BAD_USER_INPUT", field: "to" },
          });
        }
      }
      if (next) request = await step(request, next, headers[status]);
    }
  });

  it.each([
    ["WITHDRAWN", "DRAFT", []],
    ["WITHDRAWN", "SENT", ["SENT"]],
    ["REFUSED", "SENT", ["SENT"]],
    ["REFUSED", "ACKNOWLEDGED", ["SENT", "ACKNOWLEDGED"]],
    ["PARTIALLY_EXECUTED", "IN_PROGRESS", ["SENT", "ACKNOWLEDGED", "IN_PROGRESS"]],
  ])("allows %s from %s, by the right side only", async (to, from, path) => {
    const pt = await portugal();
    const no = await norway();
    let request = await draft();
    for (const status of path) request = await step(request, status, status === "SENT" ? pt : no);
    expect(request.status).toBe(from);
    const [right, wrong] = to === "WITHDRAWN" ? [pt, no] : [no, pt];
    const refused = await graph.query(transition, { id: request.id, to, version: request.version }, wrong);
    expect(refused.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    expect((await step(request, to, right)).status).toBe(to);
  });

  it("refuses a stale expectedVersion with CONFLICT", async () => {
    const pt = await portugal();
    const request = await draft();
    await step(request, "SENT", pt);
    const { body } = await graph.query(transition, { id: request.id, to: "WITHDRAWN", version: request.version }, pt);
    expect(body.errors![0].extensions!.code).toBe("CONFLICT");
  });

  it("lets exactly one of concurrent steps win, and loses none of the history", async () => {
    const pt = await portugal();
    const no = await norway();
    const sent = await step(await draft(), "SENT", pt);
    const attempts = await Promise.all(
      [...Array(5)].map((_, index) =>
        graph.query(transition, { id: sent.id, to: index % 2 ? "ACKNOWLEDGED" : "REFUSED", version: sent.version }, no),
      ),
    );
    const won = attempts.filter((attempt) => !attempt.body.errors);
    expect(won).toHaveLength(1);
    expect(attempts.filter((attempt) => attempt.body.errors?.[0].extensions!.code === "CONFLICT")).toHaveLength(4);
    const { body } = await graph.query(
      `query ($id: ID!) { cooperationRequest(id: $id) { version history { status } } }`,
      { id: sent.id },
      pt,
    );
    expect(body.data.cooperationRequest.version).toBe(3);
    expect(body.data.cooperationRequest.history).toHaveLength(3);
  });
});

describe("sending needs Art. 29(2)(a)-(f)", () => {
  it.each([
    ["requestingContact", "content.requestingContact.personInCharge"],
    ["offence", "content.offence.description"],
    ["dataToPreserve", "content.dataToPreserve"],
    ["custodian", "content.custodian.serviceProvider"],
    ["necessity", "content.necessity"],
    ["mlaToFollow", "content.mlaToFollow"],
  ])("cannot send a preservation request without %s", async (part, field) => {
    const pt = await portugal();
    const request = await draft({ content: { ...completePreservation, [part]: null } });
    const { body } = await graph.query(transition, { id: request.id, to: "SENT", version: request.version }, pt);
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    const unchanged = await graph.query(
      `query ($id: ID!) { cooperationRequest(id: $id) { status version } }`,
      { id: request.id },
      pt,
    );
    expect(unchanged.body.data.cooperationRequest).toEqual({ status: "DRAFT", version: 1 });
  });

  it.each([
    [{ requestedCountry: "XX" }, "input.requestedCountry"],
    [{ requestedAuthority: "pt-pgr" }, "input.requestedAuthority"],
    [{ caseReference: " " }, "input.caseReference"],
    [{ requestedTimeZone: "CET+1" }, "input.requestedTimeZone"],
    [{ kind: "PRESERVATION_EXTENSION" }, "input.previousRequest"],
    [{ previousRequest: "unknown" }, "input.previousRequest"],
    [{ responseTargetHours: 8 }, "input.responseTargetHours"],
    [{ kind: "EMERGENCY_DISCLOSURE", responseTargetHours: 500 }, "input.responseTargetHours"],
    [
      {
        content: {
          ...completePreservation,
          custodian: { identifiers: [{ kind: "IP_ADDRESS", value: "999.1.1.1", observedAt: "2026-11-20T21:14:00Z" }] },
        },
      },
      "input.content.custodian.identifiers.0.value",
    ],
    [
      {
        content: { ...completePreservation, custodian: { identifiers: [{ kind: "IP_ADDRESS", value: "192.0.2.1" }] } },
      },
      "input.content.custodian.identifiers.0.observedAt",
    ],
    [
      { content: { ...completePreservation, requestingContact: { personInCharge: "A", timeZone: "Lisbon" } } },
      "input.content.requestingContact.timeZone",
    ],
  ])("rejects %j at creation with BAD_USER_INPUT naming the field", async (overrides, field) => {
    const input = {
      kind: "PRESERVATION",
      requestingCountry: "PT",
      requestedCountry: "NO",
      requestedAuthority: "no-kripos",
      caseReference: "X",
      content: completePreservation,
      ...overrides,
    };
    const { body } = await graph.query(create, { input }, await portugal());
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("gives an emergency request its response target when sent", async () => {
    const request = await step(
      await draft({ kind: "EMERGENCY_DISCLOSURE", responseTargetHours: 8 }),
      "SENT",
      await portugal(),
    );
    expect(new Date(request.responseDueAt).getTime() - new Date(request.sentAt).getTime()).toBe(8 * 3_600_000);
    expect(request.overdue).toBe(false);
  });
});

describe("idempotent creation", () => {
  it("returns the first request to every retry with the same key", async () => {
    const pt = await portugal();
    const input = {
      kind: "PRESERVATION",
      requestingCountry: "PT",
      requestedCountry: "NO",
      requestedAuthority: "no-kripos",
      caseReference: "retry",
      content: completePreservation,
      idempotencyKey: "submit-7f3a",
    };
    const results = await Promise.all([...Array(6)].map(() => graph.query(create, { input }, pt)));
    const ids = new Set(results.map((result) => result.body.data.createCooperationRequest.id));
    expect(ids.size).toBe(1);
    const list = await graph.query(`{ cooperationRequests(first: 100) { edges { node { caseReference } } } }`, {}, pt);
    expect(
      list.body.data.cooperationRequests.edges.filter((edge: any) => edge.node.caseReference === "retry"),
    ).toHaveLength(1);
  });
});

describe("who reads what", () => {
  const read = `query ($id: ID!) { cooperationRequest(id: $id) { id caseReference } }`;

  it("shows a request to the contact points of its two authorities only", async () => {
    const request = await draft({ caseReference: "visibility" });
    expect(
      (await graph.query(read, { id: request.id }, await portugal())).body.data.cooperationRequest.caseReference,
    ).toBe("visibility");
    expect(
      (await graph.query(read, { id: request.id }, await norway())).body.data.cooperationRequest.caseReference,
    ).toBe("visibility");
    for (const headers of [
      {},
      await albania(),
      await as({ sub: "pt-member", authorityId: "pt-pgr", networks: { ejcn: ["MEMBER", "NETWORK_ADMIN"] } }),
      await as({ sub: "analyst", analyst: true, networks: {} }),
    ]) {
      const { body } = await graph.query(read, { id: request.id }, headers);
      expect(body.data.cooperationRequest).toBeNull();
    }
  });

  it("lets no third party act on it, and tells it nothing", async () => {
    const request = await draft();
    const { body } = await graph.query(transition, { id: request.id, to: "ACKNOWLEDGED", version: 1 }, await albania());
    expect(body.errors![0].extensions!.code).toBe("NOT_FOUND");
    const list = await graph.query(`{ cooperationRequests { totalCount } }`, {}, await albania());
    expect(list.body.data.cooperationRequests.totalCount).toBe(0);
    const anonymous = await graph.query(`{ cooperationRequests { totalCount } }`);
    expect(anonymous.body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
  });

  it("resolves no request through _entities without the gateway's token", async () => {
    const request = await draft();
    const requests = graph.subgraphs.find((subgraph) => subgraph.name === "requests")!;
    const { body } = await postGraphQL(requests.url, {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on CooperationRequest { id caseReference } } }`,
      variables: { r: [{ __typename: "CooperationRequest", id: request.id }] },
    });
    expect(body.data._entities).toEqual([null]);
  });

  it("gives statistics to analysts only", async () => {
    for (const headers of [await portugal(), await as({ sub: "admin", networks: { ejcn: ["NETWORK_ADMIN"] } })]) {
      const { body } = await graph.query(`{ requestStatistics { sent } }`, {}, headers);
      expect(body.errors![0].extensions!.code).toBe("FORBIDDEN");
    }
  });
});

describe("preservation periods", () => {
  async function executedPreservation(overrides: Record<string, unknown> = {}, requested?: Record<string, string>) {
    const pt = await portugal();
    const no = requested ?? (await norway());
    let request = await draft(overrides);
    for (const [status, headers] of [
      ["SENT", pt],
      ["ACKNOWLEDGED", no],
      ["IN_PROGRESS", no],
      ["EXECUTED", no],
    ] as const)
      request = await step(request, status, headers);
    return request;
  }

  it("uses the requested country's longer period (United States: 90 days)", async () => {
    // No United States authority is in the public seed: the test adds a fictional one to the members subgraph.
    const members = graph.subgraphs.find((subgraph) => subgraph.name === "members")!.database.sql;
    await upsertRows(
      members,
      "Authority",
      ["id"],
      [
        {
          id: "us-test-authority",
          name: "Test authority (fictional)",
          kind: "PROSECUTION_SERVICE",
          countryCode: "US",
          source: "test",
        },
      ],
    );
    const request = await executedPreservation(
      { requestedCountry: "US", requestedAuthority: "us-test-authority" },
      await as(contactPointOf("us-test-authority", "us-cp")),
    );
    expect(new Date(request.preservedUntil).getTime() - new Date(request.executedAt).getTime()).toBe(90 * 86_400_000);
  });

  it("pushes the original preservation when an extension is executed, and lists what expires", async () => {
    const original = await executedPreservation({ caseReference: "extend me" });
    const extension = await executedPreservation({
      kind: "PRESERVATION_EXTENSION",
      previousRequest: original.id,
      caseReference: "extension",
    });
    expect(extension.previousRequest).toEqual({ id: original.id });
    const { body } = await graph.query(
      `query ($id: ID!) { cooperationRequest(id: $id) { preservedUntil followUps { id kind } history { note } } }`,
      { id: original.id },
      await portugal(),
    );
    expect(body.data.cooperationRequest.preservedUntil).toBe(extension.preservedUntil);
    expect(body.data.cooperationRequest.followUps).toEqual([{ id: extension.id, kind: "PRESERVATION_EXTENSION" }]);
    expect(body.data.cooperationRequest.history.at(-1).note).toMatch(/extended until/);

    const expiring = async (withinDays: number, headers: Record<string, string>) =>
      (
        await graph.query(
          `query ($d: Int!) { expiringPreservations(withinDays: $d) { id followUpOverdue } }`,
          { d: withinDays },
          headers,
        )
      ).body;
    expect((await expiring(61, await norway())).data.expiringPreservations.map((request: any) => request.id)).toContain(
      original.id,
    );
    expect(
      (await expiring(59, await portugal())).data.expiringPreservations.map((request: any) => request.id),
    ).not.toContain(original.id);
    expect((await expiring(61, await albania())).data.expiringPreservations).toEqual([]);
    expect((await expiring(0, await portugal())).errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "withinDays",
    });
  });
});

describe("statistics", () => {
  // Filters take ISO 3166-1 codes only: these rows use territories that no other request of this file names.
  const hour = 3_600_000;
  const sql = () => graph.subgraphs.find((subgraph) => subgraph.name === "requests")!.database.sql;
  const row = (
    id: string,
    kind: string,
    status: string,
    sentAt: string | null,
    ackHours: number | null,
    execHours: number | null,
    from = "AQ",
    to = "BV",
  ) => {
    const sent = sentAt ? new Date(sentAt) : null;
    return {
      id,
      kind,
      status,
      version: 1,
      requestingAuthorityId: `auth-${from}`,
      requestingCountryCode: from,
      requestedAuthorityId: `auth-${to}`,
      requestedCountryCode: to,
      caseReference: id,
      urgent: false,
      previousRequestId: null,
      idempotencyKey: null,
      createdBy: "test",
      content: "{}",
      requestedTimeZone: "UTC",
      responseTargetHours: null,
      createdAt: sent ?? new Date("2026-01-01T00:00:00Z"),
      sentAt: sent,
      acknowledgedAt: sent && ackHours !== null ? new Date(sent.getTime() + ackHours * hour) : null,
      executedAt: sent && execHours !== null ? new Date(sent.getTime() + execHours * hour) : null,
      closedAt: null,
      responseDueAt: null,
      preservedUntil: null,
    };
  };

  it("matches a hand-checked small data set", async () => {
    await upsertRows(
      sql(),
      "CooperationRequest",
      ["id"],
      [
        row("s1", "PRESERVATION", "EXECUTED", "2026-01-05T10:00:00Z", 2, 10),
        row("s2", "PRESERVATION", "EXECUTED", "2026-01-20T10:00:00Z", 4, 30),
        row("s3", "MLA_STORED_DATA", "ACKNOWLEDGED", "2026-01-31T23:30:00Z", 6, null),
        row("s4", "MLA_STORED_DATA", "REFUSED", "2026-02-01T00:30:00Z", null, null),
        row("s5", "PRESERVATION", "DRAFT", null, null, null),
        row("s6", "PRESERVATION", "EXECUTED", "2026-02-10T08:00:00Z", 1, 5, "BV", "AQ"),
      ],
    );
    const analyst = await as({ sub: "analyst", analyst: true, networks: {} });
    const statistics = async (filter: Record<string, unknown>) =>
      (
        await graph.query(
          `query ($f: RequestStatisticsFilter) { requestStatistics(filter: $f) {
        sent byKind { kind count } byStatus { status count } medianHoursToAcknowledge medianHoursToExecute
        byMonth { month sent medianHoursToAcknowledge medianHoursToExecute } } }`,
          { f: filter },
          analyst,
        )
      ).body.data.requestStatistics;

    // AQ → BV: s1-s4 sent (the draft s5 is not); acknowledged after 2, 4, 6 hours; executed after 10, 30.
    expect(await statistics({ requestingCountry: "AQ", requestedCountry: "BV" })).toEqual({
      sent: 4,
      byKind: [
        { kind: "MLA_STORED_DATA", count: 2 },
        { kind: "PRESERVATION", count: 2 },
      ],
      byStatus: [
        { status: "ACKNOWLEDGED", count: 1 },
        { status: "EXECUTED", count: 2 },
        { status: "REFUSED", count: 1 },
      ],
      medianHoursToAcknowledge: 4,
      medianHoursToExecute: 20,
      byMonth: [
        { month: "2026-01", sent: 3, medianHoursToAcknowledge: 4, medianHoursToExecute: 20 },
        { month: "2026-02", sent: 1, medianHoursToAcknowledge: null, medianHoursToExecute: null },
      ],
    });
    // By kind and period: February, either direction, preservation only: s6.
    expect(
      await statistics({ kind: "PRESERVATION", requestedCountry: "AQ", from: "2026-02-01", to: "2026-03-01" }),
    ).toMatchObject({ sent: 1, medianHoursToAcknowledge: 1, medianHoursToExecute: 5 });
  });

  it("computes each filter's figures once a minute at most, shared by concurrent askers, and says when", async () => {
    const analyst = await as({ sub: "analyst", analyst: true, networks: {} });
    const figures = async (country: string) =>
      (
        await graph.query(
          `query ($c: ID) { requestStatistics(filter: { requestingCountry: $c }) { sent computedAt } }`,
          { c: country },
          analyst,
        )
      ).body.data.requestStatistics;
    const before = Date.now();
    const first = await figures("HM");
    expect(first.sent).toBe(0);
    expect(Date.parse(first.computedAt)).toBeGreaterThanOrEqual(before - 1000);
    await upsertRows(
      sql(),
      "CooperationRequest",
      ["id"],
      [row("q1", "PRESERVATION", "SENT", "2026-03-01T10:00:00Z", null, null, "HM", "BV")],
    );
    // Within the minute the same filter gets the same figures; another filter is computed afresh and sees the row.
    expect(await figures("hm")).toEqual(first);
    const statements = graph.statementCount();
    const [a, b] = await Promise.all([figures("TF"), figures("TF")]);
    // One computation for both: its isolation level and its two statements.
    expect(graph.statementCount() - statements).toBe(3);
    expect(a).toEqual(b);
    await upsertRows(
      sql(),
      "CooperationRequest",
      ["id"],
      [row("r1", "PRESERVATION", "SENT", "2026-03-01T10:00:00Z", null, null, "TF", "BV")],
    );
    expect(
      (
        await graph.query(
          `{ requestStatistics(filter: { requestingCountry: "TF", kind: PRESERVATION }) { sent } }`,
          {},
          analyst,
        )
      ).body.data.requestStatistics.sent,
    ).toBe(1);
  });

  it("agrees with the generator's own arithmetic on a synthetic data set", async () => {
    const { requests, events } = syntheticRequests({
      count: 400,
      authorities: [
        { id: "syn-xc", countryCode: "GS" },
        { id: "syn-xd", countryCode: "IO" },
        { id: "syn-xe", countryCode: "UM" },
      ],
      start: new Date("2025-01-01T00:00:00Z"),
      months: 12,
      seed: 7,
    });
    await upsertRows(sql(), "CooperationRequest", ["id"], requests);
    await upsertRows(sql(), "RequestEvent", ["id"], events);
    const sent = requests.filter((request) => request.sentAt !== null && request.requestingCountryCode === "GS");
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = (sorted.length - 1) / 2;
      return (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2;
    };
    const hoursBetween = (from: unknown, to: unknown) => ((to as Date).getTime() - (from as Date).getTime()) / hour;
    const { body } = await graph.query(
      `{ requestStatistics(filter: { requestingCountry: "GS" }) { sent medianHoursToAcknowledge medianHoursToExecute byStatus { status count } } }`,
      {},
      await as({ sub: "analyst", analyst: true }),
    );
    const statistics = body.data.requestStatistics;
    expect(statistics.sent).toBe(sent.length);
    expect(statistics.medianHoursToAcknowledge).toBeCloseTo(
      median(sent.filter((r) => r.acknowledgedAt).map((r) => hoursBetween(r.sentAt, r.acknowledgedAt))),
      6,
    );
    expect(statistics.medianHoursToExecute).toBeCloseTo(
      median(sent.filter((r) => r.executedAt).map((r) => hoursBetween(r.sentAt, r.executedAt))),
      6,
    );
    expect(statistics.byStatus.reduce((sum: number, entry: any) => sum + entry.count, 0)).toBe(sent.length);
    expect(statistics.byStatus.find((entry: any) => entry.status === "DRAFT")).toBeUndefined();
  });

  it("rejects a bad filter", async () => {
    const { body } = await graph.query(
      `{ requestStatistics(filter: { from: "2026-03-01", to: "2026-02-01" }) { sent } }`,
      {},
      await as({ sub: "analyst", analyst: true }),
    );
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.to" });
    const unknown = await graph.query(
      `{ requestStatistics(filter: { requestedCountry: "XA" }) { sent } }`,
      {},
      await as({ sub: "analyst", analyst: true }),
    );
    expect(unknown.body.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "filter.requestedCountry",
    });
  });
});
