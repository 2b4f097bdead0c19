import crypto from "node:crypto";

/**
 * Realistic synthetic cooperation requests for tests and benchmarks (never in the default seed): kinds, outcomes and
 * delays in plausible proportions, deterministic for a given seed. Case data are placeholders.
 */
export interface SyntheticOptions {
  count: number;
  /** Authorities that send and receive, with their countries. */
  authorities: { id: string; countryCode: string }[];
  /** Requests are sent between `start` and `start + months`. */
  start: Date;
  months: number;
  seed?: number;
}

const kinds: [string, number][] = [
  ["PRESERVATION", 35],
  ["PRESERVATION_EXTENSION", 5],
  ["TRAFFIC_DATA_PARTIAL_DISCLOSURE", 5],
  ["MLA_SUBSCRIBER_INFORMATION", 25],
  ["MLA_STORED_DATA", 15],
  ["EMERGENCY_DISCLOSURE", 5],
  ["EMERGENCY_MLA", 2],
  ["DOMAIN_REGISTRATION_INFORMATION", 3],
  ["GENERAL_ASSISTANCE", 5],
];
const outcomes: [string, number][] = [
  ["DRAFT", 5],
  ["SENT", 8],
  ["ACKNOWLEDGED", 8],
  ["IN_PROGRESS", 12],
  ["EXECUTED", 47],
  ["PARTIALLY_EXECUTED", 8],
  ["REFUSED", 7],
  ["WITHDRAWN", 5],
];
const hour = 3_600_000;

/** mulberry32: a small, fast, seedable PRNG (also for the benchmark's other synthetic data). */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a value with probability proportional to its weight. */
export function weightedPicker(next: () => number) {
  return <Value>(weights: [Value, number][]): Value => {
    let roll = next() * weights.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of weights) if ((roll -= weight) < 0) return value;
    return weights[0][0];
  };
}

export function syntheticRequests(options: SyntheticOptions) {
  const next = seededRandom(options.seed ?? 1);
  const pick = weightedPicker(next);
  const span = options.months * 30 * 24 * hour;
  const requests: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const from = options.authorities[Math.floor(next() * options.authorities.length)];
    let to = options.authorities[Math.floor(next() * options.authorities.length)];
    if (to.id === from.id)
      to = options.authorities[(options.authorities.indexOf(from) + 1) % options.authorities.length];
    const kind = pick(kinds);
    const status = pick(outcomes);
    const urgent = kind.startsWith("EMERGENCY") || (kind.startsWith("PRESERVATION") && next() < 0.5);
    const createdAt = new Date(options.start.getTime() + Math.floor(next() * span));
    const sentAt = status === "DRAFT" ? null : new Date(createdAt.getTime() + Math.floor(next() * 4 * hour));
    const isExecuted = status === "EXECUTED" || status === "PARTIALLY_EXECUTED";
    const acknowledged =
      isExecuted ||
      status === "ACKNOWLEDGED" ||
      status === "IN_PROGRESS" ||
      ((status === "REFUSED" || status === "WITHDRAWN") && next() < 0.5);
    // Hours to acknowledge: mostly within a day, a long tail; execution: hours for preservation, weeks for MLA.
    const acknowledgedAt =
      sentAt && acknowledged ? new Date(sentAt.getTime() + Math.ceil(-Math.log(1 - next()) * 12 * hour)) : null;
    const executionHours = kind.startsWith("MLA") ? 24 * (5 + next() * 90) : 2 + next() * 70;
    const executedAt =
      isExecuted && acknowledgedAt ? new Date(acknowledgedAt.getTime() + Math.ceil(executionHours * hour)) : null;
    const final = isExecuted || status === "REFUSED" || status === "WITHDRAWN";
    const closedAt = final
      ? (executedAt ?? new Date((acknowledgedAt ?? sentAt ?? createdAt).getTime() + 24 * hour))
      : null;
    const responseTargetHours = kind.startsWith("EMERGENCY") ? 24 : null;
    const id = crypto
      .createHash("sha1")
      .update(`${options.seed ?? 1}:${index}`)
      .digest("hex")
      .slice(0, 32);
    // The steps it went through, each an event, as the lifecycle would have recorded them.
    const steps: [string, Date][] = [["DRAFT", createdAt]];
    if (sentAt) steps.push(["SENT", sentAt]);
    if (acknowledgedAt) steps.push(["ACKNOWLEDGED", acknowledgedAt]);
    if (acknowledgedAt && (isExecuted || status === "IN_PROGRESS"))
      steps.push(["IN_PROGRESS", new Date(acknowledgedAt.getTime() + hour)]);
    if (final) steps.push([status, closedAt!]);
    steps.forEach(([step, at], position) =>
      events.push({
        id: `${id}-${position}`,
        requestId: id,
        fromStatus: position === 0 ? null : steps[position - 1][0],
        status: step,
        version: position + 1,
        at,
        actorSub: "synthetic",
        actorAuthorityId: null,
        note: null,
      }),
    );
    requests.push({
      id,
      kind,
      status,
      version: steps.length,
      requestingAuthorityId: from.id,
      requestingCountryCode: from.countryCode,
      requestedAuthorityId: to.id,
      requestedCountryCode: to.countryCode,
      caseReference: `SYN-${index}`,
      urgent,
      previousRequestId: null,
      idempotencyKey: null,
      createdBy: "synthetic",
      content: JSON.stringify({ offence: { description: "Synthetic offence", summaryOfFacts: "Synthetic facts" } }),
      requestedTimeZone: "UTC",
      responseTargetHours,
      createdAt,
      sentAt,
      acknowledgedAt,
      executedAt,
      closedAt,
      responseDueAt: responseTargetHours && sentAt ? new Date(sentAt.getTime() + responseTargetHours * hour) : null,
      preservedUntil:
        executedAt && kind.startsWith("PRESERVATION") ? new Date(executedAt.getTime() + 60 * 24 * hour) : null,
    });
  }
  return { requests, events };
}
