const fs = require("node:fs");

// One transform configuration for the tests and for `npm start`: .swcrc (decorator metadata for type-graphql).
const swcConfig = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, "utf8"));

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/subgraphs", "<rootDir>/gateway", "<rootDir>/common"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { ...swcConfig, swcrc: false }] },
  setupFiles: ["<rootDir>/test/setup-env.ts"],
  // A safety net, not a speed target: a file starts seven subgraphs on embedded databases, slower on a busy machine.
  testTimeout: 180000,
};
