import { badUserInput } from "../../common/errors";
import {
  countryCode,
  httpUrl,
  languageCode,
  networkId,
  optionalCountryCode,
  optionalText,
  requiredText,
  storedEnumValues,
} from "../../common/validation";
import type { Document as DocumentRow } from "../../prisma/library/generated/client";
import { articleCode, articleCodes } from "./articles";
import {
  CybercrimeOffence,
  DatePrecision,
  ProceduralPower,
  TextCoverage,
  type Document,
  type LibraryDocumentInput,
} from "./types/document";
import type { LibraryFilter, TextFragment } from "./types/search";
import { highlightEnd, highlightStart, type SearchFilter } from "./visibility";

/** A stored document as the graph shows it: its enum lists checked, its article codes kept for `articles`. */
export function documentFromRow(row: DocumentRow): Document {
  const { articles, offences, proceduralPowers, ...rest } = row;
  return {
    ...rest,
    articleCodes: articles,
    offences: storedEnumValues(CybercrimeOffence, offences, `offences of document ${row.id}`),
    proceduralPowers: storedEnumValues(ProceduralPower, proceduralPowers, `procedural powers of document ${row.id}`),
  };
}

/** A day as the database takes it: a DateResolver date is midnight UTC, so its ISO text up to the "T" is the day. */
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The conditions of a search, checked: errors name the field (`filter.country`), codes come back as stored. */
export function searchFilter(filter: LibraryFilter | null): SearchFilter {
  if (filter?.from && filter.to && filter.to < filter.from)
    throw badUserInput("to must not be before from", "filter.to");
  return {
    kind: filter?.kind ?? null,
    country: optionalCountryCode(filter?.country, "filter.country"),
    article: filter?.article == null ? null : articleCode(filter.article, "filter.article"),
    network: filter?.network == null ? null : networkId(filter.network, "filter.network"),
    language: filter?.language == null ? null : languageCode(filter.language.trim().toLowerCase(), "filter.language"),
    from: filter?.from ? day(filter.from) : null,
    to: filter?.to ? day(filter.to) : null,
  };
}

export const maxBodyLength = 100_000;

/**
 * Checks a document's input; errors name the field. Returns the columns to store, without id, translation group,
 * times and version.
 */
export function checkDocument(input: LibraryDocumentInput) {
  const body =
    input.body == null || input.body.trim() === "" ? null : requiredText(input.body, "input.body", maxBodyLength);
  const textCoverage = input.textCoverage ?? (body === null ? TextCoverage.NONE : TextCoverage.FULL_TEXT);
  if ((textCoverage === TextCoverage.NONE) !== (body === null))
    throw badUserInput(
      body === null ? "textCoverage must be NONE without a body" : "textCoverage must not be NONE with a body",
      "input.textCoverage",
    );
  const sourceUrl = requiredText(input.sourceUrl, "input.sourceUrl", 1000);
  httpUrl(sourceUrl, "input.sourceUrl");
  if (input.datePrecision != null && input.date == null)
    throw badUserInput("datePrecision needs a date", "input.datePrecision");
  return {
    networkId: networkId(input.network, "input.network"),
    kind: input.kind,
    title: requiredText(input.title, "input.title", 500),
    summary: optionalText(input.summary, "input.summary", 5000),
    body,
    textCoverage,
    textNote: optionalText(input.textNote, "input.textNote", 1000),
    language: languageCode(input.language.trim().toLowerCase(), "input.language"),
    countryCode: input.country == null ? null : countryCode(input.country, "input.country"),
    issuingBody: optionalText(input.issuingBody, "input.issuingBody", 300),
    date: input.date ?? null,
    datePrecision: input.date == null ? null : (input.datePrecision ?? DatePrecision.DAY),
    sourceUrl,
    source: optionalText(input.source, "input.source", 2000) ?? sourceUrl,
    articles: articleCodes(input.articles, "input.articles"),
    offences: [...new Set(input.offences)],
    proceduralPowers: [...new Set(input.proceduralPowers)],
    visibility: input.visibility,
  };
}

/** ts_headline's answer as pieces, the matching words highlighted (visibility.ts puts the marks). */
export function highlighted(text: string | null): TextFragment[] | null {
  if (text === null) return null;
  const fragments: TextFragment[] = [];
  for (const [index, piece] of text.split(highlightStart).entries()) {
    const [inside, after] = index === 0 ? [null, piece] : splitOnce(piece, highlightEnd);
    if (inside) fragments.push({ text: inside, highlighted: true });
    if (after) fragments.push({ text: after, highlighted: false });
  }
  return fragments;
}

const splitOnce = (text: string, separator: string): [string, string] => {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length)];
};
