import { DateTime } from "luxon";
import { now } from "../common/clock";

const weekdays = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 } as const;

/**
 * An instant at a local time on the next given weekday, counted from tomorrow on the product's clock, as ISO 8601:
 * `nextLocal("monday", "20:00", "Europe/Lisbon")`. Always after anything a test writes "now", on any date.
 */
export function nextLocal(weekday: keyof typeof weekdays, time: string, timeZone: string): string {
  const [hour, minute] = time.split(":").map(Number);
  let day = DateTime.fromJSDate(now(), { zone: timeZone }).plus({ days: 1 }).startOf("day");
  while (day.weekday !== weekdays[weekday]) day = day.plus({ days: 1 });
  return day.set({ hour, minute }).toUTC().toISO()!;
}

/** The date (YYYY-MM-DD, UTC) this many days from today on the product's clock; negative for the past. */
export function daysFromToday(days: number): string {
  return DateTime.fromJSDate(now(), { zone: "UTC" }).plus({ days }).toISODate()!;
}
