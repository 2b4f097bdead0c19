import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { now } from "../../common/clock";
import { envOptional, envPositiveInt, envString } from "../../common/config";
import { logger } from "../../common/logger";
import type { BackgroundWorker } from "../../common/subgraph";
import type { Notification, PrismaClient } from "../../prisma/requests/generated/client";
import { preservationKinds } from "./domain";
import { formFile, renderRequestForm, templateFor } from "./forms";
import { formLanguageOf, notificationMessage, partiesOf } from "./messages";
import {
  NotificationEvent,
  PermanentDeliveryError,
  nextAttemptDelayMs,
  outboxRows,
  reminderLeadDays,
} from "./notifications";
import { toCooperationRequest } from "./rows";
import { RequestStatus } from "./types/request";

// The outbox's worker: claims due notifications, delivers each by e-mail or webhook, retries with backoff, parks what
// cannot succeed, and writes the reminders of preservations about to end. Any number of workers (one per replica) may
// run on one database: a claim is one UPDATE over rows locked with SKIP LOCKED, so each row goes to one worker, and a
// claim lapses after `leaseMs` so a crashed worker's rows are delivered by another. A receiver may still see a message
// twice (a crash after sending, before marking): it carries the same idempotency key both times.

export interface DeliveryOptions {
  pollMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  leaseMs: number;
  batchSize: number;
  mail: MailSender;
  from: string;
}

export interface MailSender {
  send(message: nodemailer.SendMailOptions, idempotencyKey: string): Promise<void>;
}

const webhookTimeoutMs = 10_000;
const log = logger.child({ subgraph: "requests", worker: "notifications" });

/**
 * SMTP_URL (e.g. smtp://user:pass@mail.example:587) sends through that server; without it, each message is written as
 * an .eml file to NOTIFICATION_MAIL_DIR (default .data/mail), for development and for a look before going live.
 */
