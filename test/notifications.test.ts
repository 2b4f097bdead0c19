// Issue 17: a request leaves the graph as its T-CY form, and the other side is told by e-mail and webhook, reliably.
// The peers are real: an SMTP server (smtp-server) and an HTTP receiver on loopback; the worker runs in the subgraph.
import crypto from "node:crypto";
import { extractText, getDocumentProxy } from "unpdf";
import { now } from "../common/clock";
import { runRound, type DeliveryOptions } from "../subgraphs/requests/delivery";
import { completePreservation } from "./fixtures";
import { bearer, clientToken, useTestGraph } from "./harness";
import { startMailPeer, startWebhookPeer } from "./peers";
import { sleep, waitUntil } from "./processes";

const webhookSecret = crypto.randomBytes(24).toString("base64url");
let mail: Awaited<ReturnType<typeof startMailPeer>>;
let webhook: Awaited<ReturnType<typeof startWebhookPeer>>;

// The peers first: the worker of the subgraph reads SMTP_URL when the graph starts.
beforeAll(async () => {
  mail = await startMailPeer();
  webhook = await startWebhookPeer(webhookSecret);
  Object.assign(process.env, {
    SMTP_URL: mail.url,
    NOTIFICATION_WORKER: "true",
    NOTIFICATION_POLL_MS: "100",
    NOTIFICATION_RETRY_BASE_MS: "200",
  });
});
const graph = useTestGraph();
afterAll(async () => {
  await Promise.all([mail.close(), webhook.close()]);
  for (const name of ["SMTP_URL", "NOTIFICATION_WORKER", "NOTIFICATION_POLL_MS", "NOTIFICATION_RETRY_BASE_MS"])
    delete process.env[name];
});

const as = async (claims: object) => bearer(await clientToken(claims as Record<string, unknown>));
const contactPoint = (authorityId: string, sub: string) =>
  as({ sub, authorityId, networks: { "coe-24-7": ["CONTACT_POINT"] } });
const adminOf = (authorityId: string, sub: string) =>
  as({ sub, authorityId, networks: { "coe-24-7": ["CONTACT_POINT", "NETWORK_ADMIN"] } });

const norwayDuty = "duty.247@kripos-no.example";
const setSettings = `mutation ($authority: ID!, $input: NotificationSettingsInput!) {
  setNotificationSettings(authority: $authority, input: $input) { emails webhookUrl language updatedBy }
}`;
const requestFields = `id version status caseReference notifications { event channel state attempts lastError idempotencyKey deliveredAt }`;

