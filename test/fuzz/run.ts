import {
  changedButAnsweredNull,
  checkExchange,
  leakPatterns,
  mutationFailed,
  outcomeOf,
  refusedByCost,
  type CheckOptions,
  type Exchange,
} from "./checks";
import { changedTables, digester, type FuzzDatabase } from "./digest";
import { generateOperation, type Operation } from "./generate";
import type { FuzzSetup } from "./setup";

export interface RunOptions {
  seed: number;
  count: number;
  /** The first index (default 0); with `only`, just these indexes. */
  start?: number;
  only?: number[];
  /** Each subgraph's database, for the check that a failed mutation changed nothing; without, that check is off. */
  databases?: FuzzDatabase[];
  /** An answer later than this is a hang (default 15 s). */
  maxMs?: number;
  /** Queries in flight at once; mutations always run alone, between two digests (default 2). */
  concurrency?: number;
  /** Ports of the subgraphs, so that an error naming one is caught as a leak. */
  subgraphPorts?: number[];
  onProgress?: (done: number, total: number) => void;
}

export interface Failure {
  operation: Operation;
  exchange: Exchange;
  reasons: string[];
}

export interface FuzzSummary {
  seed: number;
  operations: number;
  ms: number;
  /** ok, or the first error's code (TIMEOUT, TRANSPORT, HTTP n for answers that are not GraphQL). */
  outcomes: Record<string, number>;
  /** Root field → outcome → count. */
  byField: Record<string, Record<string, number>>;
  refusedByCost: number;
  /** failed: answered with an error of the root field; dataChecked: digests compared; nullAfterChange: errors only in
   * the selection, `data: null` though the mutation ran (a non-null field below it failed). */
  mutations: { sent: number; failed: number; dataChecked: number; nullAfterChange: number };
  /** Data that changed between mutations, i.e. during queries (reported, not a failure). */
  changedByQueries: string[];
  slowest: { index: number; ms: number };
  failures: Failure[];
}

/** Sends one operation as its viewer; a hang becomes a transport error after `maxMs`. */
export async function send(setup: FuzzSetup, operation: Operation, maxMs: number): Promise<Exchange> {
  const started = performance.now();
  try {
    const response = await fetch(setup.gatewayUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...setup.viewerHeaders[operation.viewer],
        ...operation.headers,
      },
      body: operation.body,
      signal: AbortSignal.timeout(maxMs),
    });
    const text = await response.text();
    let body: Exchange["body"];
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, text, body, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const name = error instanceof Error ? error.name : "";
    const transportError =
      name === "TimeoutError" || name === "AbortError"
        ? `no answer within ${maxMs} ms (a hang)`
        : `request failed: ${error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error)}`;
    return { status: 0, text: "", ms, transportError };
  }
}

/** Runs the operations of a seed through the gateway and checks every answer. */
export async function runFuzz(setup: FuzzSetup, options: RunOptions): Promise<FuzzSummary> {
  const maxMs = options.maxMs ?? 15_000;
  const checks: CheckOptions = { patterns: leakPatterns(options.subgraphPorts), maxMs };
  const indexes = options.only ?? Array.from({ length: options.count }, (_, i) => (options.start ?? 0) + i);
  const summary: FuzzSummary = {
    seed: options.seed,
    operations: 0,
    ms: 0,
    outcomes: {},
    byField: {},
    refusedByCost: 0,
    mutations: { sent: 0, failed: 0, dataChecked: 0, nullAfterChange: 0 },
    changedByQueries: [],
    slowest: { index: -1, ms: 0 },
    failures: [],
  };
  const digests = options.databases ? await digester(options.databases) : null;
  let lastDigest = digests ? await digests.digest() : null;
  const started = performance.now();

  const record = (operation: Operation, exchange: Exchange, extraReasons: string[] = []) => {
    const outcome = outcomeOf(exchange);
    summary.operations += 1;
    summary.outcomes[outcome] = (summary.outcomes[outcome] ?? 0) + 1;
    const field = `${operation.root.kind === "mutation" ? "Mutation" : "Query"}.${operation.root.name}`;
    const byField = (summary.byField[field] ??= {});
    byField[outcome] = (byField[outcome] ?? 0) + 1;
    if (refusedByCost(exchange)) summary.refusedByCost += 1;
    if (exchange.ms > summary.slowest.ms) summary.slowest = { index: operation.index, ms: exchange.ms };
    const reasons = [...checkExchange(operation, exchange, checks), ...extraReasons];
    if (reasons.length > 0) summary.failures.push({ operation, exchange, reasons });
    options.onProgress?.(summary.operations, indexes.length);
  };

  const inFlight = new Set<Promise<void>>();
  const concurrency = Math.max(1, options.concurrency ?? 2);
  for (const index of indexes) {
    const operation = generateOperation(setup, options.seed, index);
    if (operation.root.kind === "mutation") {
      // Alone, between two digests of every database.
      await Promise.all(inFlight);
      summary.mutations.sent += 1;
      const before = digests ? await digests.digest() : null;
      if (before && lastDigest) {
        for (const table of changedTables(lastDigest, before))
          if (!summary.changedByQueries.includes(table)) summary.changedByQueries.push(table);
      }
      const exchange = await send(setup, operation, maxMs);
      const extra: string[] = [];
      if (digests && before) {
        const after = await digests.digest();
        lastDigest = after;
        if (mutationFailed(exchange)) {
          summary.mutations.dataChecked += 1;
          const changed = changedTables(before, after);
          if (changed.length > 0) extra.push(`data changed although the mutation failed: ${changed.join(", ")}`);
        }
      }
      if (mutationFailed(exchange)) summary.mutations.failed += 1;
      if (changedButAnsweredNull(exchange)) summary.mutations.nullAfterChange += 1;
      record(operation, exchange, extra);
      continue;
    }
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    const task: Promise<void> = send(setup, operation, maxMs).then((exchange) => {
      record(operation, exchange);
      inFlight.delete(task);
    });
    inFlight.add(task);
  }
  await Promise.all(inFlight);
  summary.ms = Math.round(performance.now() - started);
  summary.failures.sort((a, b) => a.operation.index - b.operation.index);
  return summary;
}

