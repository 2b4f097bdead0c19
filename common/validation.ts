import { languages } from "countries-list";
import isoCountries from "i18n-iso-countries";
import { createParameterDecorator, type ArgOptions } from "type-graphql";
import { badUserInput, graphError } from "./errors";
import { isTimeZone } from "./time";

/**
 * The rules for identifiers, ranges and text, one per kind of value, so the same bad value gets the same error
 * wherever it is sent: BAD_USER_INPUT with `extensions.field` naming the argument or input field at fault (e.g.
 * `filter.country`, `input.participatingCountries.2`) and a message that starts with that field's name.
 */

/** The name a message starts with: the field's last segment that is not a list index. */
const label = (field: string) =>
  field
    .split(".")
    .filter((segment) => !/^\d+$/.test(segment))
    .at(-1) ?? field;

// Identifiers

const alpha2Codes = new Set(Object.keys(isoCountries.getAlpha2Codes()));

/** An ISO 3166-1 alpha-2 code exactly as the graph stores it (upper case), e.g. PT. */
export const isCountryCode = (value: unknown): value is string => typeof value === "string" && alpha2Codes.has(value);

/** An ISO 3166-1 alpha-2 code in any case, surrounding spaces ignored; returned in upper case as stored. */
export function countryCode(value: string, field: string): string {
  const upper = value.trim().toUpperCase();
  if (!isCountryCode(upper))
    throw badUserInput(`${label(field)} must be an ISO 3166-1 alpha-2 country code such as PT`, field);
  return upper;
}

/** `countryCode` for a field that may be left out: null then. */
export const optionalCountryCode = (value: string | null | undefined, field: string): string | null =>
  value == null ? null : countryCode(value, field);

/** Each code by `countryCode` (errors name its index), once each, in the order given. */
export const countryCodes = (values: readonly string[], field: string): string[] => [
  ...new Set(values.map((value, index) => countryCode(value, `${field}.${index}`))),
];

/**
 * Where an unknown code rightly matches nothing, without an error: an entity reference from the gateway (an
 * untrusted representation) resolves to null. The code in upper case, or null.
 */
export function countryCodeOrNull(value: unknown): string | null {
  const upper = typeof value === "string" ? value.trim().toUpperCase() : null;
  return isCountryCode(upper) ? upper : null;
}

/** An ISO 639-1 code as the graph stores it, in lower case (e.g. pt); countries-list holds the list. */
export const isLanguageCode = (value: unknown): value is string =>
  typeof value === "string" && Object.hasOwn(languages, value);

export function languageCode(value: string, field: string): string {
  if (!isLanguageCode(value))
    throw badUserInput(`${label(field)} must be an ISO 639-1 language code in lower case, such as pt`, field);
  return value;
}

/** At least one language, each by `languageCode` (errors name its index), once each, in the order given. */
export function languageCodes(values: readonly string[], field: string): string[] {
  if (values.length === 0) throw badUserInput(`${label(field)} must name at least one ISO 639-1 language code`, field);
  return [...new Set(values.map((value, index) => languageCode(value, `${field}.${index}`)))];
}

export function timeZone(value: string, field: string): string {
  if (!isTimeZone(value)) throw badUserInput(`unknown IANA time zone "${value}"`, field);
  return value;
}

const networkIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * A network id in any case, surrounding spaces ignored; returned in lower case as stored (ids are slugs: ejcn,
 * coe-24-7), so `EJCN` finds the EJCN. What cannot be an id is BAD_USER_INPUT.
 */
export function networkId(value: string, field: string): string {
  const lower = value.trim().toLowerCase();
  if (!networkIdPattern.test(lower))
    throw badUserInput(`${label(field)} must be a network id such as ejcn or coe-24-7`, field);
  return lower;
}

/**
 * A name a list is filtered by, such as a capacity-building project (`GLACY+`, `CyberCrime@IPA`): the whole name, in
 * any case, surrounding spaces ignored; a Prisma string condition. Blank or longer than 100 characters is
 * BAD_USER_INPUT. Prisma passes an insensitive `equals` to ILIKE as it is: its wildcards are escaped.
 */
export function sameName(value: string, field: string): { equals: string; mode: "insensitive" } {
  return { equals: escapeLike(requiredText(value, field, 100)), mode: "insensitive" };
}

/**
 * The row an identifier sent by the client names. Without `field` the identifier is the operation's target: NOT_FOUND.
 * With `field` it is a reference in the input: BAD_USER_INPUT at that field. `what` reads like `course "x"`.
 */
