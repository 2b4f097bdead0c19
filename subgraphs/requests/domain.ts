import { DateTime } from "luxon";
import crypto from "node:crypto";
import { isIP } from "node:net";
import stableStringify from "safe-stable-stringify";
import { requireViewer, type Viewer } from "../../common/auth";
import { badUserInput, graphError } from "../../common/errors";
import { RequestKind } from "../../common/request-kind";
import { countryCode, emailAddress, optionalText, timeZone } from "../../common/validation";
import type { RequestContent } from "./types/content";
import type { CreateCooperationRequestInput } from "./types/inputs";
import { RequestStatus } from "./types/request";

export type Side = "REQUESTING" | "REQUESTED";

/**
 * The lifecycle of a cooperation request: which step is legal from which status, and which side takes it. The requesting
 * authority sends and withdraws (from any open status); the requested authority acknowledges, works on, executes or
 * refuses.
 */
const steps: Record<RequestStatus, Partial<Record<RequestStatus, Side>>> = {
  DRAFT: { SENT: "REQUESTING", WITHDRAWN: "REQUESTING" },
  SENT: { ACKNOWLEDGED: "REQUESTED", REFUSED: "REQUESTED", WITHDRAWN: "REQUESTING" },
  ACKNOWLEDGED: { IN_PROGRESS: "REQUESTED", REFUSED: "REQUESTED", WITHDRAWN: "REQUESTING" },
  IN_PROGRESS: {
    EXECUTED: "REQUESTED",
    PARTIALLY_EXECUTED: "REQUESTED",
    REFUSED: "REQUESTED",
    WITHDRAWN: "REQUESTING",
  },
  EXECUTED: {},
  PARTIALLY_EXECUTED: {},
  REFUSED: {},
  WITHDRAWN: {},
};

/** The side that may take a step, or null when the step is not legal. */
export const sideForStep = (from: RequestStatus, to: RequestStatus): Side | null => steps[from][to] ?? null;
export const isFinal = (status: RequestStatus) => Object.keys(steps[status]).length === 0;
export const executed = (status: RequestStatus) =>
  status === RequestStatus.EXECUTED || status === RequestStatus.PARTIALLY_EXECUTED;

export const preservationKinds: RequestKind[] = [
  RequestKind.PRESERVATION,
  RequestKind.PRESERVATION_EXTENSION,
  RequestKind.TRAFFIC_DATA_PARTIAL_DISCLOSURE,
];
export const emergencyKinds: RequestKind[] = [RequestKind.EMERGENCY_DISCLOSURE, RequestKind.EMERGENCY_MLA];
export const mlaKinds: RequestKind[] = [
  RequestKind.MLA_SUBSCRIBER_INFORMATION,
  RequestKind.MLA_STORED_DATA,
  RequestKind.EMERGENCY_MLA,
];

/** The authority a viewer acts for, if the viewer is a contact point (in any network) of one. */
export function actingAuthority(viewer: Viewer | null): string | null {
  if (!viewer?.authorityId) return null;
  return Object.values(viewer.networks).some((roles) => roles.includes("CONTACT_POINT")) ? viewer.authorityId : null;
}

/** The authority the viewer acts for; UNAUTHENTICATED when anonymous, FORBIDDEN for anyone but a contact point. */
export function requireActingAuthority(viewer: Viewer | null, what: string): string {
  const authority = actingAuthority(requireViewer(viewer));
  if (!authority) throw graphError("FORBIDDEN", `not allowed to ${what}`);
  return authority;
}

/** The sides of a request the viewer stands on: none for anyone but the two authorities' contact points. */
export function sidesOf(
  viewer: Viewer | null,
  request: { requestingAuthorityId: string; requestedAuthorityId: string },
): Side[] {
  const authority = actingAuthority(viewer);
  if (!authority) return [];
  return [
    ...(request.requestingAuthorityId === authority ? (["REQUESTING"] as const) : []),
    ...(request.requestedAuthorityId === authority ? (["REQUESTED"] as const) : []),
  ];
}

/** Art. 29(7): preservation for a period of not less than sixty days. */
export const minimumPreservationDays = 60;

