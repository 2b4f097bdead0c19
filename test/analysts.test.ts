import { loadCatalogue } from "../gateway/catalogue";
import { rowsOf, toCsv } from "../gateway/export";
import { bearer, clientToken, useTestGraph } from "./harness";

// The analysts' catalogue of ready-made questions (analysts/catalogue/) runs whole through the graph under the default
// limits, and each of its operations exports as CSV at /export/<operation>.csv with the graph's token rules.
const graph = useTestGraph();
const catalogue = loadCatalogue();
const analyst = async () => bearer(await clientToken({ sub: "analyst", analyst: true, networks: {} }));
const exportUrl = (path: string) => new URL(path, graph.gatewayUrl).href;

/** A CSV of this module's export, read back: its header and rows (quoted cells unquoted). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += char;
  }
  return rows;
}

describe("the catalogue", () => {
  it("holds one named, documented operation per question of issue 18", () => {
    expect([...catalogue.keys()]).toEqual([
      "EventActivity",
      "NetworkCoverage",
      "PreservationsFollowedByMla",
      "RequestTimesByRequestedCountry",
      "RequestsBetweenCountries",
      "StaleContactLists",
      "TrainedCountries",
    ]);
    for (const operation of catalogue.values()) expect(operation.question.length).toBeGreaterThan(40);
  });

  it.each([...catalogue.keys()])("runs %s as an analyst under the default limits", async (name) => {
    const operation = catalogue.get(name)!;
    const { status, body } = await graph.query(operation.document, {}, await analyst());
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(Object.values(body.data ?? {})[0]).not.toBeNull();
  });
});

describe("CSV export", () => {
  it("turns nested answers into one row per innermost item, safely quoted", () => {
    const rows = rowsOf({
      total: 2,
      items: [
        { code: "PT", country: { name: 'Portugal, "PT"' }, levels: [{ level: "BASIC" }, { level: "ADVANCED" }] },
        { code: "NO", country: null, levels: [] },
      ],
    });
    expect(rows).toEqual([
      { total: 2, "items.code": "PT", "items.country.name": 'Portugal, "PT"', "items.levels.level": "BASIC" },
      { total: 2, "items.code": "PT", "items.country.name": 'Portugal, "PT"', "items.levels.level": "ADVANCED" },
      { total: 2, "items.code": "NO", "items.country": null },
    ]);
    expect(toCsv(rows)).toBe(
      [
        "total,items.code,items.country.name,items.levels.level,items.country",
        '2,PT,"Portugal, ""PT""",BASIC,',
        '2,PT,"Portugal, ""PT""",ADVANCED,',
        "2,NO,,,",
        "",
      ].join("\r\n"),
    );
    // A text a spreadsheet would run as a formula is kept as text; numbers stay numbers.
    expect(toCsv([{ a: "=HYPERLINK(1)", b: -3, c: "-x" }])).toBe("a,b,c\r\n'=HYPERLINK(1),-3,'-x\r\n");
  });

  it("exports a catalogue operation with its variables, the same figures as the graph's answer", async () => {
    const response = await fetch(exportUrl("/export/NetworkCoverage.csv?network=forum-cibercrime"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="NetworkCoverage.csv"');
    const [header, ...rows] = parseCsv(await response.text());
    const answer = (await graph.query(catalogue.get("NetworkCoverage")!.document, { network: "forum-cibercrime" })).body
      .data.networkCoverage;
    // The Fórum's 8 founding prosecution services and Macau: one row per member country.
    expect(answer.memberCountries).toBe(9);
    expect(rows).toHaveLength(answer.countries.length);
    const column = (name: string) => header.indexOf(name);
    expect(column("countries.country.name")).toBeGreaterThan(0);
    answer.countries.forEach((country: { countryCode: string; country: { name: string } }, i: number) => {
      expect(rows[i][column("networkId")]).toBe("forum-cibercrime");
      expect(rows[i][column("memberCountries")]).toBe("9");
      expect(rows[i][column("countries.countryCode")]).toBe(country.countryCode);
      expect(rows[i][column("countries.country.name")]).toBe(country.country.name);
    });
  });

  it("keeps the graph's token rules: request analytics for analysts only", async () => {
    const url = exportUrl("/export/RequestsBetweenCountries.csv?from=2020-01-01&kind=PRESERVATION");
    expect((await fetch(url)).status).toBe(401);
    const member = bearer(await clientToken({ sub: "m", networks: { ejcn: ["MEMBER"] } }));
    const refused = await fetch(url, { headers: member });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/^FORBIDDEN: /);
    expect((await fetch(url, { headers: { authorization: "Bearer forged" } })).status).toBe(401);
    const allowed = await fetch(url, { headers: await analyst() });
    expect(allowed.status).toBe(200);
    expect(parseCsv(await allowed.text())[0]).toEqual(expect.arrayContaining(["minimumCell", "suppressedPairs"]));
  });

  it("runs only catalogue operations, with their own variables", async () => {
    expect((await fetch(exportUrl("/export/NoSuchQuestion.csv"))).status).toBe(404);
    expect((await fetch(exportUrl("/export/../graphql.csv"))).status).toBe(404);
    expect((await fetch(exportUrl("/export/NetworkCoverage.json"))).status).toBe(404);
    const unknown = await fetch(exportUrl("/export/NetworkCoverage.csv?query={me{sub}}"));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toMatch(/has no variable query; it takes: network/);
    const bad = await fetch(exportUrl("/export/NetworkCoverage.csv?network=no-such-network"));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^BAD_USER_INPUT: /);
    expect((await fetch(exportUrl("/export/NetworkCoverage.csv"), { method: "POST" })).status).toBe(405);
  });
});
