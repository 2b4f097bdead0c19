import { bearer, clientToken, postGraphQL, useTestGraph } from "./harness";

const graph = useTestGraph();
const as = async (networks: Record<string, string[]>) => bearer(await clientToken({ sub: "ejcn-tester", networks }));
const add = /* GraphQL */ `
  mutation ($input: EjcnNoticeInput!) {
    addEjcnNotice(input: $input) {
      id
      title
      network {
        id
      }
      country {
        code
      }
    }
  }
`;
const notice = {
  network: "ejcn",
  country: "pt",
  title: "Next meeting (test)",
  body: "Agenda to follow.",
  source: "test",
};

describe("the ejcn subgraph", () => {
  it("lets the network's admins publish a notice that the graph then shows", async () => {
    const { body } = await graph.query(add, { input: notice }, await as({ ejcn: ["NETWORK_ADMIN"] }));
    expect(body.errors).toBeUndefined();
    expect(body.data.addEjcnNotice).toMatchObject({ network: { id: "ejcn" }, country: { code: "PT" } });
    const listed = await graph.query(/* GraphQL */ `
      {
        network(id: "ejcn") {
          acronym
          ejcnNotices {
            id
          }
        }
        ejcnNotices(first: 5) {
          totalCount
        }
      }
    `);
    expect(listed.body.data.network.ejcnNotices.map((entry: { id: string }) => entry.id)).toContain(
      body.data.addEjcnNotice.id,
    );
    expect(listed.body.data.ejcnNotices.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ["anonymous", async () => ({}), "UNAUTHENTICATED"],
    ["a member who is not admin", () => as({ ejcn: ["MEMBER"] }), "FORBIDDEN"],
  ])("refuses %s", async (_label, headers, code) => {
    const { body } = await graph.query(add, { input: notice }, await headers());
    expect(body.errors![0].extensions!.code).toBe(code);
  });

  it.each([
    [{ title: "  " }, "input.title"],
    [{ country: "XX" }, "input.country"],
  ])("rejects %j with BAD_USER_INPUT at the field", async (change, field) => {
    const { body } = await graph.query(add, { input: { ...notice, ...change } }, await as({ ejcn: ["NETWORK_ADMIN"] }));
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("resolves its entity for the gateway (_entities)", async () => {
    const url = graph.subgraphs.find((subgraph) => subgraph.name === "ejcn")!.url;
    const { body } = await postGraphQL(url, {
      query: "query ($r: [_Any!]!) { _entities(representations: $r) { ... on EjcnNotice { id } } }",
      variables: { r: [{ __typename: "EjcnNotice", id: "no-such-notice" }] },
    });
    expect(body.data._entities).toEqual([null]);
  });
});
