// npm run test:multi-host: one subgraph on another host, for real. Where the machine allows it (root, `ip netns`), the
// training subgraph runs as its own process in its own network namespace, reached over a veth pair as a second host;
// it serves https with a certificate of a private CA made for the run, and verifies viewer tokens with the gateway's
// JWKS fetched across that link. The other subgraphs and the gateway run here. Without namespaces it falls back to a
// separate process on loopback and says so. Prints one line per check and "N passed, N failed".
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import "reflect-metadata";
import { embeddedTarget } from "../common/database";
import { startSubgraph, type RunningSubgraph } from "../common/subgraph";
import { newSigningKey, signingKeysFrom, viewerKeysFrom } from "../common/viewer-token";
import { startGateway } from "../gateway";
import { signClientToken } from "../gateway/auth";
import { subgraphs } from "../subgraphs";

const remoteName = "training";
const remotePort = 4443;
const root = path.join(__dirname, "..");

interface Hosts {
  /** This machine's address the other host reaches us at, and the other host's address. */
  local: string;
  remote: string;
  /** Runs a command on the other host. */
  prefix: string[];
  cleanup(): void;
  description: string;
}

function sh(command: string, args: string[]): void {
  const run = spawnSync(command, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${run.stderr.trim() || run.error?.message}`);
}

/** A second host in a network namespace with a veth pair (10.233.x.0/30), or loopback when that is not possible. */
function secondHost(): Hosts {
  const suffix = crypto.randomBytes(2).toString("hex");
  const namespace = `cng-${suffix}`;
  const [localLink, remoteLink] = [`cng${suffix}a`, `cng${suffix}b`];
  const subnet = `10.233.${crypto.randomInt(1, 250)}`;
  try {
    if (process.getuid?.() !== 0) throw new Error("not root");
    sh("ip", ["netns", "add", namespace]);
    try {
      sh("ip", ["link", "add", localLink, "type", "veth", "peer", "name", remoteLink]);
      sh("ip", ["link", "set", remoteLink, "netns", namespace]);
      sh("ip", ["addr", "add", `${subnet}.1/30`, "dev", localLink]);
      sh("ip", ["link", "set", localLink, "up"]);
      sh("ip", ["netns", "exec", namespace, "ip", "addr", "add", `${subnet}.2/30`, "dev", remoteLink]);
      sh("ip", ["netns", "exec", namespace, "ip", "link", "set", remoteLink, "up"]);
      sh("ip", ["netns", "exec", namespace, "ip", "link", "set", "lo", "up"]);
    } catch (error) {
      spawnSync("ip", ["link", "del", localLink]);
      spawnSync("ip", ["netns", "del", namespace]);
      throw error;
    }
    return {
      local: `${subnet}.1`,
      remote: `${subnet}.2`,
      prefix: ["ip", "netns", "exec", namespace],
      cleanup: () => {
        spawnSync("ip", ["link", "del", localLink]);
        spawnSync("ip", ["netns", "del", namespace]);
      },
      description: `network namespace ${namespace} at ${subnet}.2, reached over a veth pair from ${subnet}.1`,
    };
  } catch (error) {
    return {
      local: "127.0.0.1",
      remote: "127.0.0.1",
      prefix: [],
      cleanup: () => undefined,
      description: `a separate process on loopback: network namespaces are not available here (${(error as Error).message})`,
    };
  }
}

/** A private CA and a certificate for the other host's address, made with openssl for this run. */
function privatePki(dir: string, address: string): { ca: string; cert: string; key: string } {
  const file = (name: string) => path.join(dir, name);
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
  sh("openssl", [
    "req",
    "-x509",
    ...ec,
    "-days",
    "1",
    "-subj",
    "/CN=test network CA",
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.crt"),
  ]);
  sh("openssl", [
    "req",
    ...ec,
    "-subj",
    `/CN=${remoteName}`,
    "-keyout",
    file("subgraph.key"),
    "-out",
    file("subgraph.csr"),
  ]);
  fs.writeFileSync(file("san.cnf"), `subjectAltName=IP:${address}\n`);
  sh("openssl", [
    "x509",
    "-req",
    "-in",
    file("subgraph.csr"),
    "-CA",
    file("ca.crt"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-days",
    "1",
    "-extfile",
    file("san.cnf"),
    "-out",
    file("subgraph.crt"),
  ]);
  return { ca: file("ca.crt"), cert: file("subgraph.crt"), key: file("subgraph.key") };
}

async function waitReady(url: string, ca: Buffer, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the ${remoteName} subgraph ended with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      https
        .get(url, { ca, timeout: 2000 }, (response) => resolve(response.statusCode === 200))
        .on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the ${remoteName} subgraph was not ready within 120 s`);
}

