import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { clientToken, useTestGraph } from "./harness";

// The offline explorer in a real browser (Debian's chromium): it loads with no request leaving this machine, runs a
// query and shows the answer. GATEWAY_LANDING_PAGE=local also serves it at /graphql to a browser.
process.env.GATEWAY_LANDING_PAGE = "local";
const graph = useTestGraph();
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let browser: Browser;
beforeAll(async () => {
  if (!fs.existsSync("/usr/bin/chromium"))
    throw new Error("this test needs Debian's chromium: apt-get install chromium");
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  delete process.env.GATEWAY_LANDING_PAGE;
});

describe("the offline explorer", () => {
  it("is served with a policy that lets the page reach only its own origin", async () => {
    const response = await fetch(new URL("/explorer", graph.gatewayUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'.*connect-src 'self'/);
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
    const catalogue = (await (await fetch(new URL("/explorer/catalogue.json", graph.gatewayUrl))).json()) as {
      name: string;
    }[];
    expect(catalogue.map((operation) => operation.name)).toContain("NetworkCoverage");
    // GATEWAY_LANDING_PAGE=local: a browser asking /graphql gets the same page, not Apollo Sandbox.
    const landing = await fetch(graph.gatewayUrl, { headers: { accept: "text/html" } });
    expect(await landing.text()).toContain("/explorer/assets/graphiql.js");
    expect((await fetch(new URL("/explorer/assets/../../graphql", graph.gatewayUrl))).status).not.toBe(200);
    expect((await fetch(new URL("/explorer/assets/package.json", graph.gatewayUrl))).status).toBe(404);
  });

  it("loads with no request leaving the machine, runs a query and shows its answer", async () => {
    const origin = new URL(graph.gatewayUrl).origin;
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    const failed: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    page.on("requestfailed", (request) => failed.push(request.url()));
    page.on("pageerror", (error) => failed.push(`page error: ${error.message}`));
    await page.goto(`${origin}/explorer`);
    // The explorer plugin's button and the run button: GraphiQL is up with the plugin.
    await page.locator(".graphiql-execute-button").waitFor({ timeout: 20_000 });
    await page.locator('button[aria-label="Show GraphiQL Explorer"]').click();
    await page.locator(".graphiql-explorer-root").first().waitFor({ timeout: 20_000 });
    await page.locator(".graphiql-execute-button").click();
    // The welcome tab asks for the networks: their acronyms appear in the answer.
    await page.locator(".result-window").getByText('"EJCN"', { exact: true }).waitFor({ timeout: 20_000 });
    const answer = await page.locator(".result-window").innerText();
    expect(answer).toContain('"acronym": "GPEN"');
    // A catalogue question for analysts, asked with the Authorization header set in the headers editor.
    await page.locator(".graphiql-tab", { hasText: "RequestsBetweenCountries" }).click();
    await page.getByRole("button", { name: "Headers" }).click();
    await page.locator(".graphiql-editor-tool .graphiql-editor").last().click();
    const token = await clientToken({ sub: "analyst", analyst: true, networks: {} });
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
    await page.locator(".graphiql-execute-button").click();
    await page.locator(".result-window").getByText('"minimumCell"').waitFor({ timeout: 20_000 });
    expect(await page.locator(".result-window").innerText()).not.toContain("UNAUTHENTICATED");
    expect(failed).toEqual([]);
    const elsewhere = requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
    expect(elsewhere).toEqual([]);
    expect(requested).toContain(`${origin}/graphql`);
    await context.close();
  }, 60_000);
});