/** The summary as JSON for a report file, its huge strings (bodies of 100k characters) cut. */
export function summaryJson(summary: FuzzSummary): string {
  return JSON.stringify(
    summary,
    (_key, value: unknown) =>
      typeof value === "string" && value.length > 4000 ? `${value.slice(0, 4000)}…(${value.length} chars)` : value,
    2,
  );
}

/** Long strings of a document or of variables cut to a readable size. */
export function shorten(text: string, max = 160): string {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, (literal) =>
    literal.length > max ? `${literal.slice(0, 60)}…(${literal.length} chars)…"` : literal,
  );
}

/** A reason with its particulars (quoted values, numbers) blanked, so that alike failures group together. */
export function reasonKind(reason: string): string {
  return reason
    .replace(/\s+/g, " ")
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\d+/g, "N")
    .replace(/(data changed although the mutation failed: ).*/, "$1…")
    .slice(0, 160);
}

export interface FailureGroup {
  kind: string;
  count: number;
  example: Failure;
  fields: Set<string>;
}

/** Failures with the same reasons (particulars aside) together, most frequent first. */
export function groupFailures(failures: Failure[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const failure of failures) {
    const reasons = [...new Set(failure.reasons.map(reasonKind))].join(" | ");
    const kind = failure.operation.envelope ? `${reasons} (request: ${failure.operation.envelope})` : reasons;
    const group = groups.get(kind) ?? { kind, count: 0, example: failure, fields: new Set<string>() };
    group.count += 1;
    group.fields.add(failure.operation.root.name);
    groups.set(kind, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

export function replayCommand(operation: Operation): string {
  return `npm run fuzz -- --seed ${operation.seed} --only ${operation.index}`;
}

export function formatFailure(failure: Failure): string {
  const { operation, exchange } = failure;
  const answer = exchange.transportError ?? `HTTP ${exchange.status} ${shorten(exchange.text).slice(0, 1500)}`;
  return [
    `#${operation.index} (seed ${operation.seed}) ${operation.root.kind} ${operation.root.name} as ${operation.viewer}, ` +
      `${operation.mode} values${operation.envelope ? `, ${operation.envelope}` : ""}, ${exchange.ms} ms`,
    `  replay:    ${replayCommand(operation)}`,
    `  reasons:   ${failure.reasons.join("; ")}`,
    `  operation: ${shorten(operation.query)}`,
    `  variables: ${shorten(operation.variables)}`,
    ...(Object.keys(operation.headers).length > 0 ? [`  headers:   ${JSON.stringify(operation.headers)}`] : []),
    ...(operation.envelope ? [`  request:   ${operation.envelope}: ${shorten(operation.body).slice(0, 1500)}`] : []),
    `  answer:    ${answer}`,
  ].join("\n");
}

export function formatSummary(summary: FuzzSummary, examples = 12): string {
  const seconds = summary.ms / 1000;
  const outcomes = Object.entries(summary.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, count]) => `${outcome} ${count}`)
    .join(", ");
  const neverOk = Object.entries(summary.byField)
    .filter(([, outcomes]) => !outcomes.ok)
    .map(([field]) => field);
  const lines = [
    `fuzz: ${summary.operations} operations, seed ${summary.seed}, ${seconds.toFixed(1)} s ` +
      `(${(summary.ms / Math.max(1, summary.operations)).toFixed(1)} ms/op; slowest #${summary.slowest.index} ${summary.slowest.ms} ms)`,
    `outcomes: ${outcomes}`,
    `refused by cost: ${summary.refusedByCost} (${((100 * summary.refusedByCost) / Math.max(1, summary.operations)).toFixed(1)}%)`,
    `mutations: ${summary.mutations.sent} sent, ${summary.mutations.failed} failed, ` +
      `${summary.mutations.dataChecked} checked for unchanged data, ` +
      `${summary.mutations.nullAfterChange} answered data: null for an error in the selection only`,
    `root fields never answered without error: ${neverOk.length > 0 ? neverOk.join(", ") : "none"}`,
  ];
  if (summary.changedByQueries.length > 0)
    lines.push(`data changed between mutations (by queries): ${summary.changedByQueries.join(", ")}`);
  if (summary.failures.length === 0) {
    lines.push("failures: none");
    return lines.join("\n");
  }
  const groups = groupFailures(summary.failures);
  lines.push(`failures: ${summary.failures.length} operations, ${groups.length} kinds:`);
  for (const group of groups) {
    lines.push(
      `  ${String(group.count).padStart(5)} × ${group.kind}  [${[...group.fields].slice(0, 6).join(", ")}${group.fields.size > 6 ? ", …" : ""}]`,
    );
  }
  lines.push("", `one example of each kind (of the first ${examples}):`);
  for (const group of groups.slice(0, examples)) lines.push(formatFailure(group.example), "");
  return lines.join("\n");
}
