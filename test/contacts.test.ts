import { budapestParties } from "../prisma/members/seed/treaties";
import { kindsForMeasure } from "../subgraphs/contacts/domain";
import { nextLocal } from "./clock";
import { bearer, clientToken, useTestGraph } from "./harness";

const graph = useTestGraph();

const as = async (networks: Record<string, string[]>, sub = "tester") => bearer(await clientToken({ sub, networks }));
const ejcnAdmin = () => as({ ejcn: ["MEMBER", "NETWORK_ADMIN"] }, "ejcn-admin");

// Instants in the coming week, after anything a test writes now: 10:00 in Oslo is 09:00 in Lisbon all year.
const mondayMorning = nextLocal("monday", "10:00", "Europe/Oslo");
const mondayEvening = nextLocal("monday", "20:00", "Europe/Lisbon");
const saturdayMorning = nextLocal("saturday", "10:00", "Europe/Oslo");

const finder = `query ($country: ID!, $measure: RequestKind!, $urgent: Boolean, $at: DateTimeISO) {
  findContactPoints(country: $country, measure: $measure, urgent: $urgent, at: $at) { id kind reachableNow(at: $at) languages }
}`;
const ranked = async (country: string, measure: string, at = mondayMorning, urgent = false) => {
  const { body } = await graph.query(finder, { country, measure, urgent, at });
  expect(body.errors).toBeUndefined();
  return body.data.findContactPoints as { id: string; kind: string; reachableNow: boolean; languages: string[] }[];
};

describe("who sees what", () => {
  const query = `{ contactPoint(id: "cp-ejcn-pt") { id kind country { code name } network { id } languages availability { officeHours { timeZone } } person { name } channels { email phone } } }`;

  it("shows anonymous callers the institution, not the person or channels", async () => {
    const { body } = await graph.query(query);
    expect(body.data.contactPoint).toMatchObject({
      id: "cp-ejcn-pt",
      kind: "NETWORK_CONTACT_POINT",
      country: { code: "PT", name: "Portugal" },
      network: { id: "ejcn" },
      person: null,
      channels: null,
    });
    expect(body.data.contactPoint.availability.officeHours.timeZone).toBe("Europe/Lisbon");
    expect(body.errors!.map((error) => [error.path!.at(-1), error.extensions!.code])).toEqual([
      ["person", "FORBIDDEN"],
      ["channels", "FORBIDDEN"],
    ]);
  });

  it("shows members of the same network the person and channels", async () => {
    const { body } = await graph.query(query, {}, await as({ ejcn: ["MEMBER"] }));
    expect(body.errors).toBeUndefined();
    expect(body.data.contactPoint.person.name).toMatch(/\(fictional\)$/);
    expect(body.data.contactPoint.channels.email).toBe("ejcn-pt@contact-point.example");
  });

  it("hides them from members of another network", async () => {
    const { body } = await graph.query(query, {}, await as({ "forum-cibercrime": ["MEMBER", "NETWORK_ADMIN"] }));
    expect(body.data.contactPoint.person).toBeNull();
    expect(body.errors![0].extensions!.code).toBe("FORBIDDEN");
  });

  it("keeps published designations institution-level", async () => {
    const { body } = await graph.query(
      `{ contactPoint(id: "no-art35-kripos") { kind authority { name country { code } } validFrom source person { name } } }`,
      {},
      await as({ "coe-24-7": ["MEMBER"] }),
    );
    expect(body.data.contactPoint).toMatchObject({
      kind: "TWENTY_FOUR_SEVEN",
      authority: { name: expect.stringContaining("KRIPOS"), country: { code: "NO" } },
      person: null,
    });
    expect(body.data.contactPoint.validFrom).toBe("2026-01-01T00:00:00.000Z");
  });
});

