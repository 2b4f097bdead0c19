import { badUserInput } from "../../common/errors";
import { foldForSearch } from "../../common/text";

/**
 * A library search as the database reads it. Words, "quoted phrases", `or` and `-excluded` words go to PostgreSQL's
 * `websearch_to_tsquery`, stemmed in each document's language; `word*` (the start of a word, at least two letters)
 * is taken out and matched as a prefix of the words as written, without accents, required (or excluded with `-`).
 */
export interface LibraryQuery {
  text: string;
  prefixes: { start: string; excluded: boolean }[];
}

export const maxQueryLength = 200;

const quotes = /[“”„«»]/g;
const prefixToken = /^(-?)([\p{L}\p{N}]+)\*+$/u;

/** The query of a search; null when it has nothing to search for (blank, or only punctuation). */
export function parseLibraryQuery(query: string | null | undefined, field = "query"): LibraryQuery | null {
  if (query == null) return null;
  const trimmed = query.trim();
  if (trimmed.length > maxQueryLength) throw badUserInput(`${field} is limited to ${maxQueryLength} characters`, field);
  const prefixes: LibraryQuery["prefixes"] = [];
  // Between double quotes is a phrase, left whole; prefixes are looked for outside them.
  const parts = trimmed.replace(quotes, '"').split('"');
  const text = parts
    .map((part, index) => {
      if (index % 2 === 1) return `"${part}"`;
      return part
        .split(/\s+/)
        .filter((token) => {
          const match = prefixToken.exec(token);
          if (!match) return true;
          const start = foldForSearch(match[2]);
          if (start.length < 2)
            throw badUserInput(`${field}: a prefix (word*) needs at least two letters, got "${token}"`, field);
          prefixes.push({ start, excluded: match[1] === "-" });
          return false;
        })
        .join(" ");
    })
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  const searchable = /[\p{L}\p{N}]/u.test(text);
  if (!searchable && prefixes.length === 0) return null;
  return { text: searchable ? text : "", prefixes };
}
