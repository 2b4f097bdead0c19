import { DateTime } from "luxon";
import { z } from "zod";
import { badUserInput } from "../../common/errors";
import { RequestKind } from "../../common/request-kind";
import {
  emailAddress,
  intInRange,
  languageCodes,
  optionalText,
  requiredText,
  timeOfDay,
  timeZone,
} from "../../common/validation";
import type { PrismaClient } from "../../prisma/contacts/generated/client";
import { currentSql } from "./loaders";
import { ContactPointKind } from "./types/contact-point";
import type { ContactPointDetailsInput } from "./types/inputs";

interface Schedule {
  twentyFourSeven: boolean;
  officeDays: number[];
  opensAt: string | null;
  closesAt: string | null;
  timeZone: string | null;
}

/** Valid now: started, and not replaced or ended yet. */
export function isCurrentContactPoint(point: { validFrom: Date; validTo: Date | null }, now: Date): boolean {
  return (
    point.validFrom.getTime() <= now.getTime() && (point.validTo === null || point.validTo.getTime() > now.getTime())
  );
}

type LocalTime = { weekday: number; time: string };

/** Weekday (1 = Monday) and "HH:MM" at `now` in an IANA time zone (luxon caches its zone formatters). */
export function localTime(now: Date, timeZone: string): LocalTime {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  return { weekday: local.weekday, time: local.toFormat("HH:mm") };
}

/** Reachable at `now`: a 24/7 point always; otherwise within its office hours in its own time zone. */
export function isReachable(point: Schedule, now: Date): boolean {
  if (point.twentyFourSeven) return true;
  if (!point.timeZone || !point.opensAt || !point.closesAt) return false;
  const { weekday, time } = localTime(now, point.timeZone);
  return point.officeDays.includes(weekday) && time >= point.opensAt && time < point.closesAt;
}

const urgentMeasures: RequestKind[] = [
  RequestKind.PRESERVATION,
  RequestKind.PRESERVATION_EXTENSION,
  RequestKind.TRAFFIC_DATA_PARTIAL_DISCLOSURE,
  RequestKind.EMERGENCY_DISCLOSURE,
  RequestKind.EMERGENCY_MLA,
];
const mlaMeasures: RequestKind[] = [RequestKind.MLA_SUBSCRIBER_INFORMATION, RequestKind.MLA_STORED_DATA];

/**
 * Which kinds of contact point answer a measure, best first (the finder's ranking rules):
 * - urgent measures — preservation (Arts. 29, 30), emergencies (2AP Arts. 9, 10), or any measure marked urgent —
 *   go to the 24/7 point first (Art. 35), then the MLA central authority (Art. 27), then network contact points;
 * - mutual legal assistance that is not urgent goes to the Art. 27 central authority first, then the 24/7 point
 *   (which coordinates with it, Art. 35(2)), then network contact points;
 * - anything else goes to the network contact points first, who know whom to ask, then the 24/7 point and the
 *   central authority.
 * National correspondents come last; extradition authorities (Art. 24) answer none of these measures.
 */
export function kindsForMeasure(measure: RequestKind, urgent: boolean): ContactPointKind[] {
  const { TWENTY_FOUR_SEVEN, CENTRAL_AUTHORITY_MLA, NETWORK_CONTACT_POINT, NATIONAL_CORRESPONDENT } = ContactPointKind;
  if (urgent || urgentMeasures.includes(measure))
    return [TWENTY_FOUR_SEVEN, CENTRAL_AUTHORITY_MLA, NETWORK_CONTACT_POINT, NATIONAL_CORRESPONDENT];
  if (mlaMeasures.includes(measure))
    return [CENTRAL_AUTHORITY_MLA, TWENTY_FOUR_SEVEN, NETWORK_CONTACT_POINT, NATIONAL_CORRESPONDENT];
  return [NETWORK_CONTACT_POINT, TWENTY_FOUR_SEVEN, CENTRAL_AUTHORITY_MLA, NATIONAL_CORRESPONDENT];
}

const zoneRows = z.array(z.object({ zone: z.string() }));
const idRows = z.array(z.object({ id: z.string() }));