describe("findContactPoints", () => {
  it("sends urgent preservation to the 24/7 point first, then the central authority, then the network", async () => {
    for (const measure of [
      "PRESERVATION",
      "PRESERVATION_EXTENSION",
      "TRAFFIC_DATA_PARTIAL_DISCLOSURE",
      "EMERGENCY_DISCLOSURE",
      "EMERGENCY_MLA",
    ]) {
      expect((await ranked("NO", measure)).map((point) => point.id)).toEqual([
        "no-art35-kripos",
        "no-art27-riksadvokaten",
        "cp-ejcn-no",
      ]);
    }
  });

  it("sends mutual legal assistance to the Art. 27 central authority first", async () => {
    for (const measure of ["MLA_SUBSCRIBER_INFORMATION", "MLA_STORED_DATA"]) {
      expect((await ranked("NO", measure)).map((point) => point.id)).toEqual([
        "no-art27-riksadvokaten",
        "no-art35-kripos",
        "cp-ejcn-no",
      ]);
    }
  });

  it("sends other assistance to the network contact points first, unless urgent", async () => {
    for (const measure of ["GENERAL_ASSISTANCE", "DOMAIN_REGISTRATION_INFORMATION"]) {
      expect((await ranked("NO", measure)).map((point) => point.id)).toEqual([
        "cp-ejcn-no",
        "no-art35-kripos",
        "no-art27-riksadvokaten",
      ]);
      expect((await ranked("NO", measure, mondayMorning, true))[0].id).toBe("no-art35-kripos");
    }
  });

  it("never offers the extradition authority for these measures", async () => {
    const ids = (await ranked("EC", "MLA_STORED_DATA")).map((point) => point.id);
    expect(ids).toEqual(["ec-art27-general-prosecutor", "ec-art35-general-prosecutor", "cp-ciberred-ec"]);
  });

  it("says who is reachable, by office hours in each point's own time zone", async () => {
    const at = (instant: string, country: string) => ranked(country, "GENERAL_ASSISTANCE", instant);
    // 10:00 in Oslo on a Monday; 20:00 in Lisbon is 21:00 there; Saturday is closed. The 24/7 point is always reachable.
    expect((await at(mondayMorning, "NO")).map((point) => point.reachableNow)).toEqual([true, true, false]);
    expect((await at(mondayEvening, "NO")).map((point) => point.reachableNow)).toEqual([false, true, false]);
    expect((await at(saturdayMorning, "NO")).map((point) => point.reachableNow)).toEqual([false, true, false]);
    // In Santiago's own time: 06:00 is before office hours, 10:00 within them, whatever its offset that week.
    const chilean = (instant: string) =>
      at(instant, "CL").then((points) => points.find((point) => point.id === "cp-ciberred-cl")!.reachableNow);
    expect(await chilean(nextLocal("monday", "06:00", "America/Santiago"))).toBe(false);
    expect(await chilean(nextLocal("monday", "10:00", "America/Santiago"))).toBe(true);
  });

  it("tells the working languages", async () => {
    expect((await ranked("PT", "GENERAL_ASSISTANCE"))[0].languages).toEqual(["pt", "en"]);
  });

  it("returns the best `first` only", async () => {
    const all = await ranked("PT", "PRESERVATION");
    expect(all.length).toBeGreaterThan(2);
    const { body } = await graph.query(
      `{ findContactPoints(country: "PT", measure: PRESERVATION, at: "${mondayMorning}", first: 2) { id } }`,
    );
    expect(body.data.findContactPoints.map((point: { id: string }) => point.id)).toEqual(
      all.slice(0, 2).map((point) => point.id),
    );
  });

  it("ranks every country's points by kind, then reachable, then most recently verified, then id", async () => {
    type Point = {
      id: string;
      kind: string;
      country: { code: string };
      network: { id: string } | null;
      reachableNow: boolean;
      lastVerifiedAt: string | null;
    };
    type PointPage = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Point }[] };
    const points = async (filter: object) => {
      const found: Point[] = [];
      for (let after: string | null = null, more = true; more;) {
        const { body } = await graph.query<{ contactPoints: PointPage }>(
          `query ($after: String, $filter: ContactPointFilter) { contactPoints(first: 100, after: $after, filter: $filter) { pageInfo { hasNextPage endCursor } edges { node { id kind country { code } network { id } } } } }`,
          { after, filter },
        );
        const page: PointPage = body.data!.contactPoints;
        found.push(...page.edges.map((edge) => edge.node));
        ({ hasNextPage: more, endCursor: after } = page.pageInfo);
      }
      return found;
    };

    // The seed's network contact points of a country share their hours and are all unconfirmed. In a country no other
    // test here looks at: confirm two, the larger id last, so the most recently verified comes first against the order
    // of ids; then replace the older by one open every day and confirm the newer again, so that on a Saturday the
    // reachable one comes first although the other was verified since.
    const [older, newer] = (await points({ country: "ES", kind: "NETWORK_CONTACT_POINT" })).sort((a, b) =>
      a.id < b.id ? -1 : 1,
    );
    const admin = await as({ [older.network!.id]: ["NETWORK_ADMIN"], [newer.network!.id]: ["NETWORK_ADMIN"] });
    const confirm = async (id: string) => {
      const { body } = await graph.query(`mutation ($id: ID!) { confirmContactPoint(id: $id) { id } }`, { id }, admin);
      expect(body.errors).toBeUndefined();
    };
    const spanish = async () =>
      (await ranked("ES", "GENERAL_ASSISTANCE", saturdayMorning)).map((point) => point.id).slice(0, 2);
    await confirm(older.id);
    await confirm(newer.id);
    expect(await spanish()).toEqual([newer.id, older.id]);
    const everyDay = {
      languages: ["es", "en"],
      twentyFourSeven: false,
      officeHours: { days: [1, 2, 3, 4, 5, 6, 7], opensAt: "00:00", closesAt: "23:59", timeZone: "Europe/Madrid" },
      source: "network secretariat update (test)",
    };
    const { body } = await graph.query(
      `mutation ($id: ID!, $details: ContactPointDetailsInput!) { replaceContactPoint(id: $id, details: $details) { id } }`,
      { id: older.id, details: everyDay },
      admin,
    );
    expect(body.errors).toBeUndefined();
    await confirm(newer.id);
    expect(await spanish()).toEqual([body.data.replaceContactPoint.id, newer.id]);

    // Every country, several measures and instants: the finder's answer is every current point of the measure's
    // kinds, in the order of the rules.
    const current = await points({});
    const countries = [...new Set(current.map((point) => point.country.code))];
    expect(countries.length).toBeGreaterThan(20);
    const query = `query ($country: ID!, $measure: RequestKind!, $urgent: Boolean, $at: DateTimeISO) {
      findContactPoints(country: $country, measure: $measure, urgent: $urgent, at: $at, first: 100) {
        id kind reachableNow(at: $at) lastVerifiedAt
      }
    }`;
    const cases = [
      ["PRESERVATION", false, mondayMorning],
      ["MLA_STORED_DATA", false, mondayEvening],
      ["GENERAL_ASSISTANCE", false, saturdayMorning],
      ["GENERAL_ASSISTANCE", true, mondayMorning],
    ] as const;
    for (const country of countries)
      for (const [measure, urgent, at] of cases) {
        const answer = await graph.query(query, { country, measure, urgent, at });
        expect(answer.body.errors).toBeUndefined();
        const found: Point[] = answer.body.data.findContactPoints;
        const kinds: string[] = kindsForMeasure(measure, urgent);
        const key = (point: Point) =>
          [
            kinds.indexOf(point.kind),
            point.reachableNow ? 0 : 1,
            -(Date.parse(point.lastVerifiedAt ?? "") || 0),
          ] as const;
        const wanted = current.filter((point) => point.country.code === country && kinds.includes(point.kind));
        expect(found.map((point) => point.id).sort()).toEqual(wanted.map((point) => point.id).sort());
        for (let index = 1; index < found.length; index += 1) {
          const [before, next] = [key(found[index - 1]), key(found[index])];
          const order = before[0] - next[0] || before[1] - next[1] || before[2] - next[2];
          expect(order < 0 || (order === 0 && found[index - 1].id < found[index].id)).toBe(true);
        }
      }
  });

  it.each([[{ country: "Portugal", measure: "PRESERVATION" }, "country"]])(
    "rejects %j with BAD_USER_INPUT",
    async (variables, field) => {
      const { body } = await graph.query(finder, variables);
      expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    },
  );

  it.each([0, 101])("rejects first: %d with BAD_USER_INPUT", async (first) => {
    const { body } = await graph.query(
      `{ findContactPoints(country: "PT", measure: PRESERVATION, first: ${first}) { id } }`,
    );
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

describe("freshness and history", () => {
  const replace = `mutation ($id: ID!, $details: ContactPointDetailsInput!) { replaceContactPoint(id: $id, details: $details) { id validFrom lastVerifiedAt availability { officeHours { opensAt closesAt timeZone } } } }`;
  const eveningShift = {
    personName: "Rita Exemplo (fictional)",
    email: "rita@contact-point.example",
    languages: ["pt", "en", "fr"],
    twentyFourSeven: false,
    officeHours: { days: [1, 2, 3, 4, 5], opensAt: "14:00", closesAt: "22:00", timeZone: "Europe/Lisbon" },
    source: "EJCN secretariat update (test)",
  };

  it("replaces an entry, keeps the old one as history, and ranks the reachable one first", async () => {
    const admin = await ejcnAdmin();
    const { body } = await graph.query(replace, { id: "cp-ejcn-pt", details: eveningShift }, admin);
    expect(body.errors).toBeUndefined();
    const replacement = body.data.replaceContactPoint;
    expect(replacement.availability.officeHours).toEqual({
      opensAt: "14:00",
      closesAt: "22:00",
      timeZone: "Europe/Lisbon",
    });

    const old = await graph.query(`{ contactPoint(id: "cp-ejcn-pt") { validTo current replacedBy { id current } } }`);
    expect(old.body.data.contactPoint).toMatchObject({
      current: false,
      replacedBy: { id: replacement.id, current: true },
    });
    expect(old.body.data.contactPoint.validTo).toEqual(expect.any(String));

    const country = await graph.query(`{ country(code: "PT") { contactPoints { id } } }`);
    const currentIds = country.body.data.country.contactPoints.map((point: { id: string }) => point.id);
    expect(currentIds).toContain(replacement.id);
    expect(currentIds).not.toContain("cp-ejcn-pt");
    const history = await graph.query(
      `{ contactPoints(filter: { country: "PT", network: "ejcn", current: false }) { edges { node { id current } } } }`,
    );
    expect(history.body.data.contactPoints.edges.map((edge: any) => edge.node.id).sort()).toEqual(
      ["cp-ejcn-pt", replacement.id].sort(),
    );

    // At 20:00 in Lisbon only the evening shift is in office.
    expect((await ranked("PT", "GENERAL_ASSISTANCE", mondayEvening))[0]).toMatchObject({
      id: replacement.id,
      reachableNow: true,
    });

    const again = await graph.query(replace, { id: "cp-ejcn-pt", details: eveningShift }, admin);
    expect(again.body.errors![0].extensions!.code).toBe("CONFLICT");
  });

  it("lets exactly one of two concurrent replacements win", async () => {
    const admin = await ejcnAdmin();
    const results = await Promise.all(
      [1, 2].map(() => graph.query(replace, { id: "cp-ejcn-fr", details: eveningShift }, admin)),
    );
    expect(results.filter((result) => result.body.errors === undefined)).toHaveLength(1);
    expect(results.filter((result) => result.body.errors?.[0].extensions!.code === "CONFLICT")).toHaveLength(1);
    const history = await graph.query(
      `{ contactPoints(filter: { country: "FR", network: "ejcn", current: false }) { edges { node { id current } } } }`,
    );
    expect(history.body.data.contactPoints.edges.filter((edge: any) => edge.node.current)).toHaveLength(1);
    expect(history.body.data.contactPoints.edges).toHaveLength(2);
  });

  it("lists stale entries for the network's admins and drops them once confirmed", async () => {
    const admin = await ejcnAdmin();
    const stale = async () =>
      (await graph.query(`{ staleContactPoints(olderThanDays: 30) { id network { id } } }`, {}, admin)).body.data
        .staleContactPoints;
    const before = await stale();
    expect(before.length).toBeGreaterThan(20);
    expect(before.every((point: any) => point.network.id === "ejcn")).toBe(true);
    expect(before.map((point: any) => point.id)).toContain("cp-ejcn-at");

    const confirmed = await graph.query(
      `mutation { confirmContactPoint(id: "cp-ejcn-at") { lastVerifiedAt lastVerifiedBy } }`,
      {},
      admin,
    );
    expect(confirmed.body.data.confirmContactPoint.lastVerifiedBy).toBe("ejcn-admin");
    expect((await stale()).map((point: any) => point.id)).not.toContain("cp-ejcn-at");
  });

  it.each([
    ["anonymous", async () => ({}), "UNAUTHENTICATED"],
    ["a member who is not admin", () => as({ ejcn: ["MEMBER"] }), "FORBIDDEN"],
    ["the admin of another network", () => as({ gpen: ["NETWORK_ADMIN"] }), "FORBIDDEN"],
  ])("refuses %s to confirm, replace or review, and changes nothing", async (_label, headers, code) => {
    const before = await graph.query(`{ contactPoint(id: "cp-ejcn-be") { lastVerifiedAt current } }`);
    const asCaller = await headers();
    expect(
      (await graph.query(`mutation { confirmContactPoint(id: "cp-ejcn-be") { id } }`, {}, asCaller)).body.errors![0]
        .extensions!.code,
    ).toBe(code);
    expect(
      (await graph.query(replace, { id: "cp-ejcn-be", details: eveningShift }, asCaller)).body.errors![0].extensions!
        .code,
    ).toBe(code);
    const review = await graph.query(`{ staleContactPoints(olderThanDays: 30) { id network { id } } }`, {}, asCaller);
    if (review.body.errors) expect(review.body.errors[0].extensions!.code).toBe(code);
    // An admin of another network reviews only that network's entries.
    else expect(review.body.data.staleContactPoints.filter((point: any) => point.network.id === "ejcn")).toEqual([]);
    expect((await graph.query(`{ contactPoint(id: "cp-ejcn-be") { lastVerifiedAt current } }`)).body).toEqual(
      before.body,
    );
  });

  it.each([
    [{ officeHours: { ...eveningShift.officeHours, timeZone: "Mars/Olympus" } }, "details.officeHours.timeZone"],
    [{ officeHours: { ...eveningShift.officeHours, closesAt: "13:00" } }, "details.officeHours.closesAt"],
    [{ officeHours: { ...eveningShift.officeHours, opensAt: "9am" } }, "details.officeHours.opensAt"],
    [{ officeHours: { ...eveningShift.officeHours, days: [0, 8] } }, "details.officeHours.days.0"],
    [{ officeHours: { ...eveningShift.officeHours, days: [] } }, "details.officeHours.days"],
    [{ officeHours: null }, "details.officeHours"],
    [{ languages: ["Portuguese"] }, "details.languages.0"],
    [{ languages: [] }, "details.languages"],
    [{ email: "not an address" }, "details.email"],
    [{ source: " " }, "details.source"],
  ])("rejects %j with BAD_USER_INPUT at the field, changing nothing", async (change, field) => {
    const { body } = await graph.query(
      replace,
      { id: "cp-ejcn-de", details: { ...eveningShift, ...change } },
      await ejcnAdmin(),
    );
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect((await graph.query(`{ contactPoint(id: "cp-ejcn-de") { current } }`)).body.data.contactPoint.current).toBe(
      true,
    );
  });

  it("rejects a bad olderThanDays", async () => {
    const { body } = await graph.query(`{ staleContactPoints(olderThanDays: 0) { id } }`, {}, await ejcnAdmin());
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "olderThanDays" });
  });
});

