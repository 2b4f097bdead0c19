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

/** The local dates (YYYY-MM-DD) of the first and last day of a range made by dayRange. */
export function localDays(startsAt: Date, endsAt: Date, timeZone: string): { startDate: string; endDate: string } {
  return {
    startDate: DateTime.fromJSDate(startsAt, { zone: timeZone }).toISODate()!,
    endDate: DateTime.fromJSDate(endsAt, { zone: timeZone }).minus({ milliseconds: 1 }).toISODate()!,
  };
}