/**
 * The end of a preservation: the execution time plus the period in calendar days of the requested side's time zone
 * (the same local time of day, so a daylight-saving change neither shortens nor lengthens it by a day).
 */
export function preservationEnd(executedAt: Date, days: number, timeZone: string): Date {
  return DateTime.fromJSDate(executedAt, { zone: timeZone })
    .plus({ days: Math.max(days, minimumPreservationDays) })
    .toJSDate();
}

/** An emergency request not answered by its due time. */
export function isOverdue(request: { status: RequestStatus; responseDueAt: Date | null }, now: Date): boolean {
  return request.responseDueAt !== null && !isFinal(request.status) && now.getTime() > request.responseDueAt.getTime();
}

const maxText = 5000;

const checkText = (value: string | null | undefined, field: string, max = maxText) =>
  void optionalText(value, field, max);
const checkTimeZone = (value: string | null | undefined, field: string) =>
  void (value != null && timeZone(value, field));

/** Checks the content's formats; completeness is checked when the request is sent. */
export function checkContent(content: RequestContent, field = "input.content"): void {
  checkText(content.offence?.description, `${field}.offence.description`);
  checkText(content.offence?.summaryOfFacts, `${field}.offence.summaryOfFacts`);
  checkText(content.offence?.legalProvisions, `${field}.offence.legalProvisions`);
  content.dataToPreserve?.forEach((item, index) => {
    checkText(item.description, `${field}.dataToPreserve.${index}.description`);
    checkText(item.relationToOffence, `${field}.dataToPreserve.${index}.relationToOffence`);
  });
  checkText(content.custodian?.serviceProvider, `${field}.custodian.serviceProvider`, 300);
  checkText(content.custodian?.location, `${field}.custodian.location`, 300);
  content.custodian?.identifiers?.forEach((identifier, index) => {
    const at = `${field}.custodian.identifiers.${index}`;
    checkText(identifier.value, `${at}.value`, 2000);
    if (identifier.kind === "IP_ADDRESS" && isIP(identifier.value.trim()) === 0)
      throw badUserInput(`"${identifier.value}" is not an IP address`, `${at}.value`);
    if (identifier.kind === "EMAIL") emailAddress(identifier.value, `${at}.value`);
    checkTimeZone(identifier.timeZone, `${at}.timeZone`);
    if (identifier.kind === "IP_ADDRESS" && identifier.observedAt == null) {
      throw badUserInput("an IP address needs the time it was observed", `${at}.observedAt`);
    }
  });
  checkText(content.necessity, `${field}.necessity`);
  const contact = content.requestingContact;
  if (contact) {
    checkText(contact.personInCharge, `${field}.requestingContact.personInCharge`, 300);
    checkText(contact.organisation, `${field}.requestingContact.organisation`, 300);
    emailAddress(contact.email, `${field}.requestingContact.email`);
    checkText(contact.officeHours, `${field}.requestingContact.officeHours`, 300);
    checkTimeZone(contact.timeZone, `${field}.requestingContact.timeZone`);
  }
}

/**
 * What a request still lacks to be sent, as field paths, first the most basic. A preservation request needs all of
 * Art. 29(2): (a) the requesting authority's contact, (b) the offence and a summary of the facts, (c) the data and
 * their relation to the offence, (d) the custodian or location, (e) the necessity, (f) that MLA will follow.
 */
export function missingForSending(
  kind: RequestKind,
  content: RequestContent,
  responseTargetHours: number | null,
): string[] {
  const field = "content";
  const missing: string[] = [];
  const need = (present: unknown, path: string) => {
    if (
      present === null ||
      present === undefined ||
      present === false ||
      (Array.isArray(present) && present.length === 0)
    )
      missing.push(`${field}.${path}`);
  };
  need(content.requestingContact?.personInCharge, "requestingContact.personInCharge");
  need(content.offence?.description, "offence.description");
  if (preservationKinds.includes(kind) || mlaKinds.includes(kind) || emergencyKinds.includes(kind))
    need(content.offence?.summaryOfFacts, "offence.summaryOfFacts");
  if (preservationKinds.includes(kind)) {
    need(content.dataToPreserve, "dataToPreserve");
    content.dataToPreserve?.forEach((item, index) =>
      need(item.relationToOffence, `dataToPreserve.${index}.relationToOffence`),
    );
    need(content.custodian?.serviceProvider ?? content.custodian?.location, "custodian.serviceProvider");
    need(content.necessity, "necessity");
    need(content.mlaToFollow, "mlaToFollow");
  }
  if (emergencyKinds.includes(kind) && responseTargetHours === null) missing.push("responseTargetHours");
  return missing;
}

