import crypto from "node:crypto";
import type { Prisma } from "../../prisma/requests/generated/client";
import type { Side } from "./domain";
import { RequestStatus } from "./types/request";

// Who is told of what, and how often a delivery is tried (issue 17). The rows are the transactional outbox: written in
// the transaction of the change they report, so a change is never committed without its notifications, and delivered
// afterwards by the worker (delivery.ts).

export const NotificationEvent = {
  SENT: "SENT",
  ACKNOWLEDGED: "ACKNOWLEDGED",
  EXECUTED: "EXECUTED",
  PARTIALLY_EXECUTED: "PARTIALLY_EXECUTED",
  REFUSED: "REFUSED",
  WITHDRAWN: "WITHDRAWN",
  PRESERVATION_ENDING: "PRESERVATION_ENDING",
} as const;
export type NotificationEvent = (typeof NotificationEvent)[keyof typeof NotificationEvent];

/** Steps the other side is told of; a step into IN_PROGRESS is the requested side's own bookkeeping. */
const toldSteps = new Set<RequestStatus>([
  RequestStatus.SENT,
  RequestStatus.ACKNOWLEDGED,
  RequestStatus.EXECUTED,
  RequestStatus.PARTIALLY_EXECUTED,
  RequestStatus.REFUSED,
  RequestStatus.WITHDRAWN,
]);

/** The event a step into `status` produces, or null when nobody is told. */
export const eventOfStep = (status: RequestStatus): NotificationEvent | null =>
  toldSteps.has(status) ? (status as NotificationEvent) : null;

/** A preservation's requesting side is reminded this long before the period ends, to extend it or follow up. */
export const reminderLeadDays = 10;

interface RequestParties {
  id: string;
  version: number;
  requestingAuthorityId: string;
  requestedAuthorityId: string;
}

/** Where one authority is told: its admins' settings, as read in the transaction of the event. */
export interface RecipientSettings {
  authorityId: string;
  emails: string[];
  webhookUrl: string | null;
  language: string;
}

/** The side that did not take a step: the one told of it. */
export const otherSide = (side: Side): Side => (side === "REQUESTING" ? "REQUESTED" : "REQUESTING");

/** The authority on one side of a request. */
export const authorityOn = (request: RequestParties, side: Side): string =>
  side === "REQUESTING" ? request.requestingAuthorityId : request.requestedAuthorityId;

/**
 * The outbox rows of one event for the authority on the told side, per its settings. An authority that registered no
 * address gets one parked row, so its admins and the networks' admins see that it was not told.
 */
export function outboxRows(
  request: RequestParties,
  event: NotificationEvent,
  toldSide: Side,
  settings: RecipientSettings | null,
  at: Date,
  occurrence = String(request.version),
): Prisma.NotificationCreateManyInput[] {
  const recipientAuthorityId = authorityOn(request, toldSide);
  const row = (channel: "EMAIL" | "WEBHOOK", target: string): Prisma.NotificationCreateManyInput => ({
    id: crypto.randomUUID(),
    requestId: request.id,
    event,
    requestVersion: request.version,
    recipientAuthorityId,
    channel,
    target,
    language: settings?.language ?? "en",
    idempotencyKey: idempotencyKey(request.id, event, occurrence, channel, target),
    nextAttemptAt: at,
    createdAt: at,
  });
  const rows = [
    ...(settings?.emails ?? []).map((email) => row("EMAIL", email)),
    ...(settings?.webhookUrl ? [row("WEBHOOK", settings.webhookUrl)] : []),
  ];
  if (rows.length > 0) return rows;
  return [{ ...row("EMAIL", ""), state: "PARKED", lastError: noAddress }];
}

export const noAddress = "no notification address registered for the authority";

/**
 * One key per event, recipient and channel, the same in every worker and replica: a receiver that sees it twice drops
 * the second. The address is hashed in, never shown.
 */
export function idempotencyKey(
  requestId: string,
  event: NotificationEvent,
  occurrence: string,
  channel: string,
  target: string,
): string {
  return crypto
    .createHash("sha256")
    .update([requestId, event, occurrence, channel, target].join("\n"))
    .digest("base64url")
    .slice(0, 32);
}

/** Retries: after the base delay, then doubling up to 6 h, with ±20 % jitter so that failed deliveries do not return together. */
export function nextAttemptDelayMs(attempts: number, baseMs: number, random = Math.random): number {
  const capped = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
  return Math.round(capped * (0.8 + 0.4 * random()));
}

/** A delivery that failed this way will not succeed by trying again: parked at once. */
export class PermanentDeliveryError extends Error {}
