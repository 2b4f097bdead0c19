import { defineConfig } from "prisma/config";
import { cliAdapter } from "../cli-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils; at run time they fit.
  adapter: cliAdapter as never,
});
