// The walls between the parts of the graph (README, "Running your network's subgraph"): a subgraph, with its Prisma
// folder, is a room of its own that a network may run on its own host; it refers to other subgraphs' entities by key.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "subgraph-imports-only-itself",
      comment: "A subgraph imports its own code and Prisma folder and common/ only: no other subgraph, seed or client.",
      severity: "error",
      from: { path: "^(subgraphs|prisma)/([^/]+)/" },
      to: { path: "^(subgraphs|prisma)/", pathNot: ["^subgraphs/$2/", "^prisma/$2/"] },
    },
    {
      name: "common-imports-no-part",
      comment: "common/ is shared by everything and so knows no subgraph, gateway, data or tooling.",
      severity: "error",
      from: { path: "^common/" },
      to: { path: "^(subgraphs|prisma|gateway|scripts|test|bench)/" },
    },
    {
      name: "gateway-imports-no-subgraph",
      comment:
        "The gateway knows subgraphs by name, URL and committed SDL only; composing this repository's is tooling.",
      severity: "error",
      from: { path: "^gateway/", pathNot: "^gateway/compose\\.ts$" },
      to: { path: "^(subgraphs|prisma)/" },
    },
    {
      name: "no-cycles",
      comment: "A cycle makes load order matter and the parts inseparable.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
  },
};