export function mailSenderFromEnv(): MailSender {
  const smtpUrl = envOptional("SMTP_URL");
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send(message) {
        await transport.sendMail(message).catch((error: { responseCode?: number; code?: string }) => {
          // 5xx: the server refused the message or the address for good.
          if (typeof error.responseCode === "number" && error.responseCode >= 500)
            throw new PermanentDeliveryError(`SMTP ${error.responseCode}`);
          throw new Error(error.responseCode ? `SMTP ${error.responseCode}` : `SMTP ${error.code ?? "failure"}`);
        });
      },
    };
  }
  const dir = path.resolve(envString("NOTIFICATION_MAIL_DIR", path.join(envString("PGLITE_DIR", ".data"), "mail")));
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message, idempotencyKey) {
      const { message: raw } = (await transport.sendMail(message)) as { message: Buffer };
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${idempotencyKey}.eml`), raw);
    },
  };
}

export function deliveryOptionsFromEnv(): DeliveryOptions {
  return {
    pollMs: envPositiveInt("NOTIFICATION_POLL_MS", 2_000),
    retryBaseMs: envPositiveInt("NOTIFICATION_RETRY_BASE_MS", 30_000),
    maxAttempts: envPositiveInt("NOTIFICATION_MAX_ATTEMPTS", 10),
    leaseMs: envPositiveInt("NOTIFICATION_LEASE_MS", 120_000),
    batchSize: 20,
    mail: mailSenderFromEnv(),
    from: envString("NOTIFICATION_FROM", "Cybercrime networks graph <notifications@localhost>"),
  };
}

/** Runs until stopped: each round writes due reminders, then delivers what is due. */
export function startNotificationWorker(
  prisma: PrismaClient,
  options: DeliveryOptions = deliveryOptionsFromEnv(),
): BackgroundWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = runRound(prisma, options)
        .catch((error: unknown) => log.error({ err: error }, "notification round failed"))
        .finally(schedule);
    }, options.pollMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}

/** One round: reminders, then every due notification (in batches) until none is left. */
export async function runRound(prisma: PrismaClient, options: DeliveryOptions): Promise<void> {
  await writeReminders(prisma);
  for (;;) {
    const claimed = await claimDue(prisma, options);
    if (claimed.length === 0) return;
    await Promise.all(claimed.map((notification) => deliver(prisma, notification, options)));
  }
}

/** Executed preservations ending within the lead time, each reminded once per end date (extensions move it). */
export async function writeReminders(prisma: PrismaClient): Promise<number> {
  const at = now();
  const ending = await prisma.cooperationRequest.findMany({
    where: {
      kind: { in: preservationKinds },
      status: { in: [RequestStatus.EXECUTED, RequestStatus.PARTIALLY_EXECUTED] },
      preservedUntil: { gt: at, lte: new Date(at.getTime() + reminderLeadDays * 86_400_000) },
    },
    select: { id: true, version: true, requestingAuthorityId: true, requestedAuthorityId: true, preservedUntil: true },
  });
  const reminded = new Set(
    (
      await prisma.preservationReminder.findMany({
        where: { requestId: { in: ending.map((request) => request.id) } },
        select: { requestId: true, preservedUntil: true },
      })
    ).map((reminder) => `${reminder.requestId}/${reminder.preservedUntil.toISOString()}`),
  );
  let written = 0;
  for (const request of ending) {
    const preservedUntil = request.preservedUntil!;
    if (reminded.has(`${request.id}/${preservedUntil.toISOString()}`)) continue;
    written += await prisma.$transaction(async (tx) => {
      // Of two workers here at once, the second waits on the key and then inserts nothing.
      const { count } = await tx.preservationReminder.createMany({
        data: [{ requestId: request.id, preservedUntil, createdAt: at }],
        skipDuplicates: true,
      });
      if (count === 0) return 0;
      const settings = await tx.notificationSettings.findUnique({
        where: { authorityId: request.requestingAuthorityId },
      });
      await tx.notification.createMany({
        data: outboxRows(
          request,
          NotificationEvent.PRESERVATION_ENDING,
          "REQUESTING",
          settings,
          at,
          preservedUntil.toISOString(),
        ),
        skipDuplicates: true,
      });
      return 1;
    });
  }
  return written;
}

/** Claims due rows for this worker until its lease ends; rows another worker holds are skipped, not waited for. */
async function claimDue(prisma: PrismaClient, options: DeliveryOptions): Promise<Notification[]> {
  const at = now();
  const leaseEnd = new Date(at.getTime() + options.leaseMs);
  const ids = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "Notification" SET "claimedUntil" = ${leaseEnd}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "Notification"
      WHERE "state" = 'PENDING' AND "nextAttemptAt" <= ${at} AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${at})
      ORDER BY "nextAttemptAt"
      LIMIT ${options.batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  if (ids.length === 0) return [];
  return prisma.notification.findMany({ where: { id: { in: ids.map((row) => row.id) }, claimedUntil: leaseEnd } });
}

async function deliver(prisma: PrismaClient, notification: Notification, options: DeliveryOptions): Promise<void> {
  // Only the holder of this claim may settle the row: a lapsed claim taken over by another worker is theirs.
  const ours = { id: notification.id, claimedUntil: notification.claimedUntil };
  try {
    if (notification.channel === "EMAIL") await sendEmail(prisma, notification, options);
    else await callWebhook(prisma, notification);
    await prisma.notification.updateMany({
      where: ours,
      data: { state: "DELIVERED", deliveredAt: now(), claimedUntil: null, lastError: null },
    });
    log.info({ notification: notification.id, event: notification.event, channel: notification.channel }, "delivered");
  } catch (error) {
    const reason = error instanceof Error ? error.message : "delivery failed";
    const park = error instanceof PermanentDeliveryError || notification.attempts >= options.maxAttempts;
    await prisma.notification.updateMany({
      where: ours,
      data: park
        ? { state: "PARKED", claimedUntil: null, lastError: reason }
        : {
            claimedUntil: null,
            lastError: reason,
            nextAttemptAt: new Date(now().getTime() + nextAttemptDelayMs(notification.attempts, options.retryBaseMs)),
          },
    });
    log.warn(
      { notification: notification.id, channel: notification.channel, attempts: notification.attempts, reason, park },
      park ? "notification parked" : "notification delivery failed; will retry",
    );
  }
}

async function requestOf(prisma: PrismaClient, notification: Notification) {
  const row = await prisma.cooperationRequest.findUniqueOrThrow({ where: { id: notification.requestId } });
  return toCooperationRequest(row);
}

async function sendEmail(prisma: PrismaClient, notification: Notification, options: DeliveryOptions): Promise<void> {
  const request = await requestOf(prisma, notification);
  const language = formLanguageOf(notification.language);
  const parties = await partiesOf(prisma, request, language);
  const message = notificationMessage(notification.event, request, parties, language);
  // The form goes with the request itself; later events refer to it.
  const attachForm = notification.event === NotificationEvent.SENT && templateFor(request.kind) !== null;
  const file = formFile(request, "PDF", language);
  const attachments = attachForm
    ? [
        {
          filename: file.fileName,
          contentType: file.contentType,
          content: await renderRequestForm(request, parties, { format: "PDF", language, date: now() }),
        },
      ]
    : [];
  await options.mail.send(
    {
      from: options.from,
      to: notification.target,
      subject: message.subject,
      text: message.text,
      attachments,
      headers: { "Idempotency-Key": notification.idempotencyKey },
      messageId: `<${notification.idempotencyKey}@notifications.cybercrime-networks-graph>`,
    },
    notification.idempotencyKey,
  );
}

/**
 * A JSON POST signed with the authority's secret: `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`,
 * so the receiver checks origin and freshness. It names the request and the event, no case content: the receiver
 * reads the rest through the graph with its own credentials.
 */
async function callWebhook(prisma: PrismaClient, notification: Notification): Promise<void> {
  const settings = await prisma.notificationSettings.findUnique({
    where: { authorityId: notification.recipientAuthorityId },
  });
  if (!settings?.webhookSecret) throw new PermanentDeliveryError("no webhook secret registered");
  const request = await prisma.cooperationRequest.findUniqueOrThrow({
    where: { id: notification.requestId },
    select: { id: true, kind: true, status: true, version: true, preservedUntil: true },
  });
  const body = JSON.stringify({
    idempotencyKey: notification.idempotencyKey,
    event: notification.event,
    occurredAt: notification.createdAt.toISOString(),
    request: {
      id: request.id,
      kind: request.kind,
      status: request.status,
      version: notification.requestVersion,
      preservedUntil: request.preservedUntil?.toISOString() ?? null,
    },
  });
  const timestamp = Math.floor(now().getTime() / 1000);
  const signature = crypto.createHmac("sha256", settings.webhookSecret).update(`${timestamp}.${body}`).digest("hex");
  let response: Response;
  try {
    response = await fetch(notification.target, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": notification.idempotencyKey,
        "x-signature": `t=${timestamp},v1=${signature}`,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(webhookTimeoutMs),
    });
  } catch {
    throw new Error("webhook did not answer");
  }
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return;
  // The receiver said the call itself is wrong; only a timeout or throttling is worth repeating.
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429)
    throw new PermanentDeliveryError(`webhook answered ${response.status}`);
  throw new Error(`webhook answered ${response.status}`);
}
