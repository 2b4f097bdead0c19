import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLInputType,
  type GraphQLScalarType,
} from "graphql";
import type { Random } from "./random";

/**
 * An argument value, renderable both as a GraphQL literal in the document and as JSON in the variables. `literal` and
 * `json` are texts, so values JSON cannot hold (1e309, 2^53 + 1) reach the server as written.
 */
export type Value =
  | { kind: "scalar"; literal: string; json: string }
  | { kind: "null" }
  | { kind: "list"; items: Value[] }
  | { kind: "object"; fields: { name: string; value: Value }[] };

/** Real ids and codes of the graph under test, by type name (Country, Network, Event, …) or by role (cursor). */
export type Pools = Record<string, string[]>;

/** How wild an operation's values are: the chance of an edge value and of a value of the wrong type, per value. */
export interface ValueMode {
  edge: number;
  wrong: number;
}

export interface ValueContext {
  rng: Random;
  pools: Pools;
  mode: ValueMode;
  /** Huge strings left for this operation (each ~100k characters; the body stays below the gateway's 1 MB). */
  hugeLeft: number;
}

export const hugeStringLength = 100_000;

const str = (text: string): Value => ({ kind: "scalar", literal: JSON.stringify(text), json: JSON.stringify(text) });
const num = (text: string): Value => ({ kind: "scalar", literal: text, json: text });
const bool = (value: boolean): Value => num(String(value));
const enumValue = (name: string): Value => ({ kind: "scalar", literal: name, json: JSON.stringify(name) });
const nullValue: Value = { kind: "null" };

/** Strings no input should break: empty, blank, NUL, unicode of every awkward kind, injections, odd lengths. */
export const edgeStrings: readonly string[] = [
  "",
  " ",
  "   \t  ",
  "\u0000",
  "a\u0000b",
  "PT\u0000",
  "\u0000\u0000\u0000\u0000",
  "🦀👩‍👩‍👧‍👦🏳️‍🌈",
  "مرحبا بالعالم",
  "\u202Eevil\u202C",
  "e\u0301\u0301\u0301\u0301\u0301",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫg̗̚o̜͙",
  "\uFEFFbom",
  "\u200B",
  "\uFFFF",
  "\uD83D",
  "line\nbreak\r\n",
  "tab\tand\\backslash",
  "' OR 1=1 --",
  '\'; DROP TABLE "Event"; --',
  "1' UNION SELECT null, null --",
  '" OR ""="',
  "${{}}",
  "{{7*7}}",
  "#{7*7}",
  "%s%s%s%n",
  "$1",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "{ __schema { types { name } } }",
  "query { me { sub } }",
  "../../../../etc/passwd",
  "%00",
  "%",
  "_",
  "\\",
  "'",
  '"',
  "a & b | !c",
  "foo:* <-> (bar",
  "!!!",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "true",
  "[]",
  "{}",
  "x".repeat(256),
  "ü".repeat(1000),
  "😀".repeat(500),
  "a ".repeat(2000),
];

const edgeIds: readonly string[] = [
  "x",
  "0",
  "-1",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
  "ejcn:PT:member",
  "ejcn:ZZ:member",
  "::",
  "pt",
  "PTT",
  "P",
  "ZZ",
  "XK",
  "EJCN",
  "gpen ",
  " ejcn",
  "ejcn/../gpen",
  "%",
  "*",
];

const edgeDates: readonly string[] = [
  "2020-13-45",
  "",
  "yesterday",
  "today",
  "2020-02-30",
  "2021-02-29",
  "0000-00-00",
  "0000-01-01",
  "9999-12-31",
  "99999-01-01",
  "-000001-01-01",
  "2020-1-1",
  "20200101",
  "2020-01-01T00:00:00Z",
  "2020-01-01 10:00",
  "2020-01-01\u0000",
  "1e309",
  "２０２０-０１-０１",
];