describe("lists", () => {
  it("filters by kind and language and pages through them", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 20; page += 1) {
      const { body }: any = await graph.query(
        `query ($after: String) { contactPoints(filter: { kind: TWENTY_FOUR_SEVEN }, first: 10, after: $after) { totalCount edges { node { id kind } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      totalCount = body.data.contactPoints.totalCount;
      seen.push(...body.data.contactPoints.edges.map((edge: any) => edge.node.id));
      if (!body.data.contactPoints.pageInfo.hasNextPage) break;
      after = body.data.contactPoints.pageInfo.endCursor;
    }
    // A 24/7 point per Party, plus Ecuador's and Curaçao's published designations.
    expect(totalCount).toBe(budapestParties.length + 2);
    expect(new Set(seen).size).toBe(totalCount);

    const portuguese = await graph.query(
      `{ contactPoints(filter: { language: "pt", network: "forum-cibercrime" }) { totalCount } }`,
    );
    // The eight founders, and Macau (Chinese and Portuguese).
    expect(portuguese.body.data.contactPoints.totalCount).toBe(9);
  });

  it.each([
    ['{ contactPoints(filter: { country: "Portugal" }) { totalCount } }', "filter.country"],
    ['{ contactPoints(filter: { language: "Portuguese" }) { totalCount } }', "filter.language"],
    ["{ contactPoints(first: 0) { totalCount } }", "first"],
  ])("rejects %s with BAD_USER_INPUT", async (query, field) => {
    const { body } = await graph.query(query);
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("counts the total only when it is asked for", async () => {
    const page = (fields: string) =>
      graph.measure(`{ contactPoints(filter: { kind: TWENTY_FOUR_SEVEN }, first: 5) { ${fields} } }`, {});
    const withTotal = await page("totalCount edges { node { id } }");
    const withoutTotal = await page("edges { node { id } }");
    expect(withTotal.body.data.contactPoints.totalCount).toBe(budapestParties.length + 2);
    expect(withTotal.statements).toBe(2);
    expect(withoutTotal.statements).toBe(1);
  });

  it("batches contact points across countries: statements do not grow with the rows", async () => {
    const query = `query ($id: ID!) { network(id: $id) { members { country { code contactPoints { id kind network { acronym } authority { name } } } } contactPoints { id } } }`;
    const count = (id: string) => graph.statementsAndRows(query, { id }, (data) => data.network.members.length);
    const small = await count("forum-cibercrime");
    const large = await count("coe-24-7");
    expect(large.rows).toBeGreaterThan(small.rows * 5);
    expect(large.statements).toBeLessThanOrEqual(small.statements);
  });
});
