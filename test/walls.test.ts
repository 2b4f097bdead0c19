import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.join(__dirname, "..");
const depcruise = (cwd: string, ...folders: string[]) =>
  spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs"),
      "--config",
      path.join(root, ".dependency-cruiser.cjs"),
      ...folders,
    ],
    { cwd, encoding: "utf8" },
  );

/** A scratch tree with the repository's layout and the given files. */
function scratch(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walls-"));
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "commonjs" } }));
  for (const folder of ["common", "gateway", "subgraphs", "prisma"]) fs.mkdirSync(path.join(dir, folder));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe("walls between the parts of the graph", () => {
  it("hold in this repository", () => {
    const run = depcruise(root, "common", "gateway", "subgraphs", "prisma", "scripts", "test", "bench");
    expect(run.stdout).toContain("no dependency violations found");
    expect(run.status).toBe(0);
  });

  it.each([
    [
      "a subgraph importing another subgraph",
      "subgraphs/gpen/domain.ts",
      'import { x } from "../ejcn/domain";',
      "subgraph-imports-only-itself",
    ],
    [
      "a seed importing another subgraph's seed",
      "prisma/contacts/seed/index.ts",
      'import { x } from "../../members/seed/index";',
      "subgraph-imports-only-itself",
    ],
    [
      "a subgraph importing another's Prisma client",
      "subgraphs/gpen/loaders.ts",
      'import { x } from "../../prisma/ejcn/client";',
      "subgraph-imports-only-itself",
    ],
    [
      "common/ importing a subgraph",
      "common/util.ts",
      'import { x } from "../subgraphs/ejcn/domain";',
      "common-imports-no-part",
    ],
    [
      "the gateway importing a subgraph",
      "gateway/index.ts",
      'import { x } from "../subgraphs/ejcn/domain";',
      "gateway-imports-no-subgraph",
    ],
  ])("are enforced: %s fails the check", (_label, file, importLine, rule) => {
    const dir = scratch({
      [file]: `${importLine}\nexport const y = x;\n`,
      "subgraphs/ejcn/domain.ts": "export const x = 1;\n",
      "prisma/members/seed/index.ts": "export const x = 1;\n",
      "prisma/ejcn/client.ts": "export const x = 1;\n",
    });
    try {
      const run = depcruise(dir, "common", "gateway", "subgraphs", "prisma");
      expect(run.status).not.toBe(0);
      expect(run.stdout).toContain(`error ${rule}: ${file}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
