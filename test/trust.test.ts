import { SignJWT, type KeyLike } from "jose";
import type { AddressInfo } from "node:net";
import net from "node:net";
import type { Viewer } from "../common/auth";
import { embeddedTarget } from "../common/database";
import { startSubgraph, type RunningSubgraph } from "../common/subgraph";
import {
  newSigningKey,
  signingKeysFrom,
  signViewerToken,
  viewerKeysFrom,
  viewerTokenHeader,
  viewerTokenSigner,
  viewerTokenVerifier,
  type SigningKeys,
} from "../common/viewer-token";
import { startGateway } from "../gateway";
import { members } from "../subgraphs/members";
import { bearer, clientToken, postGraphQL, useTestGraph } from "./harness";

const graph = useTestGraph();
const admin: Viewer = {
  sub: "admin-ejcn",
  name: null,
  networks: { ejcn: ["NETWORK_ADMIN"] },
  authorityId: null,
  analyst: false,
};
const subgraphUrl = (name: string) => graph.subgraphs.find((subgraph) => subgraph.name === name)!.url;
const whoAmI = async (url: string, token: string) =>
  (await postGraphQL(url, { query: "{ me { sub } }" }, { [viewerTokenHeader]: token })).body.data?.me ?? null;

/** A token with the claims of a viewer token, signed as the caller says. */
const craft = (
  key: KeyLike | Uint8Array,
  header: { alg: string; kid?: string },
  audience: string,
  expires: string | number,
) =>
  new SignJWT({ sub: admin.sub, networks: admin.networks })
    .setProtectedHeader(header)
    .setIssuer("gateway")
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(key);

