import isoCountries from "i18n-iso-countries";
import { badUserInput } from "./errors";
import { isTimeZone } from "./time";

// Checks of user input shared by the subgraphs; each error names the field at fault (its last segment in the text).
const fieldName = (field: string) => field.split(".").at(-1);

/** Trimmed text of 1 to `max` characters, or null when not given. */
export function optionalText(value: string | null | undefined, field: string, max = 2000): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.length > max)
    throw badUserInput(`${fieldName(field)} must be 1 to ${max} characters`, field);
  return trimmed;
}

export const requiredText = (value: string, field: string, max?: number): string => optionalText(value, field, max)!;

/** An ISO 3166-1 alpha-2 code, in upper case. */
export function countryCode(code: string, field: string): string {
  const upper = code.trim().toUpperCase();
  if (!isoCountries.isValid(upper)) throw badUserInput(`${fieldName(field)} must be an ISO 3166-1 alpha-2 code`, field);
  return upper;
}

export function languageCode(code: string, field: string): string {
  if (!/^[a-z]{2}$/.test(code)) throw badUserInput(`${fieldName(field)} must be an ISO 639-1 code such as pt`, field);
  return code;
}

export function timeZone(value: string, field: string): string {
  if (!isTimeZone(value)) throw badUserInput(`unknown IANA time zone "${value}"`, field);
  return value;
}

export function httpUrl(value: string | null | undefined, field: string): string | null {
  if (value != null && !/^https?:\/\/\S+$/.test(value))
    throw badUserInput(`${fieldName(field)} must be an http(s) URL`, field);
  return value ?? null;
}

export function nonNegativeCount(value: number | null | undefined, field: string): number | null {
  if (value != null && (!Number.isInteger(value) || value < 0))
    throw badUserInput(`${fieldName(field)} must be a whole number, 0 or more`, field);
  return value ?? null;
}

/** Words of a search as LIKE conditions on a folded search column; Prisma passes `contains` to LIKE as it is. */
export function searchWords(search: string, field: string, fold: (text: string) => string): string[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.join(" ").length > 100) throw badUserInput("search is limited to 100 characters", field);
  return words.map((word) => word.replace(/[\\%_]/g, "\\$&"));
}

export function emailAddress(value: string | null | undefined, field: string): string | null {
  if (value != null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    throw badUserInput(`${fieldName(field)} is not an e-mail address`, field);
  return value ?? null;
}