/** Checks a new request against the rules that need no database; returns the row to store. */
export function checkNewRequest(input: CreateCooperationRequestInput, requestingAuthorityId: string) {
  const requestingCountryCode = countryCode(input.requestingCountry, "input.requestingCountry");
  const requestedCountryCode = countryCode(input.requestedCountry, "input.requestedCountry");
  checkText(input.requestedAuthority, "input.requestedAuthority", 200);
  if (input.requestedAuthority === requestingAuthorityId)
    throw badUserInput("a request goes to another authority", "input.requestedAuthority");
  checkText(input.caseReference, "input.caseReference", 200);
  checkText(input.idempotencyKey, "input.idempotencyKey", 200);
  checkTimeZone(input.requestedTimeZone, "input.requestedTimeZone");
  if (input.responseTargetHours != null) {
    if (!emergencyKinds.includes(input.kind))
      throw badUserInput("only emergency requests carry a response target", "input.responseTargetHours");
    if (
      !Number.isInteger(input.responseTargetHours) ||
      input.responseTargetHours < 1 ||
      input.responseTargetHours > 168
    ) {
      throw badUserInput("responseTargetHours must be 1 to 168", "input.responseTargetHours");
    }
  }
  if (input.kind === RequestKind.PRESERVATION_EXTENSION && !input.previousRequest) {
    throw badUserInput("an extension names the preservation request it extends", "input.previousRequest");
  }
  checkContent(input.content);
  return {
    kind: input.kind,
    requestingAuthorityId,
    requestingCountryCode,
    requestedAuthorityId: input.requestedAuthority,
    requestedCountryCode,
    caseReference: input.caseReference.trim(),
    urgent: input.urgent,
    previousRequestId: input.previousRequest ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    requestedTimeZone: input.requestedTimeZone ?? "UTC",
    responseTargetHours: input.responseTargetHours ?? null,
  };
}

/** The authorities of a new request as the graph knows them: null where no authority has that id. */
export interface AuthoritiesOfRequest {
  requesting: { country: { code: string } } | null;
  requested: { country: { code: string } } | null;
}

/**
 * References to the members subgraph's authorities are checked when a request is written, so that no request points
 * at an authority that does not exist or is not of the country the request names.
 */
export function checkAuthorities(row: ReturnType<typeof checkNewRequest>, found: AuthoritiesOfRequest): void {
  if (!found.requested) throw badUserInput(`no authority "${row.requestedAuthorityId}"`, "input.requestedAuthority");
  if (found.requested.country.code !== row.requestedCountryCode) {
    throw badUserInput(
      `authority "${row.requestedAuthorityId}" is of ${found.requested.country.code}, not ${row.requestedCountryCode}`,
      "input.requestedAuthority",
    );
  }
  if (!found.requesting)
    throw graphError("FORBIDDEN", `your token's authority "${row.requestingAuthorityId}" is not known to the graph`);
  if (found.requesting.country.code !== row.requestingCountryCode) {
    throw badUserInput(
      `your authority is of ${found.requesting.country.code}, not ${row.requestingCountryCode}`,
      "input.requestingCountry",
    );
  }
}

/**
 * What an idempotency key stands for: the creating input, hashed in a canonical form. A retry must send the same
 * input; the same key with other input is a conflict (as payment APIs answer), never the first request's success.
 */
export function idempotencyFingerprint(input: CreateCooperationRequestInput): string {
  return crypto
    .createHash("sha256")
    .update(stableStringify(input) ?? "")
    .digest("hex");
}
