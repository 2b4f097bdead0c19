import { DateTime } from "luxon";
import { now } from "../common/clock";
import { bearer, clientToken, postGraphQL, useTestGraph } from "./harness";

const graph = useTestGraph();
const as = async (networks: Record<string, string[]>) => bearer(await clientToken({ sub: "ejcn-tester", networks }));
const ejcnUrl = () => graph.subgraphs.find((subgraph) => subgraph.name === "ejcn")!.url;

// An EJCN plenary of the events seed (the 18th, whose restricted session the Eurojust news mentions).
const plenary = "ejcn-plenary-18";

const add = /* GraphQL */ `
  mutation ($input: RestrictedMaterialInput!) {
    addRestrictedMaterial(input: $input) {
      id
      kind
      title
      country {
        code
      }
      event {
        id
        title
      }
    }
  }
`;
const material = {
  event: plenary,
  kind: "JUDGMENT",
  country: "pt",
  title: "Judgment on the seizure of crypto assets (test)",
  summary: "Shared for the test.",
  reference: "TEST-1/2025",
  url: "https://example.org/judgment",
};
const restricted = /* GraphQL */ `
  query ($id: ID!) {
    event(id: $id) {
      title
      restrictedSession {
        id
        title
        kind
        country {
          code
        }
      }
    }
  }
`;

/** The semester of an instant on the presidency's calendar (Brussels), computed here as the test's own reading. */
const semesterOf = (instant: Date) => {
  const local = DateTime.fromJSDate(instant, { zone: "Europe/Brussels" });
  return `${local.year}-S${local.month <= 6 ? 1 : 2}`;
};