/**
 * The best `first` of a country's points valid at `instant` for a measure, as ids: by kind (above), then reachable
 * at `instant` (as isReachable: 24/7, or within office hours in the point's own time zone), then most recently
 * verified, then id. PostgreSQL ranks and cuts, so only the winners leave the database (a country may have hundreds);
 * each time zone's local weekday and time come from the same luxon clock as isReachable, never PostgreSQL's own.
 */
export async function bestContactPointIds(
  prisma: PrismaClient,
  query: { country: string; measure: RequestKind; urgent: boolean; instant: Date; first: number },
): Promise<string[]> {
  const kinds = kindsForMeasure(query.measure, query.urgent);
  const zones = zoneRows.parse(
    await prisma.$queryRaw`
      SELECT DISTINCT "timeZone" AS zone FROM "ContactPoint"
      WHERE "countryCode" = ${query.country} AND "timeZone" IS NOT NULL`,
  );
  const local = zones.map(({ zone }) => ({ zone, ...localTime(query.instant, zone) }));
  const rows = idRows.parse(
    await prisma.$queryRaw`
      SELECT p.id FROM "ContactPoint" p
      LEFT JOIN unnest(${local.map(({ zone }) => zone)}::text[], ${local.map(({ weekday }) => weekday)}::int[],
                       ${local.map(({ time }) => time)}::text[]) AS z(zone, weekday, "time")
        ON z.zone = p."timeZone"
      WHERE p."countryCode" = ${query.country} AND p."kind" = ANY(${kinds}::text[]::"ContactPointKind"[])
        AND ${currentSql(query.instant)}
      ORDER BY array_position(${kinds}::text[], p."kind"::text),
               CASE WHEN p."twentyFourSeven" OR (z.weekday = ANY(p."officeDays")
                         AND z."time" >= p."opensAt" COLLATE "C" AND z."time" < p."closesAt" COLLATE "C")
                    THEN 0 ELSE 1 END,
               p."lastVerifiedAt" DESC NULLS LAST, p.id COLLATE "C"
      LIMIT ${query.first}`,
  );
  return rows.map(({ id }) => id);
}

/** Checks new contact-point details; errors name the input field at fault. */
export function validateDetails(details: ContactPointDetailsInput, field = "details") {
  const text = (value: string | null | undefined, name: string, max = 300) =>
    optionalText(value, `${field}.${name}`, max);
  emailAddress(details.email, `${field}.email`);
  const languages = languageCodes(details.languages, `${field}.languages`);
  const hours = details.officeHours;
  if (!details.twentyFourSeven && !hours)
    throw badUserInput("office hours are required unless the point is 24/7", `${field}.officeHours`);
  if (hours) {
    const days = `${field}.officeHours.days`;
    if (hours.days.length === 0) throw badUserInput("days must name at least one ISO weekday", days);
    // ISO weekdays: 1 is Monday, 7 Sunday.
    hours.days.forEach((day, index) => intInRange(day, `${days}.${index}`, 1, 7));
    timeOfDay(hours.opensAt, `${field}.officeHours.opensAt`);
    timeOfDay(hours.closesAt, `${field}.officeHours.closesAt`);
    if (hours.closesAt <= hours.opensAt)
      throw badUserInput("closesAt must be after opensAt", `${field}.officeHours.closesAt`);
    timeZone(hours.timeZone, `${field}.officeHours.timeZone`);
  }
  const source = requiredText(details.source, `${field}.source`, 1000);
  return {
    authorityId: details.authority ?? null,
    institution: text(details.institution, "institution"),
    personName: text(details.personName, "personName"),
    personTitle: text(details.personTitle, "personTitle"),
    email: details.email ?? null,
    phone: text(details.phone, "phone", 50),
    secureChannel: text(details.secureChannel, "secureChannel"),
    languages,
    twentyFourSeven: details.twentyFourSeven,
    officeDays: hours ? [...new Set(hours.days)].sort() : [],
    opensAt: hours?.opensAt ?? null,
    closesAt: hours?.closesAt ?? null,
    timeZone: hours?.timeZone ?? null,
    source,
  };
}
