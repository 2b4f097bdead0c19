import { DateTime } from "luxon";
import { badUserInput } from "../../common/errors";
import { countryCode, httpUrl, optionalText, requiredText } from "../../common/validation";
import type { Presidency } from "../../prisma/ejcn/generated/client";
import type { BoardSemester, RestrictedMaterialInput } from "./types/ejcn";

/** The network this subgraph is about: the id of the EJCN in the members subgraph. */
export const ejcnId = "ejcn";

// Semesters

/**
 * The presidency of the Council of the EU changes on 1 January and 1 July; the Council sits in Brussels, so the
 * current semester is read on Brussels' calendar.
 */
export const presidencyTimeZone = "Europe/Brussels";

const semesterPattern = /^(\d{4})-S([12])$/;

/** A semester as "YYYY-S1" (January-June) or "YYYY-S2" (July-December); anything else is BAD_USER_INPUT at `field`. */
export function semester(value: string, field: string): string {
  const trimmed = value.trim().toUpperCase();
  if (!semesterPattern.test(trimmed))
    throw badUserInput(`${field} must be a semester such as 2024-S1 (January-June) or 2024-S2 (July-December)`, field);
  return trimmed;
}

/** The semester an instant falls in, on the presidency's calendar. */
export function semesterAt(instant: Date): string {
  const local = DateTime.fromJSDate(instant, { zone: presidencyTimeZone });
  return `${local.year}-S${local.month <= 6 ? 1 : 2}`;
}

/** First and last day of a semester. */
export function semesterDays(value: string): { startDate: string; endDate: string } {
  const [, year, half] = semesterPattern.exec(value) ?? [];
  if (year === undefined) throw new Error(`not a semester: ${value}`);
  return half === "1"
    ? { startDate: `${year}-01-01`, endDate: `${year}-06-30` }
    : { startDate: `${year}-07-01`, endDate: `${year}-12-31` };
}

// The Presidency Board

/** The rule the Board follows, as stated at the 2nd plenary (the press release is its public source). */
export const boardRuleSource =
  "EJCN informal board 'comprised of members from the Member States holding the trio EU presidencies': Eurojust news 'Second plenary meeting of the European Judicial Cybercrime Network' (6 April 2017), http://www.eurojust.europa.eu/press/News/News/Pages/2017/2017-04-06-Second-plenary-meeting-of-the-European-Judicial-Cybercrime-Network.aspx";

/**
 * The Board of one semester, derived: the EJCN's informal Presidency Board has members from the Member States holding
 * the trio of Council presidencies, so its States in a semester are the three of the presidency trio that semester
 * belongs to (the Council's calendar, stored as Presidency rows with their trio), and the presidency is the State
 * holding the Council presidency that semester. `trio` is every row of the semester's trio.
 */
export function boardOf(presidency: Presidency, trio: Presidency[]): BoardSemester {
  const members = [...trio].sort((a, b) => a.semester.localeCompare(b.semester));
  return {
    semester: presidency.semester,
    ...semesterDays(presidency.semester),
    members: members.map((row) => ({ code: row.countryCode })),
    presidency: { code: presidency.countryCode },
    source: `derived: the States of the Council presidency trio of the semester; ${boardRuleSource}; ${presidency.source}`,
  };
}

// Restricted-session material

/** At most this many items per plenary, so that `Event.restrictedSession` stays a bounded list. */
export const maxMaterialsPerSession = 200;

/** New restricted-session material as it is stored (without its event, checked through the graph). */
export function checkRestrictedMaterial(input: RestrictedMaterialInput) {
  return {
    eventId: requiredText(input.event, "input.event", 200),
    kind: input.kind,
    countryCode: countryCode(input.country, "input.country"),
    title: requiredText(input.title, "input.title", 300),
    summary: optionalText(input.summary, "input.summary", 5000),
    reference: optionalText(input.reference, "input.reference", 300),
    url: httpUrl(input.url, "input.url"),
  };
}