const edgeDateTimes: readonly string[] = [
  "2020-13-45",
  "",
  "yesterday",
  "now",
  "2020-01-01",
  "2020-01-01T25:00:00Z",
  "2020-01-01T10:61:00Z",
  "2020-01-01T00:00:00",
  "2020-02-30T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "-271821-04-20T00:00:00Z",
  "0000-01-01T00:00:00Z",
  "1970-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "2020-01-01T00:00:00+14:00",
  "2020-01-01T00:00:00-12:00",
  "2020-01-01T00:00:00.123456789Z",
  "2020-01-01T00:00:00Z\u0000",
  "1e309",
];

/** Ints GraphQL accepts (32-bit) at the edges of every sensible range. */
const edgeInts: readonly string[] = ["0", "-1", "-2147483648", "2147483647", "101", "1000000", "-100000"];
/** Numbers an Int cannot hold: out of range, not integers, not finite in JSON. */
const outOfRangeInts: readonly string[] = [
  "2147483648",
  "-2147483649",
  "9007199254740993",
  "1e309",
  "-1e309",
  "1.5",
  "1e2",
  "-0.0",
];
const edgeFloats: readonly string[] = ["0", "-0.0", "1e309", "-1e309", "1e-400", "1.7976931348623157e308", "-1"];

