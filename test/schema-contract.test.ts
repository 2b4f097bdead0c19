import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { schemaDir } from "../gateway/compose";
import { checkSchema } from "../scripts/schema-contract";

/** A scratch copy of schema/ with one file changed. */
function scratch(change: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "schema-"));
  fs.cpSync(schemaDir, dir, { recursive: true });
  change(dir);
  return dir;
}
const edit = (dir: string, file: string, from: string | RegExp, to: string) => {
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${file}: nothing matched ${String(from)}`);
  fs.writeFileSync(path.join(dir, file), changed);
};

const acknowledge = (dir: string, entry: { change: string; reason: string }) => {
  const file = path.join(dir, "breaking-changes.json");
  fs.writeFileSync(file, JSON.stringify([...(JSON.parse(fs.readFileSync(file, "utf8")) as object[]), entry]));
};

describe("npm run schema:check", () => {
  it("passes on the committed schema", async () => {
    expect((await checkSchema()).ok).toBe(true);
  });

  it("fails on a removed field, naming it", async () => {
    const dir = scratch((copy) =>
      edit(copy, "members.graphql", /\n\s+"""[^"]*"""\n\s+acronym: String!|\n\s+acronym: String!/, ""),
    );
    const check = await checkSchema(dir);
    expect(check.ok).toBe(false);
    expect(check.breaking).toContain("Field 'acronym' was removed from object type 'Network'");
  });

  it("fails on an argument made required", async () => {
    const dir = scratch((copy) =>
      edit(
        copy,
        "members.graphql",
        "    filter: CountryFilter\n  ): CountryConnection",
        "    filter: CountryFilter!\n  ): CountryConnection",
      ),
    );
    const check = await checkSchema(dir);
    expect(check.ok).toBe(false);
    expect(check.breaking.join("\n")).toMatch(/Query\.countries.*filter|filter.*Query\.countries/);
  });

  it("fails on a composition error, listing it", async () => {
    // A second subgraph defines a root field that members owns, with another type.
    const dir = scratch((copy) =>
      fs.appendFileSync(path.join(copy, "training.graphql"), "\nextend type Query {\n  networks: Int\n}\n"),
    );
    const check = await checkSchema(dir);
    expect(check.ok).toBe(false);
    expect(check.compositionErrors.join("\n")).toMatch(/Query\.networks/);
  });

  it("passes on an additive change and lists it as safe", async () => {
    const dir = scratch((copy) =>
      edit(copy, "members.graphql", /type Query \{\n/, 'type Query {\n  """A new field."""\n  motto: String\n'),
    );
    const check = await checkSchema(dir);
    expect(check.ok).toBe(true);
    expect(check.safe).toContain("Field 'motto' was added to object type 'Query'");
  });

  it("passes a breaking change only when acknowledged with a reason", async () => {
    const removal = "Field 'acronym' was removed from object type 'Network'";
    const withoutReason = scratch((copy) => {
      edit(copy, "members.graphql", /\n\s+"""[^"]*"""\n\s+acronym: String!|\n\s+acronym: String!/, "");
      acknowledge(copy, { change: removal, reason: " " });
    });
    expect((await checkSchema(withoutReason)).ok).toBe(false);
    const withReason = scratch((copy) => {
      edit(copy, "members.graphql", /\n\s+"""[^"]*"""\n\s+acronym: String!|\n\s+acronym: String!/, "");
      acknowledge(copy, { change: removal, reason: "renamed (test)" });
    });
    const check = await checkSchema(withReason);
    expect(check.ok).toBe(true);
    expect(check.acknowledged).toContain(removal);
  });
});