describe("the ejcn subgraph", () => {
  describe("work programmes", () => {
    it("gives the EJCN its programme with topics and the plenary that adopted it; other networks none", async () => {
      const { body } = await graph.query(/* GraphQL */ `
        {
          ejcn: network(id: "ejcn") {
            acronym
            workProgrammes {
              id
              fromYear
              toYear
              periodInferred
              topics
              source
              network {
                id
              }
              adoptedAt {
                id
                title
                kind
              }
            }
          }
          gpen: network(id: "gpen") {
            workProgrammes {
              id
            }
          }
        }
      `);
      expect(body.errors).toBeUndefined();
      const [programme] = body.data.ejcn.workProgrammes;
      expect(body.data.ejcn.workProgrammes).toHaveLength(1);
      expect(programme).toMatchObject({
        fromYear: 2017,
        toYear: 2018,
        periodInferred: true,
        topics: ["electronic evidence", "encryption", "data retention"],
        network: { id: "ejcn" },
        adoptedAt: { id: "ejcn-plenary-2", title: "2nd EJCN plenary meeting", kind: "PLENARY" },
      });
      expect(programme.source).toMatch(/^inferred: .*eurojust\.europa\.eu/);
      expect(body.data.gpen.workProgrammes).toEqual([]);
    });

    it("resolves a work programme for the gateway (_entities), and an unknown id to null", async () => {
      const { body } = await postGraphQL(ejcnUrl(), {
        query: "query ($r: [_Any!]!) { _entities(representations: $r) { ... on WorkProgramme { id topics } } }",
        variables: {
          r: [
            { __typename: "WorkProgramme", id: "ejcn-work-programme-2017" },
            { __typename: "WorkProgramme", id: "no-such-programme" },
          ],
        },
      });
      expect(body.data._entities).toEqual([
        { id: "ejcn-work-programme-2017", topics: ["electronic evidence", "encryption", "data retention"] },
        null,
      ]);
    });
  });

  describe("the Presidency Board", () => {
    it("lists the semesters in which a country sits on the Board, from the trio of Council presidencies", async () => {
      const { body } = await graph.query(/* GraphQL */ `
        {
          belgium: country(code: "BE") {
            ejcnBoard {
              semester
              startDate
              endDate
              presidency {
                code
              }
              members {
                code
              }
            }
          }
          norway: country(code: "NO") {
            ejcnBoard {
              semester
            }
          }
        }
      `);
      expect(body.errors).toBeUndefined();
      expect(body.data.belgium.ejcnBoard).toEqual([
        {
          semester: "2023-S2",
          startDate: "2023-07-01",
          endDate: "2023-12-31",
          presidency: { code: "ES" },
          members: [{ code: "ES" }, { code: "BE" }, { code: "HU" }],
        },
        {
          semester: "2024-S1",
          startDate: "2024-01-01",
          endDate: "2024-06-30",
          presidency: { code: "BE" },
          members: [{ code: "ES" }, { code: "BE" }, { code: "HU" }],
        },
        {
          semester: "2024-S2",
          startDate: "2024-07-01",
          endDate: "2024-12-31",
          presidency: { code: "HU" },
          members: [{ code: "ES" }, { code: "BE" }, { code: "HU" }],
        },
      ]);
      // Not an EU Member State: never on the Board.
      expect(body.data.norway.ejcnBoard).toEqual([]);
    });

    it("gives the Board of a semester, with the members' names from the members subgraph", async () => {
      const { body } = await graph.query(/* GraphQL */ `
        {
          ejcnBoard(semester: "2017-S1") {
            semester
            presidency {
              code
              name
            }
            members {
              code
            }
            source
          }
          beyondTheCalendar: ejcnBoard(semester: "2041-S1") {
            semester
          }
        }
      `);
      expect(body.errors).toBeUndefined();
      expect(body.data.ejcnBoard).toMatchObject({
        semester: "2017-S1",
        presidency: { code: "MT", name: "Malta" },
        members: [{ code: "NL" }, { code: "SK" }, { code: "MT" }],
      });
      expect(body.data.ejcnBoard.source).toContain("2016/1316");
      expect(body.data.beyondTheCalendar).toBeNull();
    });

    it("loads the Board of a list of countries in a fixed number of statements", async () => {
      const query = /* GraphQL */ `
        query ($first: Int) {
          countries(first: $first) {
            edges {
              node {
                ejcnBoard {
                  semester
                  members {
                    code
                  }
                }
              }
            }
          }
        }
      `;
      const rows = (data: any) => data.countries.edges.length;
      const few = await graph.statementsAndRows(query, { first: 5 }, rows);
      const many = await graph.statementsAndRows(query, { first: 80 }, rows);
      expect(many.rows).toBeGreaterThan(few.rows);
      expect(many.statements).toBe(few.statements);
    });

    it.each(["2024-S3", "2024", "S1-2024", ""])("rejects the semester %j with BAD_USER_INPUT", async (semester) => {
      const { body } = await graph.query("query ($s: String) { ejcnBoard(semester: $s) { semester } }", {
        s: semester,
      });
      expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "semester" });
    });

    it("defaults to the current semester on the product's clock", async () => {
      const before = semesterOf(now());
      const { body } = await graph.query("{ ejcnBoard { semester presidency { code } members { code } } }");
      const after = semesterOf(now());
      expect(body.errors).toBeUndefined();
      const explicit = await graph.query(
        "query ($s: String) { ejcnBoard(semester: $s) { semester presidency { code } members { code } } }",
        { s: body.data.ejcnBoard?.semester ?? before },
      );
      expect(explicit.body.data.ejcnBoard).toEqual(body.data.ejcnBoard);
      // Null only beyond the calendar the Council has fixed (after 2030).
      if (body.data.ejcnBoard === null) expect(before > "2030-S2").toBe(true);
      else expect([before, after]).toContain(body.data.ejcnBoard.semester);
    });
  });

  describe("outcome reports", () => {
    it("adds its outcome report to a plenary of the events subgraph, null where there is none", async () => {
      const { body } = await graph.query(/* GraphQL */ `
        {
          event(id: "ejcn-plenary-6") {
            title
            outcomeReport {
              title
              publishedOn
              url
              source
              event {
                id
              }
            }
          }
          without: event(id: "ejcn-plenary-18") {
            title
            outcomeReport {
              title
            }
          }
        }
      `);
      expect(body.errors).toBeUndefined();
      expect(body.data.event).toMatchObject({
        title: "6th EJCN plenary meeting",
        outcomeReport: { title: "2019: 1st Outcome Report", event: { id: "ejcn-plenary-6" } },
      });
      expect(body.data.event.outcomeReport.source).toContain("cybilportal.org");
      expect(body.data.without).toEqual({ title: "18th EJCN plenary meeting", outcomeReport: null });
    });

    it("loads outcome reports for a list of events in a fixed number of statements", async () => {
      const query = /* GraphQL */ `
        query ($first: Int) {
          events(first: $first, filter: { network: "ejcn" }) {
            edges {
              node {
                outcomeReport {
                  title
                }
              }
            }
          }
        }
      `;
      const rows = (data: any) => data.events.edges.length;
      const few = await graph.statementsAndRows(query, { first: 2 }, rows);
      const many = await graph.statementsAndRows(query, { first: 7 }, rows);
      expect(many.rows).toBeGreaterThan(few.rows);
      expect(many.statements).toBe(few.statements);
    });
  });

  describe("products", () => {
    const products = /* GraphQL */ `
      query ($first: Int, $after: String) {
        ejcnProducts(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
              kind
              title
              publisher
              publishedOn
              publishedPrecision
              source
              presentedAt {
                title
              }
            }
          }
        }
      }
    `;

    it("pages through them, newest first and undated last", async () => {
      const first = await graph.query(products, { first: 2 });
      expect(first.body.errors).toBeUndefined();
      const page = first.body.data.ejcnProducts;
      expect(page.totalCount).toBe(3);
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(page.edges[0].node).toMatchObject({
        kind: "GUIDE",
        title: "Virtual Currency Guide for Judicial Authorities",
        publishedOn: "2021-06-01",
        publishedPrecision: "MONTH",
        presentedAt: { title: "10th EJCN plenary meeting" },
      });
      const second = await graph.query(products, { first: 2, after: page.pageInfo.endCursor });
      expect(second.body.errors).toBeUndefined();
      const rest = second.body.data.ejcnProducts;
      expect(rest.pageInfo.hasNextPage).toBe(false);
      const ids = [...page.edges, ...rest.edges].map((edge: any) => edge.node.id);
      expect(new Set(ids).size).toBe(3);
      const kinds = [...page.edges, ...rest.edges].map((edge: any) => edge.node.kind);
      expect(kinds).toEqual(expect.arrayContaining(["GUIDE", "JUDICIAL_MONITOR", "TRAINING_NEEDS_ANALYSIS"]));
      for (const edge of [...page.edges, ...rest.edges]) expect(edge.node.source).toMatch(/https?:\/\//);
    });

    it.each([
      [{ first: 0 }, "first"],
      [{ first: 101 }, "first"],
      [{ after: "not-a-cursor" }, "after"],
    ])("rejects %j with BAD_USER_INPUT at the field", async (variables, field) => {
      const { body } = await graph.query(products, variables);
      expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    });
  });

  describe("restricted-session material", () => {
    let added: { id: string; title: string };

    beforeAll(async () => {
      const { body } = await graph.query(add, { input: material }, await as({ ejcn: ["MEMBER", "NETWORK_ADMIN"] }));
      expect(body.errors).toBeUndefined();
      added = body.data.addRestrictedMaterial;
    });

    it("is added by an EJCN network admin to an EJCN plenary", () => {
      expect(added).toMatchObject({
        kind: "JUDGMENT",
        title: material.title,
        country: { code: "PT" },
        event: { id: plenary, title: "18th EJCN plenary meeting" },
      });
    });

    it("is read by EJCN members", async () => {
      const { body } = await graph.query(restricted, { id: plenary }, await as({ ejcn: ["MEMBER"] }));
      expect(body.errors).toBeUndefined();
      expect(body.data.event.restrictedSession).toContainEqual({
        id: added.id,
        title: material.title,
        kind: "JUDGMENT",
        country: { code: "PT" },
      });
    });

    it.each([
      ["anonymous", async () => ({})],
      ["a GPEN member", () => as({ gpen: ["MEMBER", "NETWORK_ADMIN"] })],
    ])("is null with FORBIDDEN at its path for %s, the rest of the answer intact", async (_label, headers) => {
      const { body } = await graph.query(restricted, { id: plenary }, await headers());
      expect(body.data.event).toEqual({ title: "18th EJCN plenary meeting", restrictedSession: null });
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0].path).toEqual(["event", "restrictedSession"]);
      expect(body.errors![0].extensions!.code).toBe("FORBIDDEN");
    });

    it("is guarded when reached through _entities straight at the subgraph", async () => {
      const { body } = await postGraphQL(ejcnUrl(), {
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Event { id outcomeReport { title } restrictedSession { id } } } }`,
        variables: { r: [{ __typename: "Event", id: plenary }] },
      });
      expect(body.data._entities).toEqual([{ id: plenary, outcomeReport: null, restrictedSession: null }]);
      expect(body.errors![0].extensions!.code).toBe("FORBIDDEN");
    });

    it.each([
      ["anonymous", async () => ({}), "UNAUTHENTICATED"],
      ["an EJCN member who is not admin", () => as({ ejcn: ["MEMBER"] }), "FORBIDDEN"],
      ["a GPEN network admin", () => as({ gpen: ["NETWORK_ADMIN"] }), "FORBIDDEN"],
    ])("cannot be added by %s", async (_label, headers, code) => {
      const { body } = await graph.query(add, { input: material }, await headers());
      expect(body.data).toBeNull();
      expect(body.errors![0].extensions!.code).toBe(code);
    });

    it.each([
      ["a blank title", { title: "  " }, "input.title"],
      ["an unknown country code", { country: "XX" }, "input.country"],
      ["an ftp URL", { url: "ftp://example.org/x" }, "input.url"],
      ["a summary over 5000 characters", { summary: "x".repeat(5001) }, "input.summary"],
      ["an unknown event", { event: "no-such-event" }, "input.event"],
      // An event of the events subgraph that is not an EJCN plenary.
      ["an event that is not an EJCN plenary", { event: "lisbon-conference-2018" }, "input.event"],
    ])("rejects %s with BAD_USER_INPUT at the field", async (_label, change, field) => {
      const { body } = await graph.query(
        add,
        { input: { ...material, ...change } },
        await as({ ejcn: ["NETWORK_ADMIN"] }),
      );
      expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    });
  });
});