const timeZones = ["Europe/Lisbon", "UTC", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati", "Europe/Oslo"];
const edgeTimeZones = ["Mars/Olympus_Mons", "+25:00", "GMT+99", "Europe/Lisbon\u0000", "europe/lisbon", "Etc/GMT-14"];
const languages = ["en", "pt", "fr", "es", "de", "no"];
const words = [
  "Cybercrime",
  "Plenary meeting",
  "Preservation of data",
  "Olá",
  "Réunion plénière",
  "Reunión",
  "e-evidence",
  "fictional",
  "test",
  "port",
  "cyber",
];

function pool(ctx: ValueContext, key: string): string[] {
  const values =
    key === "ForumPost" ? [...(ctx.pools.ForumThread ?? []), ...(ctx.pools.ForumReply ?? [])] : ctx.pools[key];
  return values ?? [];
}

/** The pool an argument or input field draws real values from, by its name (and, for `id`, the owner's type). */
export function poolKeyFor(name: string, idOwner?: string): string | undefined {
  if (name === "id") return idOwner;
  if (/^(country|countries|requestingCountry|requestedCountry|participatingCountries|code|presidency)$/i.test(name))
    return "Country";
  if (/^networks?$/i.test(name)) return "Network";
  if (/^(authority|requestedAuthority|requestingAuthority)$/i.test(name)) return "Authority";
  if (name === "event") return "Event";
  if (name === "course") return "Course";
  if (name === "previousRequest") return "CooperationRequest";
  if (name === "threadId") return "ForumThread";
  if (name === "replyId") return "ForumReply";
  if (name === "postId") return "ForumPost";
  if (name === "after") return "cursor";
  if (name === "semester") return "semester";
  return undefined;
}

function validDate(rng: Random): string {
  const year = rng.int(2023, 2027);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function validDateTime(rng: Random): string {
  const time = `${String(rng.int(0, 23)).padStart(2, "0")}:${String(rng.pick([0, 15, 30, 45])).padStart(2, "0")}:00`;
  return `${validDate(rng)}T${time}${rng.pick(["Z", ".000Z", "+01:00", "-05:00"])}`;
}

/** A plausible value of a String or ID named `name`. */
function validString(name: string, ctx: ValueContext, idOwner?: string): string {
  const { rng } = ctx;
  const key = poolKeyFor(name, idOwner);
  if (key) {
    const values = pool(ctx, key);
    if (values.length > 0) return rng.pick(values);
  }
  if (/timeZone/i.test(name)) return rng.pick(timeZones);
  if (/^languages?$/i.test(name)) return rng.pick(languages);
  if (/url/i.test(name)) return rng.pick(["https://example.org/document.pdf", "https://example.org/"]);
  if (/email/i.test(name)) return "contact@example.org";
  if (/phone/i.test(name)) return "+351 210 000 000";
  if (/^(opensAt|closesAt)$/.test(name)) return rng.pick(["09:00", "17:30", "00:00", "23:59"]);
  if (/^semester$/.test(name)) return `${rng.int(2020, 2027)}-S${rng.int(1, 2)}`;
  if (/caseReference/i.test(name)) return `FUZZ ${rng.int(1, 999)}/26`;
  if (/idempotencyKey/i.test(name)) return `fuzz-${rng.int(1, 50)}`;
  if (/^(search|project)$/i.test(name)) return rng.pick(words);
  if (key === "Country" || /country/i.test(name)) return rng.pick(["PT", "NO", "FR", "ES", "BR"]);
  if (name === "id" || /Id$/.test(name)) return rng.pick(edgeIds);
  return `${rng.pick(words)} ${rng.int(1, 99)}`;
}

function edgeString(ctx: ValueContext, scalar: string, name: string): string {
  const { rng } = ctx;
  if (ctx.hugeLeft > 0 && rng.chance(0.02)) {
    ctx.hugeLeft -= 1;
    return rng.pick(["a", "é", "\u0000", "' OR 1=1 --"]).repeat(hugeStringLength).slice(0, hugeStringLength);
  }
  const roll = rng.next();
  if (/timeZone/i.test(name) && roll < 0.4) return rng.pick(edgeTimeZones);
  if (scalar === "ID" && roll < 0.4) return rng.pick(edgeIds);
  if (roll < 0.55) {
    // A real value, mangled: NUL inside, case changed, padded, doubled.
    const real = validString(name, ctx);
    return rng.pick([
      `${real}\u0000`,
      `\u0000${real}`,
      real.toLowerCase(),
      real.toUpperCase(),
      ` ${real} `,
      `${real}${real}`,
      `${real}'`,
      real.slice(0, -1),
    ]);
  }
  return rng.pick(edgeStrings);
}

/** A value of the wrong type for any position: the gateway must refuse it as the client's mistake. */
function wrongValue(ctx: ValueContext, type: GraphQLInputType): Value {
  const { rng } = ctx;
  const named = getNamedType(type);
  const options: (() => Value)[] = [
    () => str("fuzz"),
    () => num("42"),
    () => num("4.2"),
    () => bool(true),
    () => ({ kind: "list", items: [num("1"), str("two")] }),
    () => ({ kind: "object", fields: [{ name: "unknownField", value: num("1") }] }),
    () => enumValue("NOT_A_VALUE"),
  ];
  if (named instanceof GraphQLEnumType) {
    const real = rng.pick(named.getValues()).name;
    options.push(
      () => enumValue(real.toLowerCase()),
      () => str(""),
      () => enumValue(`${real}_X`),
    );
  }
  if (type instanceof GraphQLNonNull) options.push(() => nullValue);
  return rng.pick(options)();
}

function scalarValue(ctx: ValueContext, scalar: GraphQLScalarType, name: string, idOwner?: string): Value {
  const { rng, mode } = ctx;
  const edge = rng.chance(mode.edge);
  switch (scalar.name) {
    case "Int": {
      if (edge) return num(rng.chance(0.75) ? rng.pick(edgeInts) : rng.pick(outOfRangeInts));
      if (/^first$/.test(name)) return num(String(rng.int(1, 5)));
      if (/^days$/.test(name)) return num(String(rng.int(1, 7)));
      if (/version/i.test(name)) return num(String(rng.int(0, 4)));
      if (/Days$/.test(name)) return num(String(rng.int(0, 400)));
      if (/Hours$/.test(name)) return num(String(rng.int(1, 72)));
      return num(String(rng.int(0, 200)));
    }
    case "Float":
      return num(edge ? rng.pick(edgeFloats) : String(rng.int(0, 1000) / 10));
    case "Boolean":
      return bool(rng.chance(0.5));
    case "Date":
      return str(edge ? rng.pick(edgeDates) : validDate(rng));
    case "DateTimeISO":
    case "DateTime":
      return str(edge ? rng.pick(edgeDateTimes) : validDateTime(rng));
    default:
      return str(edge ? edgeString(ctx, scalar.name, name) : validString(name, ctx, idOwner));
  }
}

/**
 * A value for a position of type `type` named `name` (an argument or an input field); the caller decides whether
 * an optional one is given at all. `idOwner` is the type whose `id` an `id` argument names (the root field's type).
 */
export function generateValue(
  ctx: ValueContext,
  type: GraphQLInputType,
  name: string,
  idOwner?: string,
  mayBeWrong = true,
  nonNull = false,
): Value {
  const { rng, mode } = ctx;
  if (mayBeWrong && rng.chance(mode.wrong)) return wrongValue(ctx, type);
  if (type instanceof GraphQLNonNull) return generateValue(ctx, type.ofType, name, idOwner, false, true);
  // A nullable position: sometimes an explicit null.
  if (!nonNull && rng.chance(0.04)) return nullValue;
  if (type instanceof GraphQLList) {
    const edge = rng.chance(mode.edge);
    const length = edge ? rng.pick([0, 0, 30]) : rng.int(1, 3);
    const key = poolKeyFor(name);
    const distinct = key ? rng.sample(pool(ctx, key), length) : [];
    const items: Value[] = [];
    for (let i = 0; i < length; i++) {
      items.push(
        distinct[i] !== undefined && !edge ? str(distinct[i]) : generateValue(ctx, type.ofType, name, idOwner),
      );
    }
    // A single value where a list is expected (GraphQL's list coercion).
    if (!edge && items.length === 1 && rng.chance(0.2)) return items[0];
    return { kind: "list", items };
  }
  if (type instanceof GraphQLInputObjectType) {
    const fields: { name: string; value: Value }[] = [];
    for (const field of Object.values(type.getFields())) {
      const required = field.type instanceof GraphQLNonNull && field.defaultValue === undefined;
      if (!required && !rng.chance(0.5)) continue;
      // Leaving a required field out is a value of the wrong shape.
      if (required && rng.chance(mode.wrong)) continue;
      fields.push({ name: field.name, value: generateValue(ctx, field.type, field.name) });
    }
    orderRanges(fields);
    if (rng.chance(mode.wrong)) fields.push({ name: "notAField", value: str("x") });
    return { kind: "object", fields };
  }
  if (type instanceof GraphQLEnumType) {
    if (rng.chance(mode.edge / 2)) return wrongValue(ctx, type);
    return enumValue(rng.pick(type.getValues()).name);
  }
  return scalarValue(ctx, type, name, idOwner);
}

/** Ranges given the right way round (start before end), where both ends are plain strings, so valid input is. */
function orderRanges(fields: { name: string; value: Value }[]): void {
  for (const [start, end] of [
    ["startDate", "endDate"],
    ["from", "to"],
    ["since", "until"],
  ]) {
    const a = fields.find((field) => field.name === start)?.value;
    const b = fields.find((field) => field.name === end)?.value;
    if (a?.kind !== "scalar" || b?.kind !== "scalar" || !a.json.startsWith('"') || !b.json.startsWith('"')) continue;
    if (a.json > b.json) [a.literal, a.json, b.literal, b.json] = [b.literal, b.json, a.literal, a.json];
  }
}

/** The value as JSON text, for the variables. */
export function toJson(value: Value): string {
  switch (value.kind) {
    case "null":
      return "null";
    case "scalar":
      return value.json;
    case "list":
      return `[${value.items.map(toJson).join(",")}]`;
    case "object":
      return `{${value.fields.map((field) => `${JSON.stringify(field.name)}:${toJson(field.value)}`).join(",")}}`;
  }
}