async function ok(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const { body } = await graph.query(query, variables, headers);
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function sendRequest(overrides: Record<string, unknown> = {}) {
  const pt = await contactPoint("pt-pgr", "pt-cp");
  const { createCooperationRequest: draft } = await ok(
    `mutation ($input: CreateCooperationRequestInput!) { createCooperationRequest(input: $input) { ${requestFields} } }`,
    {
      input: {
        kind: "PRESERVATION",
        requestingCountry: "PT",
        requestedCountry: "NO",
        requestedAuthority: "no-kripos",
        caseReference: `NUIPC ${crypto.randomInt(1000, 9999)}/26.ÇÃ`,
        urgent: true,
        content: completePreservation,
        ...overrides,
      },
    },
    pt,
  );
  return step(draft, "SENT", pt);
}

async function step(request: { id: string; version: number }, to: string, headers: Record<string, string>) {
  const data = await ok(
    `mutation ($id: ID!, $to: RequestStatus!, $version: Int!) {
      transitionCooperationRequest(id: $id, to: $to, expectedVersion: $version) { ${requestFields} } }`,
    { id: request.id, to, version: request.version },
    headers,
  );
  return data.transitionCooperationRequest;
}

const notificationsOf = async (id: string, headers: Record<string, string>) =>
  (await ok(`query ($id: ID!) { cooperationRequest(id: $id) { ${requestFields} } }`, { id }, headers))
    .cooperationRequest.notifications;

const waitDelivered = (id: string, headers: Record<string, string>, count: number) =>
  waitUntil(
    "the notifications delivered",
    async () => {
      const notifications = await notificationsOf(id, headers);
      return notifications.filter((notification: any) => notification.state === "DELIVERED").length >= count;
    },
    { timeoutMs: 30_000 },
  );

describe("notification settings", () => {
  it("are set by the authority's admins only, with every address checked, and never show the webhook secret", async () => {
    const no = await adminOf("no-kripos", "no-admin");
    const input = {
      emails: [norwayDuty, "DUTY.247@kripos-no.example"],
      webhookUrl: webhook.url,
      webhookSecret,
      language: "EN",
    };
    const { setNotificationSettings } = await ok(setSettings, { authority: "no-kripos", input }, no);
    expect(setNotificationSettings).toEqual({
      emails: [norwayDuty],
      webhookUrl: webhook.url,
      language: "EN",
      updatedBy: "no-admin",
    });

    const refused = async (variables: Record<string, unknown>, headers: Record<string, string>) =>
      (await graph.query(setSettings, variables, headers)).body.errors?.[0].extensions;
    expect(await refused({ authority: "no-kripos", input }, await contactPoint("no-kripos", "no-cp"))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await refused({ authority: "no-kripos", input }, await adminOf("pt-pgr", "pt-admin"))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(
      await refused({ authority: "no-kripos", input: { ...input, emails: ["not an address"] } }, no),
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "input.emails.0" });
    expect(
      await refused({ authority: "no-kripos", input: { ...input, webhookUrl: "http://hooks.example/x" } }, no),
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "input.webhookUrl" });
    expect(await refused({ authority: "no-kripos", input: { ...input, webhookSecret: "short" } }, no)).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.webhookSecret",
    });

    const read = `{ authority(id: "no-kripos") { notificationSettings { emails webhookUrl language } } }`;
    expect((await ok(read, {}, no)).authority.notificationSettings.emails).toEqual([norwayDuty]);
    const { body } = await graph.query(read, {}, await contactPoint("pt-pgr", "pt-cp"));
    expect(body.data.authority.notificationSettings).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("a request sent by Portugal to Norway", () => {
  it("e-mails Norway's 24/7 point with the form attached in English and calls its webhook, each once, signed", async () => {
    const pt = await contactPoint("pt-pgr", "pt-cp");
    const request = await sendRequest();
    await waitDelivered(request.id, pt, 2);
    const messages = mail.received.filter(
      (message) => message.subject?.includes(request.id) || message.text?.includes(request.id),
    );
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message.to).toMatchObject({ value: [{ address: norwayDuty }] });
    expect(message.subject).toMatch(/^New request: NUIPC/);
    const [attachment] = message.attachments;
    expect(attachment).toMatchObject({ contentType: "application/pdf" });
    expect(attachment.content.subarray(0, 5).toString()).toBe("%PDF-");
    // The form itself, in English as Norway's settings say: the template's title and this request's reference.
    const form = await extractText(await getDocumentProxy(new Uint8Array(attachment.content)), { mergePages: true });
    expect(form.text).toContain("Data Preservation Request");
    expect(form.text.replace(/\s+/g, " ")).toContain(request.caseReference);

    const calls = webhook.calls.filter((call) => call.body.request.id === request.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      signatureValid: true,
      body: { event: "SENT", request: { id: request.id, kind: "PRESERVATION", status: "SENT", version: 2 } },
    });
    expect(calls[0].key).toBe(calls[0].body.idempotencyKey);
    // No case content leaves by webhook.
    expect(JSON.stringify(calls[0].body)).not.toContain("NUIPC");

    const notifications = await notificationsOf(request.id, await contactPoint("no-kripos", "no-cp"));
    expect(
      notifications.map((notification: any) => [notification.event, notification.channel, notification.state]),
    ).toEqual(
      expect.arrayContaining([
        ["SENT", "EMAIL", "DELIVERED"],
        ["SENT", "WEBHOOK", "DELIVERED"],
      ]),
    );
    expect(message.headers.get("idempotency-key")).toBe(
      notifications.find((notification: any) => notification.channel === "EMAIL").idempotencyKey,
    );
  });

  it("parks what cannot be delivered — no address registered, or a refused one — where admins see it", async () => {
    const no = await contactPoint("no-kripos", "no-cp");
    // Portugal registered nothing: its acknowledgement is parked at once.
    const request = await step(await sendRequest(), "ACKNOWLEDGED", no);
    const acknowledgement = request.notifications.find((notification: any) => notification.event === "ACKNOWLEDGED");
    expect(acknowledgement).toMatchObject({
      state: "PARKED",
      attempts: 0,
      lastError: expect.stringContaining("no notification address"),
    });

    const parked = `{ authority(id: "pt-pgr") { parkedNotifications { event state } } }`;
    for (const viewer of [
      await adminOf("pt-pgr", "pt-admin"),
      await as({ sub: "ejcn-admin", networks: { ejcn: ["NETWORK_ADMIN"] } }),
    ]) {
      expect((await ok(parked, {}, viewer)).authority.parkedNotifications).toEqual(
        expect.arrayContaining([{ event: "ACKNOWLEDGED", state: "PARKED" }]),
      );
    }
    expect(
      (await graph.query(parked, {}, await contactPoint("pt-pgr", "pt-cp"))).body.errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");

    // A mailbox the server refuses for good (550) is parked after one attempt, not retried.
    await ok(
      setSettings,
      { authority: "pt-pgr", input: { emails: ["bounce@pgr-pt.example"], language: "PT" } },
      await adminOf("pt-pgr", "pt-admin"),
    );
    const executed = await step(await step(request, "IN_PROGRESS", no), "EXECUTED", no);
    await waitUntil(
      "the refused address parked",
      async () =>
        (await notificationsOf(executed.id, no)).some(
          (notification: any) => notification.event === "EXECUTED" && notification.state === "PARKED",
        ),
      { timeoutMs: 30_000 },
    );
    const refused = (await notificationsOf(executed.id, no)).find(
      (notification: any) => notification.event === "EXECUTED",
    );
    expect(refused).toMatchObject({ attempts: 1, lastError: "SMTP 550" });
  });

  it("retries a webhook that fails for a while, with the same idempotency key, until it takes the call", async () => {
    webhook.failFirst = 2;
    const request = await sendRequest();
    await waitDelivered(request.id, await contactPoint("pt-pgr", "pt-cp"), 2);
    const notification = (await notificationsOf(request.id, await contactPoint("pt-pgr", "pt-cp"))).find(
      (delivery: any) => delivery.channel === "WEBHOOK",
    );
    expect(notification).toMatchObject({ state: "DELIVERED", attempts: 3 });
    expect(webhook.calls.filter((call) => call.body.request.id === request.id)).toHaveLength(1);
    webhook.failFirst = 0;
  });
});

describe("the request as its T-CY form", () => {
  const formQuery = `query ($id: ID!, $format: FormFormat, $language: FormLanguage) {
    cooperationRequest(id: $id) { form(format: $format, language: $language) { url expiresAt template } } }`;

  it("is a short-lived link for the two authorities, served by the gateway, in the requested side's language by default", async () => {
    const pt = await contactPoint("pt-pgr", "pt-cp");
    const request = await sendRequest();
    const { form } = (await ok(formQuery, { id: request.id }, pt)).cooperationRequest;
    expect(form.template).toBe("T-CY(2018)11");
    expect(form.url.startsWith(graph.gatewayUrl.replace(/\/graphql$/, "/forms/"))).toBe(true);
    const expiresIn = new Date(form.expiresAt).getTime() - now().getTime();
    expect(expiresIn).toBeGreaterThan(0);
    expect(expiresIn).toBeLessThanOrEqual(300_000);
    const pdf = await fetch(form.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const { form: docx } = (
      await ok(formQuery, { id: request.id, format: "DOCX", language: "FR" }, await contactPoint("no-kripos", "no-cp"))
    ).cooperationRequest;
    const word = await fetch(docx.url);
    expect(word.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(
      Buffer.from(await word.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");

    // Another authority reads no request, so no link; a changed or made-up link is refused without a reason.
    const albania = await graph.query(formQuery, { id: request.id }, await contactPoint("al-state-police", "al-cp"));
    expect(albania.body.data.cooperationRequest).toBeNull();
    const [header, payload, signature] = form.url.split("/forms/")[1].split(".");
    const forged = `${graph.gatewayUrl.replace(/\/graphql$/, "")}/forms/${header}.${payload}.${signature.slice(0, -2)}AA`;
    expect((await fetch(forged)).status).toBe(404);
    expect((await fetch(`${graph.gatewayUrl.replace(/\/graphql$/, "")}/forms/%2e%2e%2fgraphql`)).status).toBe(404);
  });

  it("is refused with BAD_USER_INPUT for a kind no T-CY template covers", async () => {
    const request = await sendRequest({ kind: "GENERAL_ASSISTANCE" });
    const { body } = await graph.query(formQuery, { id: request.id }, await contactPoint("pt-pgr", "pt-cp"));
    expect(body.data.cooperationRequest.form).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "form" });
  });
});

describe("reminders and delivery across workers", () => {
  const requestsDatabase = () => graph.subgraphs.find((subgraph) => subgraph.name === "requests")!.database;

  it("reminds the requesting side once when an executed preservation is 10 days from its end, and three workers send each notification once", async () => {
    const pt = await adminOf("pt-pgr", "pt-admin");
    await ok(setSettings, { authority: "pt-pgr", input: { emails: ["duty@pgr-pt.example"], language: "PT" } }, pt);
    const no = await contactPoint("no-kripos", "no-cp");
    const executed: { id: string; version: number }[] = [];
    for (let index = 0; index < 3; index += 1) {
      executed.push(
        await step(await step(await step(await sendRequest(), "ACKNOWLEDGED", no), "IN_PROGRESS", no), "EXECUTED", no),
      );
    }
    // The periods end in 5 days, as if executed 55 days ago (the product's clock, not a written day).
    const fiveDays = new Date(now().getTime() + 5 * 86_400_000);
    await requestsDatabase().sql.query(
      `UPDATE "CooperationRequest" SET "preservedUntil" = $1 WHERE "id" = ANY($2::text[])`,
      [fiveDays, `{${executed.map((request) => request.id).join(",")}}`],
    );
    const before = mail.received.length;
    const options: DeliveryOptions = {
      pollMs: 50,
      retryBaseMs: 200,
      maxAttempts: 5,
      leaseMs: 60_000,
      batchSize: 2,
      from: "graph@test.example",
      mail: { send: async () => undefined },
    };
    const { createTransport } = await import("nodemailer");
    const smtp = createTransport(mail.url);
    options.mail = { send: async (message) => void (await smtp.sendMail(message)) };
    // Three workers' rounds at once over one database, beside the subgraph's own worker.
    await Promise.all([1, 2, 3].map(() => runRound(requestsDatabase().prisma, options)));
    await sleep(500);
    const reminders = mail.received
      .slice(before)
      .filter(
        (message) =>
          executed.some((request) => message.text?.includes(request.id)) && /conservação/.test(message.subject ?? ""),
      );
    expect(reminders).toHaveLength(3);
    const keys = mail.received.slice(before).map((message) => message.headers.get("idempotency-key"));
    expect(new Set(keys).size).toBe(keys.length);
    for (const request of executed) {
      const ending = (await notificationsOf(request.id, no)).filter(
        (notification: any) => notification.event === "PRESERVATION_ENDING",
      );
      expect(ending).toHaveLength(1);
    }
  });
});
