// Real peers of the notification worker for the tests: an SMTP server (smtp-server) that parses what it receives, and
// an HTTP receiver of webhook calls that checks their signatures.
import { simpleParser, type ParsedMail } from "mailparser";
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * What the SMTP peer received, parsed; a recipient starting with "bounce" is refused for good (550). With
 * `slowestMs`, each message is answered after a random delay up to it: deliveries stay in flight a while.
 * `droppedConnections` counts clients gone mid-conversation (a replica killed while delivering).
 */
export async function startMailPeer(port = 0, slowestMs = 0) {
  const received: ParsedMail[] = [];
  const peer = { received, droppedConnections: 0, url: "", close: () => Promise.resolve() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("bounce"))
        return callback(Object.assign(new Error("no such mailbox"), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          setTimeout(callback, Math.random() * slowestMs);
        },
        (error: Error) => callback(error),
      );
    },
  });
  // smtp-server re-emits a connection's socket error (ECONNRESET when the client dies) on the server, which would
  // end the process without a listener; a mail server outlives its clients.
  server.on("error", () => {
    peer.droppedConnections += 1;
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  peer.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  peer.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return peer;
}

/** An HTTP receiver of webhook calls; `failFirst` answers 503 that many times before it takes calls. */
export async function startWebhookPeer(secret: string, port = 0) {
  const calls: { body: any; key: string | undefined; signatureValid: boolean }[] = [];
  let failures = 0;
  const peer = {
    calls,
    failFirst: 0,
    url: "",
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (failures < peer.failFirst) {
        failures += 1;
        return void response.writeHead(503).end();
      }
      const text = Buffer.concat(chunks).toString("utf8");
      const [t, v1] = String(request.headers["x-signature"])
        .split(",")
        .map((part) => part.split("=")[1]);
      const expected = crypto.createHmac("sha256", secret).update(`${t}.${text}`).digest("hex");
      calls.push({
        body: JSON.parse(text),
        key: request.headers["idempotency-key"] as string | undefined,
        signatureValid: v1 === expected,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  peer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/requests`;
  return peer;
}
