import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import fs from "node:fs";
import path from "node:path";
import { envOptional } from "../common/config";
import type { Route } from "../common/http";
import type { CatalogueOperation } from "./catalogue";

// The analysts' explorer that needs no internet: GraphiQL with the explorer plugin, served at /explorer from the npm
// packages installed with the gateway (their browser builds, read at start), with the catalogue of ready-made
// questions as its tabs. A Content-Security-Policy lets the page reach nothing but this origin, so nothing it loads or
// sends leaves the machine. GATEWAY_LANDING_PAGE chooses what a browser gets at /graphql: Apollo Sandbox (`sandbox`,
// loaded from Apollo's servers), this explorer (`local`) or nothing (`off`); /explorer is served unless `off`.

export type LandingPage = "sandbox" | "local" | "off";

/** GATEWAY_LANDING_PAGE, else Sandbox where it is switched on (GATEWAY_SANDBOX) and nothing otherwise. */
export function landingPageFromEnv(sandbox: boolean): LandingPage {
  const value = envOptional("GATEWAY_LANDING_PAGE")?.trim().toLowerCase();
  if (value === undefined || value === "") return sandbox ? "sandbox" : "off";
  if (value === "sandbox" || value === "local" || value === "off") return value;
  throw new Error(`GATEWAY_LANDING_PAGE must be sandbox, local or off, not "${value}"`);
}

const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] }));
const reactDir = (name: string) => path.dirname(require.resolve(name, { paths: [__dirname] }));

/** The browser builds served under /explorer/assets/, by file name. */
function assets(): Map<string, { type: string; body: Buffer }> {
  const js = "text/javascript; charset=utf-8";
  const css = "text/css; charset=utf-8";
  const files: [string, string, string][] = [
    ["react.js", path.join(reactDir("react"), "umd", "react.production.min.js"), js],
    ["react-dom.js", path.join(reactDir("react-dom"), "umd", "react-dom.production.min.js"), js],
    ["graphiql.js", path.join(packageDir("graphiql"), "graphiql.min.js"), js],
    ["graphiql.css", path.join(packageDir("graphiql"), "graphiql.min.css"), css],
    ["plugin-explorer.js", require.resolve("@graphiql/plugin-explorer/dist/index.umd.js", { paths: [__dirname] }), js],
    ["plugin-explorer.css", require.resolve("@graphiql/plugin-explorer/dist/style.css", { paths: [__dirname] }), css],
  ];
  return new Map(files.map(([name, file, type]) => [name, { type, body: fs.readFileSync(file) }]));
}

/** The page's own script: GraphiQL over this origin's /graphql, the explorer plugin, the catalogue as tabs. */
const pageScript = `"use strict";
(async () => {
  const catalogue = await (await fetch("/explorer/catalogue.json")).json();
  const fetcher = GraphiQL.createFetcher({ url: new URL("/graphql", location.origin).href });
  const explorer = GraphiQLPluginExplorer.explorerPlugin();
  const welcome = "# Offline explorer of the graph. Set the Authorization header (Headers, below) to\\n" +
    "# {\\"Authorization\\": \\"Bearer <token>\\"} to ask as yourself; analysts' questions are in the other tabs.\\n" +
    "{\\n  networks {\\n    id\\n    acronym\\n  }\\n}\\n";
  const tabs = [{ query: welcome }].concat(catalogue.map((operation) => ({ query: operation.document })));
  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, {
      fetcher,
      plugins: [explorer],
      defaultTabs: tabs,
      defaultEditorToolsVisibility: "headers",
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );
})();
`;

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Explorer — cybercrime networks graph</title>
<link rel="stylesheet" href="/explorer/assets/graphiql.css">
<link rel="stylesheet" href="/explorer/assets/plugin-explorer.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the explorer…</div>
<script src="/explorer/assets/react.js"></script>
<script src="/explorer/assets/react-dom.js"></script>
<script src="/explorer/assets/graphiql.js"></script>
<script src="/explorer/assets/plugin-explorer.js"></script>
<script src="/explorer/assets/page.js"></script>
</body>
</html>
`;

/** Nothing but this origin: scripts, styles, fonts, images and requests alike. */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and its editor set style attributes and insert style elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const pageHeaders = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": contentSecurityPolicy,
  "x-content-type-options": "nosniff",
  "cache-control": "no-cache",
};

/** /explorer (the page), /explorer/catalogue.json and /explorer/assets/<file>. */
export function explorerRoute(catalogue: Map<string, CatalogueOperation>): Route {
  const files = assets();
  files.set("page.js", { type: "text/javascript; charset=utf-8", body: Buffer.from(pageScript) });
  const catalogueJson = JSON.stringify(
    [...catalogue.values()].map(({ name, question, document }) => ({ name, question, document })),
  );
  return (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD")
      return void response.writeHead(405, { allow: "GET, HEAD" }).end();
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname === "/explorer" || pathname === "/explorer/")
      return void response.writeHead(200, pageHeaders).end(page);
    if (pathname === "/explorer/catalogue.json")
      return void response
        .writeHead(200, { "content-type": "application/json", "cache-control": "no-cache" })
        .end(catalogueJson);
    const asset = /^\/explorer\/assets\/([a-z.-]+)$/.exec(pathname)?.[1];
    const file = asset ? files.get(asset) : undefined;
    if (!file) return void response.writeHead(404, { "content-type": "text/plain" }).end("no such file\n");
    response
      .writeHead(200, {
        "content-type": file.type,
        "cache-control": "max-age=3600",
        "x-content-type-options": "nosniff",
      })
      .end(file.body);
  };
}

/** What a browser gets at /graphql. */
export function landingPagePlugin(mode: LandingPage): ApolloServerPlugin {
  if (mode === "sandbox") return ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
  if (mode === "off") return ApolloServerPluginLandingPageDisabled();
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: page };
        },
      };
    },
  };
}
