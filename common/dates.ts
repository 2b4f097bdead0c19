import { LRUCache } from "lru-cache";
import { DateTime } from "luxon";

/**
 * The instants that bound whole days at a place: local midnight of the first day and local midnight after the last,
 * in the place's IANA time zone. Events and sessions known by their dates are stored this way.
 */
export function dayRange(firstDay: string, lastDay: string, timeZone: string): { startsAt: Date; endsAt: Date } {
  const start = DateTime.fromISO(firstDay, { zone: timeZone }).startOf("day");
  const end = DateTime.fromISO(lastDay, { zone: timeZone }).startOf("day").plus({ days: 1 });
  if (!start.isValid || !end.isValid) throw new Error(`invalid day range ${firstDay}..${lastDay} in ${timeZone}`);
  return { startsAt: start.toJSDate(), endsAt: end.toJSDate() };
}

/** Local dates already worked out: the same events are listed again and again, and each costs a luxon DateTime. */
const knownLocalDates = new LRUCache<string, string>({ max: 10_000 });

/** The local date (YYYY-MM-DD) of an instant in an IANA time zone (proleptic Gregorian, as the scalars). */
export function localDate(instant: Date, timeZone: string): string {
  const key = `${timeZone} ${instant.getTime()}`;
  let date = knownLocalDates.get(key);
  if (date === undefined) {
    date = DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
    knownLocalDates.set(key, date);
  }
  return date;
}

/** The local date of the last day of a range made by dayRange: the day before its end. */
export const lastLocalDay = (endsAt: Date, timeZone: string) => localDate(new Date(endsAt.getTime() - 1), timeZone);

/** The local dates (YYYY-MM-DD) of the first and last day of a range made by dayRange. */
export function localDays(startsAt: Date, endsAt: Date, timeZone: string): { startDate: string; endDate: string } {
  return { startDate: localDate(startsAt, timeZone), endDate: lastLocalDay(endsAt, timeZone) };
}