describe("viewer tokens between the gateway and the subgraphs", () => {
  it("publishes the gateway's public keys, and no private part", async () => {
    const response = await fetch(graph.gatewayUrl.replace("/graphql", "/.well-known/jwks.json"));
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as { keys: Record<string, string>[] };
    expect(jwks.keys.map((key) => key.kid)).toEqual([graph.signingKeys.signing.kid]);
    expect(jwks.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it("trusts a token the gateway signed for that subgraph", async () => {
    expect(await whoAmI(subgraphUrl("members"), await signViewerToken(admin, "members", graph.signingKeys))).toEqual({
      sub: admin.sub,
    });
  });

  it.each([
    [
      "signed with another key under the gateway's kid",
      async (keys: SigningKeys) => {
        const other = await signingKeysFrom({ keys: [{ ...(await newSigningKey()), kid: keys.signing.kid }] });
        return signViewerToken(admin, "members", other);
      },
    ],
    [
      "unsigned (alg none)",
      async () => {
        const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString("base64url");
        const now = Math.floor(Date.now() / 1000);
        return `${encode({ alg: "none", typ: "JWT" })}.${encode({ sub: admin.sub, networks: admin.networks, iss: "gateway", aud: "members", iat: now, exp: now + 60 })}.`;
      },
    ],
    ["for another subgraph (replayed)", (keys: SigningKeys) => signViewerToken(admin, "requests", keys)],
    [
      "expired",
      (keys: SigningKeys) =>
        craft(keys.signing.key, { alg: "ES256", kid: keys.signing.kid }, "members", Math.floor(Date.now() / 1000) - 5),
    ],
    [
      "signed with the old shared HS256 development secret",
      () =>
        craft(
          new TextEncoder().encode("development-only internal token secret, never in production"),
          { alg: "HS256" },
          "subgraphs",
          "60s",
        ),
    ],
  ])("treats a token %s as anonymous", async (_label, token) => {
    const { body } = await postGraphQL(
      subgraphUrl("members"),
      { query: `{ me { sub } network(id: "ejcn") { membershipChanges { totalCount } } }` },
      { [viewerTokenHeader]: await token(graph.signingKeys) },
    );
    expect(body.data.me).toBeNull();
    expect(body.data.network.membershipChanges).toBeNull();
    expect(body.errors![0].extensions!.code).toBe("FORBIDDEN");
  });
});

describe("viewer tokens reused while fresh", () => {
  it("signs a viewer's token for a subgraph once, and anew for another subgraph or other claims", async () => {
    const sign = viewerTokenSigner(graph.signingKeys);
    const token = await sign(admin, "members");
    expect(await sign({ ...admin, networks: { ejcn: ["NETWORK_ADMIN"] } }, "members")).toBe(token);
    expect(await sign(admin, "requests")).not.toBe(token);
    expect(await sign({ ...admin, analyst: true }, "members")).not.toBe(token);
    expect(await whoAmI(subgraphUrl("members"), token)).toEqual({ sub: admin.sub });
  });

  it("trusts a verified token again until it expires, and never a forged one", async () => {
    const verify = viewerTokenVerifier("members", viewerKeysFrom(graph.signingKeys.published));
    const expires = Math.floor(Date.now() / 1000) + 2;
    const token = await craft(
      graph.signingKeys.signing.key,
      { alg: "ES256", kid: graph.signingKeys.signing.kid },
      "members",
      expires,
    );
    const viewer = await verify(token);
    expect(viewer).toMatchObject({ sub: admin.sub, networks: admin.networks });
    // One viewer object serves every request with this token: no request can change it for the next.
    expect(Object.isFrozen(viewer!.networks.ejcn)).toBe(true);
    expect(await verify(token)).toBe(viewer);
    const forged = `${token.slice(0, token.lastIndexOf(".") + 1)}${"A".repeat(86)}`;
    expect(await verify(forged)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, expires * 1000 - Date.now() + 50));
    expect(await verify(token)).toBeNull();
  });
});

describe("a subgraph that fetches the gateway's JWKS, through a key rotation", () => {
  let subgraph: RunningSubgraph | undefined;
  let port: number;
  const saved = { url: process.env.GATEWAY_JWKS_URL, cache: process.env.GATEWAY_JWKS_CACHE_SECONDS };
  beforeAll(async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    process.env.GATEWAY_JWKS_URL = `http://127.0.0.1:${port}/.well-known/jwks.json`;
    // Operators wait the cache's lifetime between the steps of a rotation; here it lasts one second.
    process.env.GATEWAY_JWKS_CACHE_SECONDS = "1";
    subgraph = await startSubgraph(members, { target: embeddedTarget("members", null), port: 0 });
  });
  afterAll(async () => {
    await subgraph?.stop();
    for (const [variable, value] of Object.entries({
      GATEWAY_JWKS_URL: saved.url,
      GATEWAY_JWKS_CACHE_SECONDS: saved.cache,
    })) {
      if (value === undefined) delete process.env[variable];
      else process.env[variable] = value;
    }
  });

  /** A gateway on the fixed port with these keys, over the test graph with this members subgraph; who it says I am. */
  async function meThrough(keys: SigningKeys): Promise<unknown> {
    const gateway = await startGateway({
      port,
      host: "127.0.0.1",
      signingKeys: keys,
      subgraphUrls: {
        ...Object.fromEntries(graph.subgraphs.map((running) => [running.name, running.url])),
        members: subgraph!.url,
      },
    });
    try {
      const token = bearer(await clientToken({ sub: admin.sub, networks: admin.networks }));
      const { body } = await postGraphQL(gateway.url, { query: "{ me { sub } }" }, token);
      return body.data?.me ?? null;
    } finally {
      await gateway.close();
    }
  }

  it("keeps every viewer signed in while a new key is added, promoted and the old one retired", async () => {
    const [first, second] = [await newSigningKey(), await newSigningKey()];
    // Before: one key. Add: both published, the old one signs. Promote: the new one signs. Retire: the new one alone.
    const steps = { before: [first], add: [first, second], promote: [second, first], retire: [second] };
    for (const [step, keys] of Object.entries(steps)) {
      expect([step, await meThrough(await signingKeysFrom({ keys }))]).toEqual([step, { sub: admin.sub }]);
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
  });
});
