import { DateTime } from "luxon";
import { now } from "../common/clock";
import { upsertRows } from "../common/seed";
import { bearer, clientToken, useTestGraph } from "./harness";

// Each analytics field against a small data set counted by hand. The rows use territories and years (2002) that no
// seed names, so the seeds do not change the counts.
const graph = useTestGraph();
const as = async (claims: Record<string, unknown>) => bearer(await clientToken(claims));
const analyst = () => as({ sub: "analyst", analyst: true, networks: {} });
const sqlOf = (name: string) => graph.subgraphs.find((subgraph) => subgraph.name === name)!.database.sql;
const hour = 3_600_000;

describe("requestAnalytics", () => {
  const row = (
    id: string,
    kind: string,
    from: string,
    to: string,
    sentAt: string,
    ackHours: number | null,
    execHours: number | null,
    preservedUntil: string | null = null,
  ) => {
    const sent = new Date(sentAt);
    return {
      id,
      kind,
      status: execHours !== null ? "EXECUTED" : ackHours !== null ? "ACKNOWLEDGED" : "SENT",
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
      createdAt: sent,
      sentAt: sent,
      acknowledgedAt: ackHours !== null ? new Date(sent.getTime() + ackHours * hour) : null,
      executedAt: execHours !== null ? new Date(sent.getTime() + execHours * hour) : null,
      closedAt: null,
      responseDueAt: null,
      preservedUntil: preservedUntil ? new Date(preservedUntil) : null,
    };
  };
  const query = /* GraphQL */ `
    query ($f: RequestAnalyticsFilter) {
      requestAnalytics(filter: $f) {
        minimumCell
        byPair {
          requestingCountryCode
          requestedCountryCode
          sent
          requestingCountry {
            code
          }
        }
        suppressedPairs
        byRequestedCountry {
          requestedCountryCode
          sent
          medianHoursToAcknowledge
          medianHoursToExecute
          preservations
          preservationsFollowedByMla
        }
        suppressedRequestedCountries
        preservations
        preservationsFollowedByMla
        shareOfPreservationsFollowedByMla
      }
    }
  `;
  const year2002 = { from: "2002-01-01", to: "2003-01-01" };

  beforeAll(async () => {
    await upsertRows(
      sqlOf("requests"),
      "CooperationRequest",
      ["id"],
      [
        // AQ → BV: six requests, a published pair.
        row("p1", "PRESERVATION", "AQ", "BV", "2002-01-02T10:00:00Z", 1, 2, "2002-03-10T00:00:00Z"),
        row("p2", "PRESERVATION", "AQ", "BV", "2002-01-03T10:00:00Z", 2, 4), // not executed: 60 days, to 4 March
        row("p3", "PRESERVATION", "AQ", "BV", "2002-01-04T10:00:00Z", 3, null),
        row("p4", "PRESERVATION", "AQ", "BV", "2002-06-01T10:00:00Z", 4, null), // no MLA request after it
        row("m1", "MLA_STORED_DATA", "AQ", "BV", "2002-02-01T10:00:00Z", 5, 10), // follows p1, p2, p3 in time
        row("m2", "MLA_SUBSCRIBER_INFORMATION", "AQ", "BV", "2002-01-01T10:00:00Z", 6, 20), // before them all
        // TF → BV: two requests, a suppressed pair; the MLA request comes after the 60 days.
        row("p5", "PRESERVATION", "TF", "BV", "2002-01-05T10:00:00Z", 7, 30),
        row("m3", "MLA_STORED_DATA", "TF", "BV", "2002-05-01T10:00:00Z", null, null),
        // HM → GS: seven requests; h2 follows h1 in time, none follows h4–h7.
        row("h1", "PRESERVATION", "HM", "GS", "2002-01-10T10:00:00Z", 1, null),
        row("h2", "MLA_STORED_DATA", "HM", "GS", "2002-01-11T10:00:00Z", 1, null),
        row("h3", "GENERAL_ASSISTANCE", "HM", "GS", "2002-01-12T10:00:00Z", null, null),
        row("h4", "PRESERVATION", "HM", "GS", "2002-08-01T10:00:00Z", 2, null),
        row("h5", "PRESERVATION", "HM", "GS", "2002-08-02T10:00:00Z", 3, null),
        row("h6", "PRESERVATION", "HM", "GS", "2002-08-03T10:00:00Z", 4, null),
        row("h7", "PRESERVATION", "HM", "GS", "2002-08-04T10:00:00Z", 5, null),
        // AQ → TF: one request, a suppressed pair and a suppressed requested country.
        row("t1", "GENERAL_ASSISTANCE", "AQ", "TF", "2002-09-01T10:00:00Z", null, null),
        // Outside the year asked.
        row("o1", "PRESERVATION", "AQ", "BV", "2003-02-01T10:00:00Z", 1, 1),
      ],
    );
  });

  it("counts by pair and by requested country, and preservations followed by an MLA request in time", async () => {
    const { body } = await graph.query(query, { f: year2002 }, await analyst());
    expect(body.errors).toBeUndefined();
    expect(body.data.requestAnalytics).toEqual({
      minimumCell: 5,
      byPair: [
        { requestingCountryCode: "AQ", requestedCountryCode: "BV", sent: 6, requestingCountry: { code: "AQ" } },
        { requestingCountryCode: "HM", requestedCountryCode: "GS", sent: 7, requestingCountry: { code: "HM" } },
      ],
      // TF → BV (2) and AQ → TF (1).
      suppressedPairs: 2,
      byRequestedCountry: [
        // BV: p1–p5, m1–m3. Acknowledged after 1, 2, 3, 4, 5, 6, 7 hours (median 4); executed after 2, 4, 10, 20, 30
        // (median 10). Preservations p1–p5, of which p1, p2, p3 were followed in time.
        {
          requestedCountryCode: "BV",
          sent: 8,
          medianHoursToAcknowledge: 4,
          medianHoursToExecute: 10,
          preservations: 5,
          preservationsFollowedByMla: 3,
        },
        // GS: h1–h7. Acknowledged after 1, 1, 2, 3, 4, 5 (median 2.5); none executed. Preservations h1, h4–h7; h1 followed.
        {
          requestedCountryCode: "GS",
          sent: 7,
          medianHoursToAcknowledge: 2.5,
          medianHoursToExecute: null,
          preservations: 5,
          preservationsFollowedByMla: 1,
        },
      ],
      // TF (t1).
      suppressedRequestedCountries: 1,
      // p1–p5, h1, h4–h7; followed: p1, p2, p3, h1. The suppressed TF has no preservation.
      preservations: 10,
      preservationsFollowedByMla: 4,
      shareOfPreservationsFollowedByMla: 0.4,
    });
  });

  it("suppresses every cell and figure drawn from fewer than 5 requests", async () => {
    const { body } = await graph.query(query, { f: { ...year2002, kind: "PRESERVATION" } }, await analyst());
    expect(body.errors).toBeUndefined();
    expect(body.data.requestAnalytics).toMatchObject({
      // AQ → BV has 4 preservations and TF → BV 1: suppressed; HM → GS 5: published.
      byPair: [{ requestingCountryCode: "HM", requestedCountryCode: "GS", sent: 5 }],
      suppressedPairs: 2,
      // BV: p1–p5, acknowledged after 1, 2, 3, 4, 7 (median 3); only 3 executed: that median is not published.
      byRequestedCountry: [
        {
          requestedCountryCode: "BV",
          sent: 5,
          medianHoursToAcknowledge: 3,
          medianHoursToExecute: null,
          preservations: 5,
          preservationsFollowedByMla: 3,
        },
        {
          requestedCountryCode: "GS",
          sent: 5,
          medianHoursToAcknowledge: 3,
          medianHoursToExecute: null,
          preservations: 5,
          preservationsFollowedByMla: 1,
        },
      ],
      suppressedRequestedCountries: 0,
      preservations: 10,
      preservationsFollowedByMla: 4,
    });
    // June: p4 alone; nothing is published.
    const june = await graph.query(query, { f: { from: "2002-06-01", to: "2002-07-01" } }, await analyst());
    expect(june.body.data.requestAnalytics).toMatchObject({
      byPair: [],
      suppressedPairs: 1,
      byRequestedCountry: [],
      suppressedRequestedCountries: 1,
      preservations: null,
      preservationsFollowedByMla: null,
      shareOfPreservationsFollowedByMla: null,
    });
    // January to July: BV (p1–p5 of 8) is published, GS (h1–h3) is not. The 6 preservations would be 5 or more, but
    // less BV's 5 they would give GS's 1 away: the overall figures are suppressed too.
    const spring = await graph.query(query, { f: { from: "2002-01-01", to: "2002-08-01" } }, await analyst());
    expect(spring.body.data.requestAnalytics).toMatchObject({
      byRequestedCountry: [{ requestedCountryCode: "BV", sent: 8, preservations: 5 }],
      suppressedRequestedCountries: 1,
      preservations: null,
      preservationsFollowedByMla: null,
      shareOfPreservationsFollowedByMla: null,
    });
  });

  it("is for analysts only, and names a bad period's field", async () => {
    const member = await as({ sub: "m", networks: { ejcn: ["MEMBER"] } });
    const refused = await graph.query(query, { f: year2002 }, member);
    expect(refused.body.data.requestAnalytics).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const bad = await graph.query(query, { f: { from: "2002-02-01", to: "2002-01-01" } }, await analyst());
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.to" });
  });
});