export function found<Row>(row: Row | null | undefined, what: string, field?: string): Row {
  if (row == null) throw field ? badUserInput(`no ${what}`, field) : graphError("NOT_FOUND", `no ${what}`);
  return row;
}

// Ranges

/** A whole number from `min` to `max` (no upper bound when omitted). */
export function intInRange(value: number, field: string, min: number, max = Infinity): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `a whole number, ${min} or more` : `between ${min} and ${max}`;
    throw badUserInput(`${label(field)} must be ${range}, got ${value}`, field);
  }
  return value;
}

/** `intInRange` as a rule for `CheckedArg`. */
export const intRange =
  (min: number, max = Infinity) =>
  (value: number, field: string): number =>
    intInRange(value, field, min, max);

export const nonNegativeCount = (value: number | null | undefined, field: string): number | null =>
  value == null ? null : intInRange(value, field, 0);

const hoursAndMinutes = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A local time of day, HH:MM. */
export function timeOfDay(value: string, field: string): string {
  if (!hoursAndMinutes.test(value)) throw badUserInput(`${label(field)} must be HH:MM, 00:00 to 23:59`, field);
  return value;
}

// Text

/** Trimmed text of 1 to `max` characters. */
export function requiredText(value: string, field: string, max = 2000): string {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.length > max)
    throw badUserInput(`${label(field)} must be 1 to ${max} characters`, field);
  return trimmed;
}

/** Trimmed text of 1 to `max` characters, or null when not given. */
export const optionalText = (value: string | null | undefined, field: string, max = 2000): string | null =>
  value == null ? null : requiredText(value, field, max);

export function httpUrl(value: string | null | undefined, field: string): string | null {
  if (value != null && !/^https?:\/\/\S+$/.test(value))
    throw badUserInput(`${label(field)} must be an http(s) URL`, field);
  return value ?? null;
}

export function emailAddress(value: string | null | undefined, field: string): string | null {
  if (value != null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    throw badUserInput(`${label(field)} is not an e-mail address`, field);
  return value ?? null;
}

export const maxSearchLength = 100;

const searchLength = (folded: string, field: string) => {
  if (folded.length > maxSearchLength)
    throw badUserInput(`${label(field)} is limited to ${maxSearchLength} characters`, field);
};

/** Prisma passes `contains` to LIKE as it is: its wildcards are escaped so they match themselves. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** A search as one LIKE condition on a folded search column; null when blank. */
export function searchPhrase(search: string, field: string, fold: (text: string) => string): string | null {
  const folded = fold(search.trim());
  searchLength(folded, field);
  return folded === "" ? null : escapeLike(folded);
}

/** Words of a search as LIKE conditions on a folded search column. */
export function searchWords(search: string, field: string, fold: (text: string) => string): string[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  searchLength(words.join(" "), field);
  return words.map(escapeLike);
}

// Rules beside the argument

type ArgTypeFunc = NonNullable<NonNullable<Parameters<typeof createParameterDecorator>[1]>["arg"]>["typeFunc"];

/**
 * An argument with its rule beside it: `@CheckedArg("first", () => Int, intRange(1, 100)) first: number`. The rule
 * runs before the resolver, with the argument's name as the field, and the resolver receives what it returns (e.g.
 * the upper-case country code). GraphQL has already coerced the value to the declared type.
 */
export function CheckedArg<Value, Checked>(
  name: string,
  type: ArgTypeFunc,
  rule: (value: Value, field: string) => Checked,
  options?: ArgOptions,
) {
  return createParameterDecorator(
    ({ args }) => {
      const value: Value = args[name];
      return rule(value, name);
    },
    { arg: { name, typeFunc: type, options } },
  );
}

// Stored data

/** Stored data that breaks a rule the graph writes by (a dangling reference, an unknown enum value): a bug, not input. */
export class StoredDataError extends Error {
  override name = "StoredDataError";
}

/** The row a reference held in the graph's own data names; a dangling reference is a StoredDataError. */
export function stored<Row>(row: Row | null | undefined, what: string): Row {
  if (row == null) throw new StoredDataError(`${what} is referred to but not stored`);
  return row;
}

/** Stored text values that must be members of an enum (e.g. a text[] column of enum values). */
export function storedEnumValues<Value extends string>(
  allowed: Record<string, Value>,
  values: readonly string[],
  what: string,
): Value[] {
  const members = Object.values(allowed);
  return values.map((value) => {
    const member = members.find((candidate) => candidate === value);
    if (member === undefined) throw new StoredDataError(`${what}: "${value}" is not one of ${members.join(", ")}`);
    return member;
  });
}