async function main() {
  const hosts = secondHost();
  console.log(`the ${remoteName} subgraph runs on ${hosts.description}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "multi-host-"));
  const pki = privatePki(dir, hosts.remote);
  const privateKeys = { keys: [await newSigningKey()] };
  const signingKeys = await signingKeysFrom(privateKeys);
  const gatewayPort = 4400 + crypto.randomInt(0, 500);
  // The gateway listens where the other host reaches it: real client-token secret required off loopback.
  process.env.JWT_SECRET = crypto.randomBytes(32).toString("hex");
  process.env.SUBGRAPH_CA_FILE = pki.ca;

  const remoteUrl = `https://${hosts.remote}:${remotePort}/graphql`;
  const remote = spawn(
    hosts.prefix[0] ?? process.execPath,
    [
      ...hosts.prefix.slice(1),
      ...(hosts.prefix.length ? [process.execPath] : []),
      "-r",
      "@swc-node/register",
      "scripts/start-subgraph.ts",
      remoteName,
    ],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
      env: {
        ...process.env,
        DATABASE_URL: "memory://",
        SUBGRAPH_HOST: hosts.remote,
        TRAINING_PORT: String(remotePort),
        TLS_CERT_FILE: pki.cert,
        TLS_KEY_FILE: pki.key,
        GATEWAY_JWKS_URL: `http://${hosts.local}:${gatewayPort}/.well-known/jwks.json`,
        LOG_LEVEL: "warn",
      },
    },
  );
  const local: RunningSubgraph[] = [];
  const results: [string, boolean, string?][] = [];
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  try {
    for (const definition of subgraphs.filter((subgraph) => subgraph.name !== remoteName)) {
      local.push(
        await startSubgraph(definition, {
          target: embeddedTarget(definition.name, null),
          port: 0,
          viewerKeys: viewerKeysFrom(signingKeys.published),
        }),
      );
    }
    await waitReady(remoteUrl.replace("/graphql", "/ready"), fs.readFileSync(pki.ca), remote);
    const subgraphUrls = {
      ...Object.fromEntries(local.map((subgraph) => [subgraph.name, subgraph.url])),
      [remoteName]: remoteUrl,
    };
    gateway = await startGateway({ host: hosts.local, port: gatewayPort, signingKeys, subgraphUrls });
    const ask = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const response = await fetch(gateway!.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as {
        data?: Record<string, any>;
        errors?: { message: string; extensions?: { code?: string } }[];
      };
    };

    const catalogue = await ask("{ courses(first: 3) { totalCount edges { node { id networks { acronym } } } } }");
    results.push([
      "public data over https from the other host, joined with members",
      !catalogue.errors && catalogue.data?.courses.totalCount > 0,
      JSON.stringify(catalogue.errors),
    ]);

    const admin = await signClientToken(
      {
        sub: "fc-admin",
        name: null,
        networks: { "forum-cibercrime": ["NETWORK_ADMIN"] },
        authorityId: null,
        analyst: false,
      },
      "5m",
    );
    const course = {
      title: "Electronic evidence for prosecutors (multi-host check)",
      level: "BASIC",
      audiences: ["PROSECUTORS"],
      languages: ["pt"],
      provider: "Procuradoria-Geral da República",
      networks: ["forum-cibercrime"],
      source: "multi-host check",
    };
    const created = await ask(
      "mutation ($input: CourseInput!) { createCourse(input: $input) { id } }",
      { input: course },
      admin,
    );
    results.push([
      "a network admin's write, the viewer verified on the other host with the gateway's JWKS",
      !created.errors && Boolean(created.data?.createCourse?.id),
      JSON.stringify(created.errors),
    ]);

    const anonymous = await ask("mutation ($input: CourseInput!) { createCourse(input: $input) { id } }", {
      input: course,
    });
    results.push([
      "the same write without a token is refused there",
      anonymous.errors?.[0]?.extensions?.code === "UNAUTHENTICATED",
    ]);

    if (hosts.remote !== "127.0.0.1") {
      const plain = await startGateway({
        host: "127.0.0.1",
        port: 0,
        signingKeys,
        subgraphUrls: { ...subgraphUrls, [remoteName]: remoteUrl.replace("https:", "http:") },
      }).then(
        async (started) => {
          await started.close();
          return "started";
        },
        (error: Error) => error.message,
      );
      results.push(["plain HTTP to the other host is refused", /plain HTTP to another host/.test(plain), plain]);
    }
  } catch (error) {
    results.push([`the run itself: ${(error as Error).message}`, false]);
  } finally {
    await gateway?.close();
    for (const subgraph of local) await subgraph.stop();
    try {
      process.kill(-remote.pid!, "SIGTERM");
    } catch {
      // Already ended.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    hosts.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const [check, passed, detail] of results)
    console.log(`${passed ? "ok  " : "FAIL"} ${check}${passed || !detail ? "" : `: ${detail}`}`);
  const failed = results.filter(([, passed]) => !passed).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