describe("networkCoverage and staleness", () => {
  const monthsAgo = (months: number) => DateTime.fromJSDate(now()).minus({ months }).toJSDate();
  const point = (
    id: string,
    kind: string,
    countryCode: string,
    networkId: string | null,
    lastVerifiedAt: Date | null,
    validTo: Date | null = null,
  ) => ({
    id,
    kind,
    networkId,
    countryCode,
    authorityId: null,
    institution: `Institution ${id}`,
    personName: null,
    personTitle: null,
    email: null,
    phone: null,
    secureChannel: null,
    languages: ["en"],
    twentyFourSeven: kind === "TWENTY_FOUR_SEVEN",
    officeDays: [],
    opensAt: null,
    closesAt: null,
    timeZone: null,
    validFrom: monthsAgo(30),
    validTo,
    replacedById: null,
    lastVerifiedAt,
    lastVerifiedBy: lastVerifiedAt ? "test" : null,
    source: "test",
  });

  beforeAll(async () => {
    // GPEN publishes no member list, so it has no memberships: these three are the test's.
    const admin = await as({ sub: "gpen-admin", networks: { gpen: ["MEMBER", "NETWORK_ADMIN"] } });
    for (const country of ["AQ", "BV", "TF"]) {
      const { body } = await graph.query(
        `mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }`,
        { input: { network: "gpen", country, role: "MEMBER", source: "test" } },
        admin,
      );
      expect(body.errors).toBeUndefined();
    }
    await upsertRows(
      sqlOf("contacts"),
      "ContactPoint",
      ["id"],
      [
        point("aq-247", "TWENTY_FOUR_SEVEN", "AQ", "coe-24-7", monthsAgo(2)),
        point("aq-ca", "CENTRAL_AUTHORITY_MLA", "AQ", null, monthsAgo(10)),
        point("aq-gpen", "NETWORK_CONTACT_POINT", "AQ", "gpen", null),
        point("bv-ca", "CENTRAL_AUTHORITY_MLA", "BV", null, monthsAgo(20)),
        point("bv-247-ended", "TWENTY_FOUR_SEVEN", "BV", "coe-24-7", monthsAgo(1), monthsAgo(1)),
        point("bv-ejcn", "NETWORK_CONTACT_POINT", "BV", "ejcn", monthsAgo(1)),
      ],
    );
  });

  it("counts member countries with and without each designation, and how recently verified", async () => {
    const { body } = await graph.query(/* GraphQL */ `
      {
        networkCoverage(network: "GPEN") {
          networkId
          network {
            acronym
          }
          memberCountries
          withTwentyFourSeven
          withoutTwentyFourSeven
          withCentralAuthority
          withoutCentralAuthority
          withNetworkContactPoint
          withoutNetworkContactPoint
          verifiedWithin6Months
          verifiedWithin12Months
          countries {
            countryCode
            twentyFourSeven
            centralAuthority
            networkContactPoint
            country {
              name
            }
          }
        }
      }
    `);
    expect(body.errors).toBeUndefined();
    // AQ: 24/7, central authority, GPEN point, latest verification 2 months ago; BV: a central authority verified 20
    // months ago (its ended 24/7 point and its EJCN point do not count); TF: nothing.
    expect(body.data.networkCoverage).toEqual({
      networkId: "gpen",
      network: { acronym: "GPEN" },
      memberCountries: 3,
      withTwentyFourSeven: 1,
      withoutTwentyFourSeven: 2,
      withCentralAuthority: 2,
      withoutCentralAuthority: 1,
      withNetworkContactPoint: 1,
      withoutNetworkContactPoint: 2,
      verifiedWithin6Months: 1,
      verifiedWithin12Months: 1,
      countries: [
        {
          countryCode: "AQ",
          twentyFourSeven: true,
          centralAuthority: true,
          networkContactPoint: true,
          country: { name: "Antarctica" },
        },
        {
          countryCode: "BV",
          twentyFourSeven: false,
          centralAuthority: true,
          networkContactPoint: false,
          country: { name: "Bouvet Island" },
        },
        {
          countryCode: "TF",
          twentyFourSeven: false,
          centralAuthority: false,
          networkContactPoint: false,
          country: { name: "French Southern Territories" },
        },
      ],
    });
  });

  it("counts a country's current designations by network and age of verification", async () => {
    const staleness = async (args: string) =>
      (
        await graph.query(
          `{ staleness(${args}) { networkId countryCode current verifiedWithin6Months verified6To12MonthsAgo verifiedOver12MonthsAgo neverVerified } }`,
        )
      ).body;
    const figures = (networkId: string | null, countryCode: string, counts: number[]) => {
      const [current, recent, middle, old, never] = counts;
      return {
        networkId,
        countryCode,
        current,
        verifiedWithin6Months: recent,
        verified6To12MonthsAgo: middle,
        verifiedOver12MonthsAgo: old,
        neverVerified: never,
      };
    };
    expect((await staleness(`country: "aq"`)).data.staleness).toEqual([
      figures(null, "AQ", [1, 0, 1, 0, 0]),
      figures("coe-24-7", "AQ", [1, 1, 0, 0, 0]),
      figures("gpen", "AQ", [1, 0, 0, 0, 1]),
    ]);
    expect((await staleness(`country: "BV"`)).data.staleness).toEqual([
      figures(null, "BV", [1, 0, 0, 1, 0]),
      figures("ejcn", "BV", [1, 1, 0, 0, 0]),
    ]);
    expect((await staleness(`network: "gpen"`)).data.staleness).toEqual([figures("gpen", "AQ", [1, 0, 0, 0, 1])]);
    const bad = await staleness(`country: "XX"`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "country" });
  });

  it("refuses an unknown network by name", async () => {
    const { body } = await graph.query(`{ networkCoverage(network: "no-such-network") { memberCountries } }`);
    expect(body.data.networkCoverage).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "network" });
  });
});

