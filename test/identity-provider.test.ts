import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from "jose";
import { execFileSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { bearer, startTestGraph, type TestGraph } from "./harness";

describe("a production identity provider (JWKS, RS256)", () => {
  let graph: TestGraph;
  let jwks: http.Server;
  let privateKey: KeyLike;
  const saved = { ...process.env };

  beforeAll(async () => {
    const keys = await generateKeyPair("RS256");
    privateKey = keys.privateKey;
    const publicJwk = { ...(await exportJWK(keys.publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
    jwks = http.createServer((_request, response) =>
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [publicJwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    process.env.JWT_JWKS_URL = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    process.env.JWT_ISSUER = "https://idp.example.org";
    process.env.JWT_AUDIENCE = "cybercrime-networks-graph";
    graph = await startTestGraph();
  });
  afterAll(async () => {
    await graph?.close();
    jwks?.close();
    process.env = saved;
  });

  const sign = (claims: Record<string, unknown>, issuer = "https://idp.example.org", key: KeyLike = privateKey) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "test-key" })
      .setIssuer(issuer)
      .setAudience("cybercrime-networks-graph")
      .setExpirationTime("5m")
      .sign(key);

  it("accepts a token signed by the provider's key", async () => {
    const { body } = await graph.query(
      `{ me { sub networks { roles } } }`,
      {},
      bearer(await sign({ sub: "idp-user", networks: { gpen: ["MEMBER"] } })),
    );
    expect(body.data.me).toEqual({ sub: "idp-user", networks: [{ roles: ["MEMBER"] }] });
  });

  it("refuses another issuer, another key, and the development secret", async () => {
    const otherKey = (await generateKeyPair("RS256")).privateKey;
    const developmentToken = execFileSync(
      process.execPath,
      ["-r", "@swc-node/register", "scripts/token.ts", '{"sub":"dev"}'],
      {
        cwd: path.join(__dirname, ".."),
        env: { ...saved, JWT_JWKS_URL: "" },
        encoding: "utf8",
      },
    ).trim();
    for (const token of [
      await sign({ sub: "x" }, "https://evil.example.org"),
      await sign({ sub: "x" }, undefined, otherKey),
      developmentToken,
    ]) {
      const { status, body } = await graph.query(`{ me { sub } }`, {}, bearer(token));
      expect(status).toBe(401);
      expect(body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    }
  });
});

describe("npm run token", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
  });
  afterAll(() => graph?.close());

  const token = (...args: string[]) =>
    execFileSync(process.execPath, ["-r", "@swc-node/register", "scripts/token.ts", ...args], {
      cwd: path.join(__dirname, ".."),
      encoding: "utf8",
    }).trim();

  it("prints a development token the local gateway accepts", async () => {
    const printed = token(
      '{"sub":"dev-ana","name":"Ana Exemplo (fictional)","networks":{"forum-cibercrime":["MEMBER","CONTACT_POINT"]}}',
    );
    const { body } = await graph.query(`{ me { sub name networks { roles network { id } } } }`, {}, bearer(printed));
    expect(body.data.me).toEqual({
      sub: "dev-ana",
      name: "Ana Exemplo (fictional)",
      networks: [{ roles: ["MEMBER", "CONTACT_POINT"], network: { id: "forum-cibercrime" } }],
    });
  });

  it("refuses claims of the wrong shape", () => {
    expect(() => token('{"sub":"x","networks":{"ejcn":"MEMBER"}}')).toThrow();
  });
});
