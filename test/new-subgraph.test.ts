import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.join(__dirname, "..");
const run = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });

/**
 * The kit as a network's developer meets it: in a scratch copy of the repository, `npm run new-subgraph` makes a
 * subgraph that composes into the graph, type-checks, and answers through the gateway in its own generated test.
 * The generator writes no database of its own, so the PostgreSQL pass of the suite leaves it to the embedded one.
 */
const describeEmbedded = process.env.TEST_DATABASE_URL ? describe.skip : describe;

describeEmbedded("npm run new-subgraph", () => {
  let scratch: string;
  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "kit-"));
    const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: root, encoding: "utf8" })
      .split("\n")
      .filter((file) => file && !file.startsWith("node_modules/") && fs.existsSync(path.join(root, file)));
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(scratch, file));
    }
    fs.symlinkSync(path.join(root, "node_modules"), path.join(scratch, "node_modules"));
    for (const name of fs.readdirSync(path.join(root, "prisma"))) {
      const generated = path.join(root, "prisma", name, "generated");
      if (fs.existsSync(generated))
        fs.cpSync(generated, path.join(scratch, "prisma", name, "generated"), { recursive: true });
    }
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("creates a subgraph that composes, type-checks and answers through the gateway", () => {
    const created = run(scratch, [
      "-r",
      "@swc-node/register",
      "scripts/new-subgraph.ts",
      "cyber-demo",
      "--network",
      "ciberred",
    ]);
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    for (const file of [
      "subgraphs/cyber-demo/index.ts",
      "subgraphs/cyber-demo/schema.ts",
      "subgraphs/cyber-demo/loaders.ts",
      "subgraphs/cyber-demo/domain.ts",
      "prisma/cyber-demo/schema.prisma",
      "prisma/cyber-demo/seed/index.ts",
      "schema/cyber-demo.graphql",
      "test/cyber-demo.test.ts",
    ]) {
      expect(fs.existsSync(path.join(scratch, file))).toBe(true);
    }
    expect(
      fs.readdirSync(path.join(scratch, "prisma/cyber-demo/migrations")).some((entry) => entry.endsWith("_init")),
    ).toBe(true);
    expect(fs.readFileSync(path.join(scratch, "schema/supergraph.graphql"), "utf8")).toMatch(/cyberDemoNotices/);
    expect(fs.readFileSync(path.join(scratch, "docker-compose.yml"), "utf8")).toMatch(/\n {2}cyber-demo:\n/);
    expect(fs.readFileSync(path.join(scratch, ".github/CODEOWNERS"), "utf8")).toMatch(
      "/subgraphs/cyber-demo/ @cybercrime-networks-graph/ciberred",
    );

    const typecheck = run(scratch, [path.join(scratch, "node_modules/typescript/bin/tsc"), "--noEmit"]);
    expect(typecheck.stdout).toBe("");
    const tests = run(
      scratch,
      [
        "--experimental-vm-modules",
        "--no-warnings",
        "node_modules/jest/bin/jest.js",
        "test/cyber-demo.test.ts",
        "test/schema.test.ts",
        "test/docker-compose.test.ts",
        "test/walls.test.ts",
        "test/k8s.test.ts",
      ],
      { TEST_DATABASE_URL: "" },
    );
    expect(tests.stderr).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(tests.status).toBe(0);

    // Its Kubernetes manifests come with it: the supergraph now joins it.
    const manifests = run(scratch, [
      "-r",
      "@swc-node/register",
      "scripts/k8s.ts",
      "--only",
      "cyber-demo",
      "--out",
      path.join(scratch, "k8s"),
    ]);
    expect(manifests.stderr).toBe("");
    expect(manifests.stdout).toMatch(
      /cyber-demo\.k8s\.yaml: Deployment, Service, PodDisruptionBudget, HorizontalPodAutoscaler/,
    );

    const again = run(scratch, ["-r", "@swc-node/register", "scripts/new-subgraph.ts", "cyber-demo"]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/exists already/);
  }, 400_000);

  it.each(["Bad_Name", "1abc", "has space", "a--b"])("refuses the name %s", (name) => {
    const refused = run(scratch, ["-r", "@swc-node/register", "scripts/new-subgraph.ts", name]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/name must be lower-case/);
  });
});
