import { graphError } from "./errors";

// Pieces shared by the subgraphs' per-viewer Prisma clients (each subgraph's `visibility.ts`), which decide in one
// place who sees which rows.

/** Refuses an operation the viewer may not run: FORBIDDEN, nothing read or written. */
export const refuse = (what: string): never => {
  throw graphError("FORBIDDEN", `not allowed to ${what}`);
};

/** The rows of a create or createMany, one or several. */
export const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A row with a string id (what a client remembers having returned, so that it may write beneath it). */
export const hasId = (row: unknown): row is { id: string } =>
  typeof row === "object" && row !== null && "id" in row && typeof row.id === "string";
