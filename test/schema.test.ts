import { buildSchema, isScalarType, specifiedScalarTypes, type GraphQLObjectType } from "graphql";
import fs from "node:fs";
import path from "node:path";
import { composeGraph } from "../gateway/compose";
import { customScalars } from "../gateway/scalars";
import { subgraphs } from "../subgraphs";

describe("committed schema", () => {
  it("matches what the code builds (run `npm run compose` after a schema change)", async () => {
    const { subgraphSdl, supergraphSdl } = await composeGraph();
    const schemaDir = path.join(__dirname, "..", "schema");
    for (const subgraph of subgraphs) {
      expect(fs.readFileSync(path.join(schemaDir, `${subgraph.name}.graphql`), "utf8")).toBe(
        subgraphSdl[subgraph.name],
      );
    }
    expect(fs.readFileSync(path.join(schemaDir, "supergraph.graphql"), "utf8")).toBe(supergraphSdl);
  });

  it("keeps the public contract of the contacts subgraph", async () => {
    const schema = buildSchema((await composeGraph()).supergraphSdl);
    const fieldsOf = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();
    const signature = (type: string, field: string) => {
      const found = fieldsOf(type)[field];
      return `${found.args
        .map((arg) => `${arg.name}: ${arg.type}`)
        .sort()
        .join(", ")} → ${found.type}`;
    };
    expect(signature("Query", "contactPoints")).toBe(
      "after: String, filter: ContactPointFilter, first: Int → ContactPointConnection",
    );
    expect(signature("Query", "findContactPoints")).toBe(
      "at: DateTimeISO, country: ID!, first: Int, measure: RequestKind!, urgent: Boolean! → [ContactPoint!]",
    );
    expect(signature("Query", "staleContactPoints")).toBe("olderThanDays: Int! → [ContactPoint!]");
    expect(signature("Mutation", "confirmContactPoint")).toBe("id: ID! → ContactPoint!");
    expect(signature("Mutation", "replaceContactPoint")).toBe(
      "details: ContactPointDetailsInput!, id: ID! → ContactPoint!",
    );
    for (const entity of ["Country", "Network", "Authority"])
      expect(signature(entity, "contactPoints")).toBe(" → [ContactPoint!]");
  });

  it("keeps the public contract of the members subgraph", async () => {
    const { subgraphSdl } = await composeGraph();
    const sdl = subgraphSdl.members;
    for (const contract of [
      "networks: [Network!]",
      "network(id: ID!): Network",
      "country(code: ID!): Country",
      "filter: CountryFilter",
      "): CountryConnection",
      /type Network\s+@key\(fields: "id"\)/,
      /type Country\s+@key\(fields: "code"\)/,
      /type Authority\s+@key\(fields: "id"\)/,
      "name(lang: Language): String!",
      "members(",
      "budapestConvention: TreatyStatus",
    ]) {
      if (typeof contract === "string") expect(sdl).toContain(contract);
      else expect(sdl).toMatch(contract);
    }
  });
});

describe("custom scalars", () => {
  it("each has the gateway's parsing rule, so a bad value is refused before any subgraph is called", async () => {
    const schema = buildSchema((await composeGraph()).supergraphSdl);
    const custom = Object.values(schema.getTypeMap())
      .filter((type) => isScalarType(type) && !specifiedScalarTypes.some((scalar) => scalar.name === type.name))
      .map((type) => type.name)
      .filter((name) => !name.startsWith("_") && !name.startsWith("join__") && !name.startsWith("link__"));
    expect(custom.sort()).toEqual(Object.keys(customScalars).sort());
  });
});
