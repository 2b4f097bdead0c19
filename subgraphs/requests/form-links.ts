import { jwtVerify, SignJWT } from "jose";
import type http from "node:http";
import { secretFromEnv } from "../../common/auth";
import { now } from "../../common/clock";
import { envPositiveInt, envString } from "../../common/config";
import { gatewayUrl } from "../../common/graph-client";
import type { Route } from "../../common/http";
import { logger } from "../../common/logger";
import type { PrismaClient } from "../../prisma/requests/generated/client";
import { formFile, formFormats, formLanguages, renderRequestForm, type FormFormat, type FormLanguage } from "./forms";
import { partiesOf } from "./messages";
import { toCooperationRequest } from "./rows";

// A request's T-CY form is downloaded by a short-lived signed link: the field `CooperationRequest.form` checks that the
// viewer is on one of the two sides and signs the link; the gateway serves /forms/<token> on the public endpoint and
// passes it here, where only the signature and the expiry decide. The link is a bearer secret for its few minutes.

export const formPathPrefix = "/forms/";
const audience = "cooperation-request-form";
const developmentSecret = "development-only form link secret, never in production";
const formLinkSecret = () => secretFromEnv("FORM_LINK_SECRET", developmentSecret);

interface FormLinkClaims {
  requestId: string;
  format: FormFormat;
  language: FormLanguage;
}

/** The signed link and its expiry; the origin is the gateway's public one (GATEWAY_PUBLIC_URL, else GATEWAY_URL). */
export async function signFormLink(
  claims: FormLinkClaims,
  viewerSub: string,
): Promise<{ url: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now().getTime() / 1000);
  const expiresAt = new Date((issuedAt + envPositiveInt("FORM_LINK_SECONDS", 300)) * 1000);
  const token = await new SignJWT({ r: claims.requestId, f: claims.format, l: claims.language })
    .setProtectedHeader({ alg: "HS256" })
    .setAudience(audience)
    .setSubject(viewerSub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(formLinkSecret());
  const origin = envString("GATEWAY_PUBLIC_URL", gatewayUrl());
  return { url: new URL(`${formPathPrefix}${token}`, origin).toString(), expiresAt };
}

async function verifyFormLink(token: string): Promise<FormLinkClaims | null> {
  try {
    const { payload } = await jwtVerify(token, formLinkSecret(), {
      audience,
      algorithms: ["HS256"],
      currentDate: now(),
    });
    const { r, f, l } = payload as Record<string, unknown>;
    if (typeof r !== "string" || !formFormats.includes(f as FormFormat) || !formLanguages.includes(l as FormLanguage))
      return null;
    return { requestId: r, format: f as FormFormat, language: l as FormLanguage };
  } catch {
    return null;
  }
}

const plain = (response: http.ServerResponse, status: number, text: string) =>
  void response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(`${text}\n`);

/** GET /forms/<token>: the form as the link says, or 404 for any link that is not valid now (no reason given). */
export function formRoute(prisma: PrismaClient): Route {
  // Read at start: a production subgraph without FORM_LINK_SECRET refuses to start rather than fail per link.
  formLinkSecret();
  return async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD")
      return plain(response, 405, "forms are fetched with GET");
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const claims = pathname.startsWith(formPathPrefix)
      ? await verifyFormLink(pathname.slice(formPathPrefix.length))
      : null;
    if (!claims) return plain(response, 404, "no such form, or the link has expired: ask the graph for a new one");
    const row = await prisma.cooperationRequest.findUnique({ where: { id: claims.requestId } });
    if (!row) return plain(response, 404, "no such form");
    const cooperationRequest = toCooperationRequest(row);
    let form: Buffer;
    try {
      const parties = await partiesOf(prisma, cooperationRequest, claims.language);
      form = await renderRequestForm(cooperationRequest, parties, {
        format: claims.format,
        language: claims.language,
        date: now(),
      });
    } catch (error) {
      logger.warn({ err: error, subgraph: "requests" }, "form: could not be made now");
      return plain(response, 503, "the form cannot be made now; try again shortly");
    }
    const file = formFile(cooperationRequest, claims.format, claims.language);
    response.writeHead(200, {
      "content-type": file.contentType,
      "content-length": form.length,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
    });
    response.end(request.method === "HEAD" ? undefined : form);
  };
}