describe("trainingCoverage", () => {
  const course = (id: string, level: string) => ({
    id,
    title: `Course ${id}`,
    description: null,
    level,
    audiences: ["PROSECUTORS"],
    modules: [],
    languages: ["en"],
    provider: "test",
    project: null,
    networkIds: [],
    online: false,
    source: "test",
    searchText: id,
  });
  const session = (
    id: string,
    courseId: string,
    startsAt: string,
    timeZone: string,
    participatingCountries: string[],
    participantsCount: number | null,
  ) => ({
    id,
    courseId,
    startsAt: new Date(startsAt),
    endsAt: new Date(new Date(startsAt).getTime() + 8 * hour),
    timeZone,
    online: false,
    city: null,
    countryCode: null,
    participatingCountries,
    trainers: [],
    participantsCount,
    eventId: null,
    source: "test",
  });

  beforeAll(async () => {
    const sql = sqlOf("training");
    await upsertRows(sql, "Course", ["id"], [course("t-basic", "BASIC"), course("t-advanced", "ADVANCED")]);
    await upsertRows(
      sql,
      "TrainingSession",
      ["id"],
      [
        session("s1", "t-basic", "2002-03-01T09:00:00Z", "UTC", ["AQ", "BV"], 10),
        session("s2", "t-basic", "2002-04-01T09:00:00Z", "UTC", ["AQ"], null),
        session("s3", "t-advanced", "2002-05-01T09:00:00Z", "UTC", ["AQ"], 5),
        // 31 December 2002 in UTC, 1 January 2003 in Auckland: the local year counts.
        session("s4", "t-advanced", "2002-12-31T12:00:00Z", "Pacific/Auckland", ["BV"], 2),
        session("s5", "t-advanced", "2003-02-01T09:00:00Z", "UTC", ["TF"], 7),
      ],
    );
  });

  it("counts sessions, participants' countries and courses by level per country and year", async () => {
    const { body } = await graph.query(/* GraphQL */ `
      {
        trainingCoverage(from: "2002-01-01", to: "2003-01-01") {
          sessions
          participants
          participatingCountries
          byCountryAndYear {
            countryCode
            year
            sessions
            byLevel {
              level
              sessions
              courses
            }
          }
        }
      }
    `);
    expect(body.errors).toBeUndefined();
    expect(body.data.trainingCoverage).toEqual({
      sessions: 4,
      participants: 17,
      participatingCountries: 2,
      byCountryAndYear: [
        {
          countryCode: "AQ",
          year: 2002,
          sessions: 3,
          byLevel: [
            { level: "ADVANCED", sessions: 1, courses: 1 },
            { level: "BASIC", sessions: 2, courses: 1 },
          ],
        },
        { countryCode: "BV", year: 2002, sessions: 1, byLevel: [{ level: "BASIC", sessions: 1, courses: 1 }] },
        { countryCode: "BV", year: 2003, sessions: 1, byLevel: [{ level: "ADVANCED", sessions: 1, courses: 1 }] },
      ],
    });
    const bad = await graph.query(`{ trainingCoverage(from: "2002-02-01", to: "2002-01-01") { sessions } }`);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
  });
});

