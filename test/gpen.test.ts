import { bearer, clientToken, postGraphQL, useTestGraph } from "./harness";

const graph = useTestGraph();
const as = async (networks: Record<string, string[]>) => bearer(await clientToken({ sub: "gpen-tester", networks }));
const add = /* GraphQL */ `
  mutation ($input: GpenNoticeInput!) {
    addGpenNotice(input: $input) {
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
  network: "gpen",
  country: "pt",
  title: "Next meeting (test)",
  body: "Agenda to follow.",
  source: "test",
};

describe("the gpen subgraph", () => {
  it("lets the network's admins publish a notice that the graph then shows", async () => {
    const { body } = await graph.query(add, { input: notice }, await as({ gpen: ["NETWORK_ADMIN"] }));
    expect(body.errors).toBeUndefined();
    expect(body.data.addGpenNotice).toMatchObject({ network: { id: "gpen" }, country: { code: "PT" } });
    const listed = await graph.query(/* GraphQL */ `
      {
        network(id: "gpen") {
          acronym
          gpenNotices {
            id
          }
        }
        gpenNotices(first: 5) {
          totalCount
        }
      }
    `);
    expect(listed.body.data.network.gpenNotices.map((entry: { id: string }) => entry.id)).toContain(
      body.data.addGpenNotice.id,
    );
    expect(listed.body.data.gpenNotices.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ["anonymous", async () => ({}), "UNAUTHENTICATED"],
    ["a member who is not admin", () => as({ gpen: ["MEMBER"] }), "FORBIDDEN"],
  ])("refuses %s", async (_label, headers, code) => {
    const { body } = await graph.query(add, { input: notice }, await headers());
    expect(body.errors![0].extensions!.code).toBe(code);
  });

  it.each([
    [{ title: "  " }, "input.title"],
    [{ country: "XX" }, "input.country"],
  ])("rejects %j with BAD_USER_INPUT at the field", async (change, field) => {
    const { body } = await graph.query(add, { input: { ...notice, ...change } }, await as({ gpen: ["NETWORK_ADMIN"] }));
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("resolves its entity for the gateway (_entities)", async () => {
    const url = graph.subgraphs.find((subgraph) => subgraph.name === "gpen")!.url;
    const { body } = await postGraphQL(url, {
      query: "query ($r: [_Any!]!) { _entities(representations: $r) { ... on GpenNotice { id } } }",
      variables: { r: [{ __typename: "GpenNotice", id: "no-such-notice" }] },
    });
    expect(body.data._entities).toEqual([null]);
  });
});
