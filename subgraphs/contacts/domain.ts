import { DateTime } from "luxon";
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
export function isReachable(
  point: Schedule,
  now: Date,
  clock: (timeZone: string) => LocalTime = (timeZone) => localTime(now, timeZone),
): boolean {
  if (point.twentyFourSeven) return true;
  if (!point.timeZone || !point.opensAt || !point.closesAt) return false;
  const { weekday, time } = clock(point.timeZone);
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

/** Ranks a country's current points for a measure: by kind (above), then reachable now, then most recently verified. */
export function rankContactPoints<
  Point extends Schedule & { kind: ContactPointKind; lastVerifiedAt: Date | null; id: string },
>(points: Point[], measure: RequestKind, urgent: boolean, now: Date): Point[] {
  const kinds = kindsForMeasure(measure, urgent);
  // A country's points share a few time zones: each zone's local time once, not once per point.
  const byZone = new Map<string, LocalTime>();
  const clock = (timeZone: string) => {
    const known = byZone.get(timeZone);
    if (known) return known;
    const local = localTime(now, timeZone);
    byZone.set(timeZone, local);
    return local;
  };
  return points
    .filter((point) => kinds.includes(point.kind))
    .map((point) => ({
      point,
      kind: kinds.indexOf(point.kind),
      reachable: isReachable(point, now, clock) ? 0 : 1,
      verified: -(point.lastVerifiedAt?.getTime() ?? 0),
    }))
    .sort(
      (a, b) =>
        a.kind - b.kind || a.reachable - b.reachable || a.verified - b.verified || a.point.id.localeCompare(b.point.id),
    )
    .map(({ point }) => point);
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
