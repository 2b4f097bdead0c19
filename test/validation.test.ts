import {
  countryCode,
  countryCodeOrNull,
  intInRange,
  languageCode,
  networkId,
  sameName,
  StoredDataError,
  storedEnumValues,
} from "../common/validation";
import { Audience } from "../prisma/training/generated/enums";
import { bearer, clientToken, postGraphQL, useTestGraph, type GraphQLResponse } from "./harness";

const graph = useTestGraph();

const admin = async () =>
  bearer(
    await clientToken({
      sub: "validation-admin",
      networks: { ejcn: ["MEMBER", "NETWORK_ADMIN"], gpen: ["MEMBER", "NETWORK_ADMIN"] },
    }),
  );

/** Every query and mutation argument of members, contacts and training that takes a country code. */
interface CountryArgument {
  /** `extensions.field` of an error. */
  field: string;
  /** The name a message starts with. */
  label: string;
  send(code: string): Promise<GraphQLResponse>;
  /** What a valid code in lower case answers. */
  expectAccepted(body: GraphQLResponse["body"]): Promise<void> | void;
}

const session = (change: Record<string, unknown>) => ({
  course: "gpen-prosecution-training",
  startDate: "2027-05-10",
  endDate: "2027-05-11",
  timeZone: "Europe/Lisbon",
  source: "validation test",
  ...change,
});
const createSession = `mutation ($input: TrainingSessionInput!) {
  createTrainingSession(input: $input) { country { code } participatingCountries { code } }
}`;
const findContactPoints = `query ($country: ID!) { findContactPoints(country: $country, measure: PRESERVATION) { id } }`;
const contactPointsIn = `query ($country: ID) { contactPoints(filter: { country: $country }) { totalCount } }`;

const countryArguments: Record<string, CountryArgument> = {
  "country(code:)": {
    field: "code",
    label: "code",
    send: (code) => graph.query(`query ($code: ID!) { country(code: $code) { code } }`, { code }),
    expectAccepted: (body) => expect(body.data.country).toEqual({ code: "PT" }),
  },
  "addMembership(input: { country })": {
    field: "input.country",
    label: "country",
    send: async (code) =>
      graph.query(
        `mutation ($input: AddMembershipInput!) { addMembership(input: $input) { country { code } } }`,
        { input: { network: "ejcn", country: code, role: "OBSERVER", source: "validation test" } },
        await admin(),
      ),
    expectAccepted: (body) => expect(body.data.addMembership).toEqual({ country: { code: "PT" } }),
  },
  "contactPoints(filter: { country })": {
    field: "filter.country",
    label: "country",
    send: (country) => graph.query(contactPointsIn, { country }),
    expectAccepted: async (body) => {
      const upper = await graph.query(contactPointsIn, { country: "PT" });
      expect(body.data.contactPoints.totalCount).toBeGreaterThan(0);
      expect(body.data.contactPoints).toEqual(upper.body.data.contactPoints);
    },
  },
  "findContactPoints(country:)": {
    field: "country",
    label: "country",
    send: (country) => graph.query(findContactPoints, { country }),
    expectAccepted: async (body) => {
      const upper = await graph.query(findContactPoints, { country: "PT" });
      expect(body.data.findContactPoints.length).toBeGreaterThan(0);
      expect(body.data.findContactPoints).toEqual(upper.body.data.findContactPoints);
    },
  },
  "createTrainingSession(input: { country })": {
    field: "input.country",
    label: "country",
    send: async (country) => graph.query(createSession, { input: session({ country }) }, await admin()),
    expectAccepted: (body) => expect(body.data.createTrainingSession.country).toEqual({ code: "PT" }),
  },
  "createTrainingSession(input: { participatingCountries })": {
    field: "input.participatingCountries.1",
    label: "participatingCountries",
    send: async (code) =>
      graph.query(createSession, { input: session({ participatingCountries: ["ES", code] }) }, await admin()),
    expectAccepted: (body) =>
      expect(body.data.createTrainingSession.participatingCountries).toEqual([{ code: "ES" }, { code: "PT" }]),
  },
};

describe("a country code is checked the same way by every argument that takes one", () => {
  const badCodes = ["XX", "Portugal", "p1", "PRT", "620", ""];
  const cases = Object.keys(countryArguments).flatMap((argument) => badCodes.map((code) => [argument, code]));

  it.each(cases)("%s rejects %p with BAD_USER_INPUT naming the field", async (argument, code) => {
    const { field, label, send } = countryArguments[argument];
    const { status, body } = await send(code);
    expect(status).toBe(200);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].message).toBe(`${label} must be an ISO 3166-1 alpha-2 country code such as PT`);
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it.each(Object.keys(countryArguments))("%s accepts a valid code in lower case", async (argument) => {
    const { send, expectAccepted } = countryArguments[argument];
    const { body } = await send("pt");
    expect(body.errors).toBeUndefined();
    await expectAccepted(body);
  });
});

