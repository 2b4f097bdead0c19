import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { subgraphEnvName } from "../common/config";
import { subgraphs } from "../subgraphs";

const root = path.join(__dirname, "..");
const compose = parse(fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8"));
const packageJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
/** Debian's haproxy, where installed (.ci/run installs it for the replica test). */
const haproxy = spawnSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" }).stdout.trim();

describe("docker-compose.yml", () => {
  // A subgraph with a database server of its own, as a network runs it on its own host.
  const ownServer = (name: string) => (compose.services[`${name}-postgres`] ? `${name}-postgres` : null);

  it("has PostgreSQL, the gateway and haproxy, one service per subgraph and their own database servers, and nothing else", () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        "gateway",
        "haproxy",
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

  it("runs two gateway replicas with their own start script, counting rate limits together", () => {
    const gateway = compose.services.gateway;
    expect(gateway.command).toEqual(["node", "-r", "@swc-node/register", "scripts/start-gateway.ts"]);
    expect(gateway.environment.HOST).toBe("0.0.0.0");
    expect(packageJson.scripts["start:gateway"]).toBeDefined();
    expect(gateway.deploy.replicas).toBe(2);
    // Replicas cannot share a host port: haproxy publishes it.
    expect(gateway.ports).toBeUndefined();
    expect(new URL(gateway.environment.GATEWAY_RATE_LIMIT_DATABASE_URL).hostname).toBe("postgres");
    expect(gateway.depends_on.postgres.condition).toBe("service_healthy");
  });

  describe("haproxy in front of the gateway replicas", () => {
    const service = compose.services.haproxy;
    const [source, target] = (service.volumes[0] as string).split(":");
    const config = fs.readFileSync(path.join(root, source), "utf8");

    it("publishes the graph's port and reaches every replica by the service's name, checking /ready", () => {
      expect(service.image).toMatch(/^haproxy:2\.6/);
      expect(target).toBe("/usr/local/etc/haproxy/haproxy.cfg");
      const bound = /^\s*bind :(\d+)$/m.exec(config)![1];
      expect(service.ports).toEqual([`${compose.services.gateway.environment.PORT}:${bound}`]);
      const [, slots, port] = /server-template \S+ (\d+) gateway:(\d+) .*check/.exec(config)!;
      expect(Number(slots)).toBe(compose.services.gateway.deploy.replicas);
      expect(port).toBe(compose.services.gateway.environment.PORT);
      expect(config).toMatch(/option httpchk GET \/ready/);
      expect(service.depends_on.gateway).toBeDefined();
    });

    (haproxy ? it : it.skip)("has a configuration haproxy accepts (Debian's haproxy 2.6, as the image)", () => {
      const check = spawnSync(haproxy, ["-c", "-f", path.join(root, source)], { encoding: "utf8" });
      expect(check.stderr).not.toMatch(/ALERT|WARNING/);
      expect(check.status).toBe(0);
    });
  });
});