describe("eventActivity", () => {
  const event = (
    id: string,
    startsAt: string,
    networkIds: string[],
    participatingCountries: string[],
    participantsCount: number | null,
    visibility = "PUBLIC",
  ) => ({
    id,
    kind: "WORKSHOP",
    title: `Event ${id}`,
    description: null,
    startsAt: new Date(startsAt),
    endsAt: new Date(new Date(startsAt).getTime() + 24 * hour),
    timeZone: "Europe/Lisbon",
    datePrecision: "DAY",
    online: false,
    city: null,
    countryCode: null,
    organisers: [],
    networkIds,
    project: null,
    projects: [],
    participatingCountries,
    participantsCount,
    visibility,
    source: "test",
    searchText: id,
  });

  beforeAll(async () => {
    await upsertRows(
      sqlOf("events"),
      "Event",
      ["id"],
      [
        event("a1", "2002-03-01T00:00:00Z", ["analytics-test"], ["AQ", "BV"], 20),
        event("a2", "2002-06-01T00:00:00Z", ["analytics-test", "gpen"], ["BV", "TF"], null),
        event("a3", "2002-07-01T00:00:00Z", ["analytics-test"], ["GS"], 5, "MEMBERS"),
        // Midnight of 1 January 2003 in Lisbon (UTC then) is the year 2003.
        event("a4", "2003-01-01T00:00:00Z", ["analytics-test"], [], null),
      ],
    );
  });

  it("counts a network's events per year, with the members-only ones for its members", async () => {
    const activity = async (headers?: Record<string, string>) =>
      (
        await graph.query(
          `{ eventActivity(network: "analytics-test", fromYear: 2002, toYear: 2003) { networkId year events participatingCountries participants } }`,
          {},
          headers,
        )
      ).body.data.eventActivity;
    const figures = (year: number, events: number, participatingCountries: number, participants: number | null) => ({
      networkId: "analytics-test",
      year,
      events,
      participatingCountries,
      participants,
    });
    expect(await activity()).toEqual([figures(2002, 2, 3, 20), figures(2003, 1, 0, null)]);
    const member = await as({ sub: "member", networks: { "analytics-test": ["MEMBER"] } });
    expect(await activity(member)).toEqual([figures(2002, 3, 4, 25), figures(2003, 1, 0, null)]);
    const bad = await graph.query(`{ eventActivity(fromYear: 2003, toYear: 2002) { year } }`);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "toYear" });
  });
});