describe("the same bound gives the same error", () => {
  it.each([
    ["countries(first: 0)", `{ countries(first: 0) { totalCount } }`],
    ["contactPoints(first: 0)", `{ contactPoints(first: 0) { totalCount } }`],
    ["findContactPoints(first: 0)", `{ findContactPoints(country: "PT", measure: PRESERVATION, first: 0) { id } }`],
  ])("%s", async (_label, query) => {
    const { body } = await graph.query(query);
    expect(body.errors![0].message).toBe("first must be between 1 and 100, got 0");
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it.each([0, 3651])("staleContactPoints(olderThanDays: %d) names the argument", async (days) => {
    const { body } = await graph.query(`{ staleContactPoints(olderThanDays: ${days}) { id } }`, {}, await admin());
    expect(body.errors![0].message).toBe(`olderThanDays must be between 1 and 3650, got ${days}`);
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "olderThanDays" });
  });

  it.each([
    [`{ contactPoints(filter: { language: "Portuguese" }) { totalCount } }`, "filter.language"],
    [`{ contactPoints(filter: { language: "zz" }) { totalCount } }`, "filter.language"],
    [`{ courses(filter: { language: "PT" }) { totalCount } }`, "filter.language"],
  ])("%s: one message for a language code", async (query, field) => {
    const { body } = await graph.query(query);
    expect(body.errors![0].message).toBe("language must be an ISO 639-1 language code in lower case, such as pt");
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});

describe("a network id or a project name in a filter matches in any case", () => {
  const count = async (query: string, list: string) => {
    const { body } = await graph.query(query);
    expect(body.errors).toBeUndefined();
    return body.data[list].totalCount as number;
  };

  it.each([
    ["events", "network", "ejcn", "EJCN"],
    ["events", "project", "GLACY+", "glacy+"],
    ["events", "project", "CyberCrime@IPA", " cybercrime@ipa "],
    ["courses", "network", "gpen", "GPEN"],
    ["courses", "project", "CyberCrime@IPA", "CYBERCRIME@IPA"],
    ["contactPoints", "network", "coe-24-7", "COE-24-7"],
    ["countries", "network", "ejcn", " EJCN "],
  ])("%s(filter: { %s }): %p and %p find the same", async (list, field, stored, sent) => {
    const query = (value: string) => `{ ${list}(filter: { ${field}: ${JSON.stringify(value)} }) { totalCount } }`;
    const expected = await count(query(stored), list);
    expect(expected).toBeGreaterThan(0);
    expect(await count(query(sent), list)).toBe(expected);
  });

  it.each(["GLACY_", "GLACY%", "GLACY"])("a project name matches whole: %p finds nothing", async (project) => {
    expect(await count(`{ events(filter: { project: ${JSON.stringify(project)} }) { totalCount } }`, "events")).toBe(0);
  });

  it.each(["events", "courses", "contactPoints", "countries"])(
    "%s(filter: { network }) refuses what cannot be a network id, naming the field",
    async (list) => {
      const { body } = await graph.query(`{ ${list}(filter: { network: "ejcn network" }) { totalCount } }`);
      expect(body.errors![0].message).toBe("network must be a network id such as ejcn or coe-24-7");
      expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.network" });
    },
  );

  it("countries(filter: { network }) refuses a network the graph does not know", async () => {
    const { body } = await graph.query(`{ countries(filter: { network: "ejnc" }) { totalCount } }`);
    expect(body.errors![0].message).toBe('no network "ejnc"');
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.network" });
  });

  it.each(["events", "courses"])("%s(filter: { project }) refuses a blank name", async (list) => {
    const { body } = await graph.query(`{ ${list}(filter: { project: " " }) { totalCount } }`);
    expect(body.errors![0].message).toBe("project must be 1 to 100 characters");
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.project" });
  });
});

describe("an entity reference with an unknown code matches nothing", () => {
  it.each(["members", "contacts", "training"])("in %s: null, no error", async (name) => {
    const subgraph = graph.subgraphs.find((running) => running.name === name)!;
    const { body } = await postGraphQL(subgraph.url, {
      query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { code } } }`,
      variables: {
        representations: ["XX", "Portugal", 7, "pt"].map((code) => ({ __typename: "Country", code })),
      },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([null, null, null, { code: "PT" }]);
  });
});

describe("the rules themselves", () => {
  it("reads a country code in any case, and only ISO 3166-1 alpha-2", () => {
    expect(countryCode(" pt ", "code")).toBe("PT");
    expect(() => countryCode("PRT", "input.country")).toThrow("country must be an ISO 3166-1 alpha-2 country code");
    expect(countryCodeOrNull("gb")).toBe("GB");
    expect(countryCodeOrNull("XX")).toBeNull();
    expect(countryCodeOrNull(undefined)).toBeNull();
  });

  it("names the field, not the list index, in a message", () => {
    expect(() => intInRange(8, "details.officeHours.days.1", 1, 7)).toThrow("days must be between 1 and 7, got 8");
    expect(() => intInRange(-1, "input.participantsCount", 0)).toThrow(
      "participantsCount must be a whole number, 0 or more, got -1",
    );
    expect(() => languageCode("EN", "input.languages.0")).toThrow("languages must be an ISO 639-1 language code");
  });

  it("reads a network id in any case, and a name in a filter whole in any case", () => {
    expect(networkId(" EJCN ", "filter.network")).toBe("ejcn");
    expect(() => networkId("ejcn/../x", "filter.network")).toThrow("network must be a network id such as ejcn");
    expect(sameName(" GLACY+ ", "filter.project")).toEqual({ equals: "GLACY+", mode: "insensitive" });
    expect(() => sameName("", "filter.project")).toThrow("project must be 1 to 100 characters");
    expect(sameName("a_b%", "filter.project").equals).toBe("a\\_b\\%");
  });

  it("converts stored enum values, and refuses one the enum does not have", () => {
    expect(storedEnumValues(Audience, ["JUDGES", "PROSECUTORS"], "audiences")).toEqual(["JUDGES", "PROSECUTORS"]);
    expect(() => storedEnumValues(Audience, ["JUDGES", "CLERKS"], "audiences")).toThrow(StoredDataError);
  });
});
