import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";
import { buildSchema, printSchema } from "graphql";
import fs from "node:fs";
import path from "node:path";
import { composeCommitted, CompositionFailed, schemaDir } from "../gateway/compose";

/** A breaking change let through on purpose: its message as the check prints it, and why. */
interface Acknowledgement {
  change: string;
  reason: string;
}

export interface SchemaCheck {
  ok: boolean;
  /** Composition problems; when there are any, no comparison is made. */
  compositionErrors: string[];
  breaking: string[];
  acknowledged: string[];
  dangerous: string[];
  safe: string[];
  /** The API schema the committed SDL composes to (written by `--accept`). */
  apiSdl: string;
}

export const publishedApiFile = "api.graphql";
export const acknowledgementsFile = "breaking-changes.json";

/**
 * Composes the supergraph from the committed SDL of every registered subgraph and compares the API schema clients
 * would see with the published one (schema/api.graphql): composition errors and unacknowledged breaking changes fail.
 */
export async function checkSchema(dir = schemaDir): Promise<SchemaCheck> {
  const empty = { breaking: [], acknowledged: [], dangerous: [], safe: [], apiSdl: "" };
  let apiSdl: string;
  try {
    apiSdl = printSchema(composeCommitted(dir).apiSchema);
  } catch (error) {
    if (error instanceof CompositionFailed) return { ok: false, compositionErrors: error.problems, ...empty };
    throw error;
  }
  const published = buildSchema(fs.readFileSync(path.join(dir, publishedApiFile), "utf8"));
  const changes = await diff(published, buildSchema(apiSdl));
  const acknowledgements = JSON.parse(
    fs.readFileSync(path.join(dir, acknowledgementsFile), "utf8"),
  ) as Acknowledgement[];
  const acknowledgedMessages = new Set(
    acknowledgements.filter((entry) => entry.reason?.trim()).map((entry) => entry.change),
  );
  const level = (wanted: CriticalityLevel) => (change: Change) => change.criticality.level === wanted;
  const breaking = changes.filter(level(CriticalityLevel.Breaking)).map((change) => change.message);
  return {
    ok: breaking.every((message) => acknowledgedMessages.has(message)),
    compositionErrors: [],
    breaking: breaking.filter((message) => !acknowledgedMessages.has(message)),
    acknowledged: breaking.filter((message) => acknowledgedMessages.has(message)),
    dangerous: changes.filter(level(CriticalityLevel.Dangerous)).map((change) => change.message),
    safe: changes.filter(level(CriticalityLevel.NonBreaking)).map((change) => change.message),
    apiSdl,
  };
}
