import { IANAZone } from "luxon";

/** An IANA time zone name such as Europe/Lisbon (or UTC); offsets and abbreviations are not accepted. */
export function isTimeZone(timeZone: string): boolean {
  return (timeZone.includes("/") || timeZone === "UTC") && IANAZone.isValidZone(timeZone);
}
