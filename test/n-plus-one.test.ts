import { useTestGraph } from "./harness";

const graph = useTestGraph();

describe("SQL statements per request do not grow with the rows returned", () => {
  const networkMembers = `query ($id: ID!) {
    network(id: $id) { id name members { role since country { code name networks { id } budapestConvention { status } authorities { id } } authority { name } } }
  }`;

  it("network → members → country → networks, treaties, authorities", async () => {
    const small = await graph.statementsAndRows(
      networkMembers,
      { id: "forum-cibercrime" },
      (data) => data.network.members.length,
    );
    const large = await graph.statementsAndRows(
      networkMembers,
      { id: "coe-24-7" },
      (data) => data.network.members.length,
    );
    expect(large.rows).toBeGreaterThan(small.rows * 5);
    // The Fórum's members also load their authorities; the 24/7 network's have none, so one statement fewer.
    expect(large.statements).toBeLessThanOrEqual(small.statements);
    // network, memberships, countries, their memberships, networks, treaties, authorities, membership authorities
    expect(small.statements).toBeLessThanOrEqual(8);
  });

  it("networks → members → country", async () => {
    const all = await graph.statementsAndRows(`{ networks { id members { country { code name } } } }`, {}, (data) =>
      data.networks.reduce((sum: number, network: any) => sum + network.members.length, 0),
    );
    expect(all.rows).toBeGreaterThan(100);
    expect(all.statements).toBe(3);
  });

  it("a page of countries with their relations", async () => {
    const page = `query ($first: Int) { countries(first: $first) { totalCount edges { node { code memberships { network { id } } budapestConvention { status } } } } }`;
    const small = await graph.statementsAndRows(page, { first: 2 }, (data) => data.countries.edges.length);
    const large = await graph.statementsAndRows(page, { first: 100 }, (data) => data.countries.edges.length);
    expect(large.rows).toBe(100);
    expect(large.statements).toBe(small.statements);
  });
});
