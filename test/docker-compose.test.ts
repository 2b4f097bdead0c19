import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { subgraphEnvName } from "../common/config";
import { subgraphs } from "../subgraphs";

const compose = parse(fs.readFileSync(path.join(__dirname, "..", "docker-compose.yml"), "utf8"));
const packageJson = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));

describe("docker-compose.yml", () => {
  // A subgraph with a database server of its own, as a network runs it on its own host.
  const ownServer = (name: string) => (compose.services[`${name}-postgres`] ? `${name}-postgres` : null);

  it("has PostgreSQL, the gateway, one service per subgraph and their own database servers, and nothing else", () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        "gateway",
        "postgres",
        ...subgraphs.flatMap((subgraph) => [
          subgraph.name,
          ...(ownServer(subgraph.name) ? [`${subgraph.name}-postgres`] : []),
        ]),
      ].sort(),
    );
    // At least one network subgraph shows how it runs apart.
    expect(ownServer("ejcn")).toBe("ejcn-postgres");
  });

  it.each(subgraphs.map((subgraph) => [subgraph.name, subgraph.defaultPort] as const))(
    "starts %s alone on PostgreSQL, in its own schema, reachable by the gateway",
    (name, port) => {
      const service = compose.services[name];
      expect(service.command).toEqual(["node", "-r", "@swc-node/register", "scripts/start-subgraph.ts", name]);
      expect(packageJson.scripts["start:subgraph"]).toBeDefined();
      const databaseUrl = new URL(service.environment.DATABASE_URL);
      expect(databaseUrl.protocol).toBe("postgresql:");
      const server = ownServer(name) ?? "postgres";
      expect(databaseUrl.hostname).toBe(server);
      expect(databaseUrl.searchParams.get("schema")).toBe(name.replace(/-/g, "_"));
      expect(service.environment.SUBGRAPH_HOST).toBe("0.0.0.0");
      // No shared secret: the subgraph verifies viewer tokens with the gateway's public keys.
      expect(Object.keys(service.environment).filter((variable) => /SECRET/.test(variable))).toEqual([]);
      expect(service.environment.GATEWAY_JWKS_URL).toBe("http://gateway:4000/.well-known/jwks.json");
      expect(service.environment[subgraphEnvName(name, "PORT")]).toBe(String(port));
      expect(service.depends_on[server].condition).toBe("service_healthy");
      expect(compose.services.gateway.environment[subgraphEnvName(name, "URL")]).toBe(`http://${name}:${port}/graphql`);
      expect(compose.services.gateway.depends_on[name]).toBeDefined();
    },
  );

  it("gives the gateway the secrets production requires", () => {
    const environment = compose.services.gateway.environment;
    expect(environment.GATEWAY_SIGNING_KEYS_FILE).toBe("/run/secrets/gateway-signing-keys");
    expect(compose.services.gateway.secrets).toContain("gateway-signing-keys");
    expect(compose.secrets["gateway-signing-keys"].file).toMatch(/^\$\{GATEWAY_SIGNING_KEYS:\?/);
    expect(environment.JWT_SECRET ?? environment.JWT_JWKS_URL).toBeDefined();
  });

  it("runs the gateway with its own start script on the published port", () => {
    expect(compose.services.gateway.command).toEqual(["node", "-r", "@swc-node/register", "scripts/start-gateway.ts"]);
    expect(compose.services.gateway.environment.HOST).toBe("0.0.0.0");
    expect(packageJson.scripts["start:gateway"]).toBeDefined();
    expect(compose.services.gateway.ports).toContain(`${compose.services.gateway.environment.PORT}:4000`);
  });
});
