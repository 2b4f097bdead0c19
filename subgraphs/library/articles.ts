import { badUserInput } from "../../common/errors";
import { StoredDataError } from "../../common/validation";

/**
 * Articles of the Budapest Convention (ETS 185, Articles 1–48) and of its Second Additional Protocol (CETS 224,
 * Articles 1–25), as codes: `BC-29`, `2AP-7`. A document lists the articles it concerns; the search filters and
 * counts by them.
 */
export enum TreatyInstrument {
  BUDAPEST_CONVENTION = "BUDAPEST_CONVENTION",
  SECOND_ADDITIONAL_PROTOCOL = "SECOND_ADDITIONAL_PROTOCOL",
}

const instruments = {
  BC: { instrument: TreatyInstrument.BUDAPEST_CONVENTION, articles: 48 },
  "2AP": { instrument: TreatyInstrument.SECOND_ADDITIONAL_PROTOCOL, articles: 25 },
} as const;

// Article headings as the sources give them: the Convention's English text (statengeneraal/laws-markdown,
// BWBV0001839); for the Protocol, the titles of Articles 8 and 10 seen in Japan's reservation and in the
// Eurojust/SIRIUS publication (shared/reference/domain.md §2.4). None is written where no source gave one.
const headings: Record<string, string> = {
  "BC-1": "Definitions",
  "BC-2": "Illegal access",
  "BC-3": "Illegal interception",
  "BC-4": "Data interference",
  "BC-5": "System interference",
  "BC-6": "Misuse of devices",
  "BC-7": "Computer-related forgery",
  "BC-8": "Computer-related fraud",
  "BC-9": "Offences related to child pornography",
  "BC-10": "Offences related to infringements of copyright and related rights",
  "BC-11": "Attempt and aiding or abetting",
  "BC-28": "Confidentiality and limitation on use",
  "BC-29": "Expedited preservation of stored computer data",
  "BC-30": "Expedited disclosure of preserved traffic data",
  "BC-31": "Mutual assistance regarding accessing of stored computer data",
  "BC-32": "Trans-border access to stored computer data with consent or where publicly available",
  "BC-33": "Mutual assistance in the real-time collection of traffic data",
  "BC-34": "Mutual assistance regarding the interception of content data",
  "BC-35": "24/7 Network",
  "BC-36": "Signature and entry into force",
  "BC-37": "Accession to the Convention",
  "BC-38": "Territorial application",
  "BC-39": "Effects of the Convention",
  "BC-40": "Declarations",
  "BC-41": "Federal clause",
  "BC-48": "Notification",
  "2AP-8":
    "Giving effect to orders from another Party for expedited production of subscriber information and traffic data",
  "2AP-10": "Emergency mutual assistance",
};

export interface TreatyArticleRef {
  code: string;
  instrument: TreatyInstrument;
  number: number;
  title: string | null;
}

/** The name a message starts with, as common/validation.ts writes it: the last segment that is not a list index. */
const label = (field: string) =>
  field
    .split(".")
    .filter((segment) => !/^\d+$/.test(segment))
    .at(-1) ?? field;

const codePattern = /^(BC|2AP)-([1-9]\d?)$/;

function parse(code: string): TreatyArticleRef | null {
  const match = codePattern.exec(code);
  if (!match) return null;
  const { instrument, articles } = instruments[match[1] as keyof typeof instruments];
  const number = Number(match[2]);
  if (number > articles) return null;
  return { code, instrument, number, title: headings[code] ?? null };
}

/** An article code in any case, surrounding spaces ignored (`bc-29` is `BC-29`); anything else is BAD_USER_INPUT. */
export function articleCode(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!parse(code)) {
    throw badUserInput(
      `${label(field)} must be an article code such as BC-29 (Budapest Convention, 1 to 48) or 2AP-7 (Second Additional Protocol, 1 to 25)`,
      field,
    );
  }
  return code;
}

/** Each code by `articleCode` (errors name its index), once each, in the order given. */
export const articleCodes = (values: readonly string[], field: string): string[] => [
  ...new Set(values.map((value, index) => articleCode(value, `${field}.${index}`))),
];

/** A stored code as the graph shows it; a code the graph would not have written is a StoredDataError. */
export function storedArticle(code: string): TreatyArticleRef {
  const article = parse(code);
  if (!article) throw new StoredDataError(`article code "${code}" is not one the library writes`);
  return article;
}
