// Issue 17: a notification committed with its step is delivered even when the whole stack is killed (kill -9) between
// the commit and the delivery. `npm start` runs as a real process group; the SMTP and webhook peers are down while it
// tries, and up only after the restart. On embedded PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { subgraphs } from "../subgraphs";
import { completePreservation } from "./fixtures";
import { bearer, clientToken, postGraphQL, testDatabaseUrl } from "./harness";
import { startMailPeer, startWebhookPeer } from "./peers";
import { freePort, getStatus, killAll, stackEnv, startProcess, waitUntil } from "./processes";

const onPostgres = testDatabaseUrl !== "memory://";
const subgraphNames = subgraphs.map((definition) => definition.name);
const webhookSecret = crypto.randomBytes(24).toString("base64url");

describe("kill -9 between the commit of a step and the delivery of its notifications", () => {
  let dir: string;
  let dropDatabase: (() => Promise<void>) | undefined;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "notifications-restart-"));
  });
  afterAll(async () => {
    await killAll();
    await Promise.all(closers.map((close) => close()));
    await dropDatabase?.();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("delivers the e-mail with its form and the webhook call after the restart, once each", async () => {
    const [port, smtpPort, webhookPort] = [await freePort(), await freePort(), await freePort()];
    const base = `http://127.0.0.1:${port}`;
    const { env, drop } = await stackEnv({
      subgraphNames,
      port,
      pgliteDir: path.join(dir, "data"),
      postgresServerUrl: onPostgres ? testDatabaseUrl : null,
      overrides: {
        // Nothing listens there yet: every attempt before the kill fails.
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        NOTIFICATION_WORKER: "true",
        NOTIFICATION_POLL_MS: "200",
        NOTIFICATION_RETRY_BASE_MS: "300",
        NOTIFICATION_LEASE_MS: "3000",
      },
    });
    dropDatabase = drop;
    const startStack = async () => {
      const stack = startProcess({ name: "npm start", script: "scripts/start.ts", env });
      await waitUntil("ready", async () => (await getStatus(`${base}/ready`)) === 200, {
        timeoutMs: 180_000,
        service: stack,
      });
      return stack;
    };
    const as = async (claims: object) => bearer(await clientToken(claims as Record<string, unknown>));
    const pt = await as({ sub: "pt-cp", authorityId: "pt-pgr", networks: { "coe-24-7": ["CONTACT_POINT"] } });
    const noAdmin = await as({
      sub: "no-admin",
      authorityId: "no-kripos",
      networks: { "coe-24-7": ["CONTACT_POINT", "NETWORK_ADMIN"] },
    });
    const graphql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
      const { body } = await postGraphQL(`${base}/graphql`, { query, variables }, headers);
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const deliveries = async (id: string) =>
      (
        await graphql(
          `
            query ($id: ID!) {
              cooperationRequest(id: $id) {
                notifications {
                  channel
                  state
                  attempts
                  lastError
                }
              }
            }
          `,
          { id },
          pt,
        )
      ).cooperationRequest.notifications as { channel: string; state: string; attempts: number }[];

    let stack = await startStack();
    await graphql(
      `
        mutation ($input: NotificationSettingsInput!) {
          setNotificationSettings(authority: "no-kripos", input: $input) {
            emails
          }
        }
      `,
      {
        input: {
          emails: ["duty.247@kripos-no.example"],
          webhookUrl: `http://127.0.0.1:${webhookPort}/hooks`,
          webhookSecret,
          language: "EN",
        },
      },
      noAdmin,
    );
    const { createCooperationRequest: draft } = await graphql(
      `
        mutation ($input: CreateCooperationRequestInput!) {
          createCooperationRequest(input: $input) {
            id
            version
          }
        }
      `,
      {
        input: {
          kind: "PRESERVATION",
          requestingCountry: "PT",
          requestedCountry: "NO",
          requestedAuthority: "no-kripos",
          caseReference: "NUIPC 77/26",
          content: completePreservation,
        },
      },
      pt,
    );
    await graphql(
      `
        mutation ($id: ID!, $version: Int!) {
          transitionCooperationRequest(id: $id, to: SENT, expectedVersion: $version) {
            id
          }
        }
      `,
      { id: draft.id, version: draft.version },
      pt,
    );
    // Committed, tried, not delivered: then the whole stack dies.
    await waitUntil(
      "both deliveries tried and failed",
      async () =>
        (await deliveries(draft.id)).every((delivery) => delivery.attempts >= 1 && delivery.state === "PENDING"),
      { timeoutMs: 30_000, service: stack },
    );
    stack.signalGroup("SIGKILL");
    await stack.exited;

    const mail = await startMailPeer(smtpPort);
    const webhook = await startWebhookPeer(webhookSecret, webhookPort);
    closers.push(mail.close, webhook.close);
    stack = await startStack();
    await waitUntil(
      "the e-mail and the webhook call received after the restart",
      async () => mail.received.length >= 1 && webhook.calls.length >= 1,
      { timeoutMs: 60_000, service: stack },
    );
    await waitUntil(
      "both deliveries marked delivered",
      async () => (await deliveries(draft.id)).every((delivery) => delivery.state === "DELIVERED"),
      { timeoutMs: 30_000, service: stack },
    );
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0].to).toMatchObject({ value: [{ address: "duty.247@kripos-no.example" }] });
    expect(mail.received[0].attachments[0]).toMatchObject({ contentType: "application/pdf" });
    expect(webhook.calls).toHaveLength(1);
    expect(webhook.calls[0]).toMatchObject({
      signatureValid: true,
      body: { event: "SENT", request: { id: draft.id } },
    });
    await stack.stop();
  });
});
