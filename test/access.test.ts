import { signViewerToken, viewerTokenHeader } from "../common/viewer-token";
import { daysFromToday } from "./clock";
import { bearer, clientToken, postGraphQL, useTestGraph } from "./harness";

const graph = useTestGraph();

const ejcnAdmin = {
  sub: "admin-ejcn",
  name: "Erika Example (fictional)",
  networks: { ejcn: ["MEMBER", "NETWORK_ADMIN"] },
};
const ejcnMember = { sub: "member-ejcn", name: "Mateo Muster (fictional)", networks: { ejcn: ["MEMBER"] } };
const gpenMember = { sub: "member-gpen", networks: { gpen: ["MEMBER"] } };
const asViewer = async (claims: object) => bearer(await clientToken(claims as Record<string, unknown>));

const changesQuery = `{ network(id: "ejcn") { id acronym membershipChanges { totalCount edges { node { action actorSub membership { id } } } } } }`;
const addMembership = `mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id role country { code } authority { id } since current } }`;
const membershipsDirect = (url: string, headers: Record<string, string>) =>
  postGraphQL(url, { query: `{ me { sub } network(id: "ejcn") { membershipChanges { totalCount } } }` }, headers);

describe("who the gateway takes you to be", () => {
  it("is nobody without a token", async () => {
    const { status, body } = await graph.query(`{ me { sub } }`);
    expect(status).toBe(200);
    expect(body.data.me).toBeNull();
  });

  it("is the token's subject, networks and roles", async () => {
    const { body } = await graph.query(
      `{ me { sub name analyst authority { id } networks { roles network { id acronym } } } }`,
      {},
      await asViewer({ ...ejcnAdmin, authorityId: "pt-pgr", analyst: true }),
    );
    expect(body.data.me).toEqual({
      sub: "admin-ejcn",
      name: "Erika Example (fictional)",
      analyst: true,
      authority: { id: "pt-pgr" },
      networks: [{ roles: ["MEMBER", "NETWORK_ADMIN"], network: { id: "ejcn", acronym: "EJCN" } }],
    });
  });

  it.each([
    [
      "an expired token",
      async () => clientToken(ejcnMember, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
      /expired/,
    ],
    [
      "a token signed with another secret",
      async () => clientToken(ejcnMember, { secret: "someone else's secret of enough length" }),
      /not valid/,
    ],
    ["a malformed token", async () => "not.a.jwt", /not valid/],
    [
      "claims of the wrong shape",
      async () => clientToken({ sub: "x", networks: { ejcn: ["KING"] } }),
      /claims are invalid/,
    ],
    ["a token without subject", async () => clientToken({ networks: {} }), /claims are invalid/],
  ])("refuses %s with UNAUTHENTICATED, not a 500", async (_label, makeToken, message) => {
    const { status, body } = await graph.query(`{ networks { id } }`, {}, bearer(await makeToken()));
    expect(status).toBe(401);
    expect(body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    expect(body.errors![0].message).toMatch(message);
  });

  it("refuses an Authorization header that is not a bearer token", async () => {
    const { status, body } = await graph.query(`{ networks { id } }`, {}, { authorization: "Basic YWxpY2U6c2VjcmV0" });
    expect(status).toBe(401);
    expect(body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
  });
});

describe("field-level access: the audit of membership changes", () => {
  it.each([
    ["anonymous", null],
    ["a member of the network", ejcnMember],
    ["a member of another network", gpenMember],
    ["an admin of another network", { sub: "admin-gpen", networks: { gpen: ["NETWORK_ADMIN"] } }],
  ])("is null with FORBIDDEN at its path for %s, and the rest of the answer stays", async (_label, claims) => {
    const { status, body } = await graph.query(changesQuery, {}, claims ? await asViewer(claims) : {});
    expect(status).toBe(200);
    expect(body.data.network).toEqual({ id: "ejcn", acronym: "EJCN", membershipChanges: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({
      path: ["network", "membershipChanges"],
      extensions: { code: "FORBIDDEN" },
    });
  });

  it("is readable by the network's admin", async () => {
    const { body } = await graph.query(changesQuery, {}, await asViewer(ejcnAdmin));
    expect(body.errors).toBeUndefined();
    expect(body.data.network.membershipChanges.totalCount).toEqual(expect.any(Number));
  });
});

describe("managing memberships", () => {
  // A membership that began a month ago and is ended as of ten days later: current, then not.
  const since = daysFromToday(-30);
  const until = daysFromToday(-20);
  const cyprus = { network: "ejcn", country: "cy", role: "MEMBER", since, source: "EJCN Board decision (test)" };

  it("lets the network's admin add and end a membership, each change audited", async () => {
    const admin = await asViewer(ejcnAdmin);
    const added = await graph.query(addMembership, { input: cyprus }, admin);
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data.addMembership).toMatchObject({
      role: "MEMBER",
      country: { code: "CY" },
      since,
      current: true,
    });
    const id = added.body.data.addMembership.id;

    const again = await graph.query(addMembership, { input: cyprus }, admin);
    expect(again.body.errors![0].extensions!.code).toBe("CONFLICT");

    const ended = await graph.query(
      `mutation ($id: ID!, $until: Date) { endMembership(id: $id, until: $until) { id until current } }`,
      { id, until },
      admin,
    );
    expect(ended.body.data.endMembership).toEqual({ id, until, current: false });
    const endedAgain = await graph.query(`mutation ($id: ID!) { endMembership(id: $id) { id } }`, { id }, admin);
    expect(endedAgain.body.errors![0].extensions!.code).toBe("CONFLICT");

    const { body } = await graph.query(changesQuery, {}, admin);
    const changes = body.data.network.membershipChanges.edges
      .map((edge: any) => edge.node)
      .filter((change: any) => change.membership.id === id);
    expect(changes).toEqual([
      { action: "ENDED", actorSub: "admin-ejcn", membership: { id } },
      { action: "ADDED", actorSub: "admin-ejcn", membership: { id } },
    ]);
  });

  it.each([
    ["anonymous", null, "UNAUTHENTICATED"],
    ["a member who is not admin", ejcnMember, "FORBIDDEN"],
    ["the admin of another network", { sub: "admin-gpen", networks: { gpen: ["NETWORK_ADMIN"] } }, "FORBIDDEN"],
  ])("refuses %s and changes nothing", async (_label, claims, code) => {
    const before = await graph.query(`{ network(id: "ejcn") { members { id } } }`);
    const { body } = await graph.query(
      addMembership,
      { input: { ...cyprus, country: "MT" } },
      claims ? await asViewer(claims) : {},
    );
    expect(body.errors![0].extensions!.code).toBe(code);
    const ending = await graph.query(
      `mutation { endMembership(id: "ejcn:AT:member") { id } }`,
      {},
      claims ? await asViewer(claims) : {},
    );
    expect(ending.body.errors![0].extensions!.code).toBe(code);
    expect((await graph.query(`{ network(id: "ejcn") { members { id } } }`)).body).toEqual(before.body);
  });

  it.each([
    [{ country: "ZZ" }, "input.country"],
    [{ country: "PT", authority: "no-kripos" }, "input.authority"],
    [{ country: "PT", authority: "unknown" }, "input.authority"],
    [{ country: "PT", source: "  " }, "input.source"],
  ])("rejects %j with BAD_USER_INPUT at the field", async (change, field) => {
    const { body } = await graph.query(addMembership, { input: { ...cyprus, ...change } }, await asViewer(ejcnAdmin));
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("rejects an end before the start", async () => {
    const admin = await asViewer(ejcnAdmin);
    const added = await graph.query(addMembership, { input: { ...cyprus, country: "MT", since: "2026-01-10" } }, admin);
    const { body } = await graph.query(
      `mutation ($id: ID!) { endMembership(id: $id, until: "2026-01-01") { id } }`,
      { id: added.body.data.addMembership.id },
      admin,
    );
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "until" });
  });
});

describe("straight to a subgraph", () => {
  const membersUrl = () => graph.subgraphs.find((subgraph) => subgraph.name === "members")!.url;

  it("gets only public data without the gateway's token, whatever the client headers say", async () => {
    for (const headers of [
      {},
      await asViewer(ejcnAdmin), // a client token is not the gateway's
      { [viewerTokenHeader]: await clientToken(ejcnAdmin) },
      { [viewerTokenHeader]: "forged" },
      { "x-user": "admin-ejcn", "x-networks": "ejcn:NETWORK_ADMIN" },
    ]) {
      const { body } = await membershipsDirect(membersUrl(), headers as Record<string, string>);
      expect(body.data.me).toBeNull();
      expect(body.data.network.membershipChanges).toBeNull();
      expect(body.errors![0].extensions!.code).toBe("FORBIDDEN");
    }
  });

  it("trusts a token the gateway signed for this subgraph", async () => {
    const token = await signViewerToken(
      { sub: "admin-ejcn", name: null, networks: { ejcn: ["NETWORK_ADMIN"] }, authorityId: null, analyst: false },
      "members",
      graph.signingKeys,
    );
    const { body } = await membershipsDirect(membersUrl(), { [viewerTokenHeader]: token });
    expect(body.data.me).toEqual({ sub: "admin-ejcn" });
    expect(body.errors).toBeUndefined();
  });

  it("guards entity fields reached through _entities too", async () => {
    const { body } = await postGraphQL(membersUrl(), {
      query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Network { id membershipChanges { totalCount } } } }`,
      variables: { representations: [{ __typename: "Network", id: "ejcn" }] },
    });
    expect(body.data._entities).toEqual([{ id: "ejcn", membershipChanges: null }]);
    expect(body.errors![0].extensions!.code).toBe("FORBIDDEN");
  });
});
