import type { RequestKind } from "../../../common/request-kind";

export const formLanguages = ["en", "fr", "es", "pt"] as const;
export type FormLanguage = (typeof formLanguages)[number];

export const formFormats = ["PDF", "DOCX"] as const;
export type FormFormat = (typeof formFormats)[number];

export interface FormParties {
  requesting: { authority: string; country: string };
  requested: { authority: string; country: string };
  /**
   * The earlier request's case reference and date, for "extension of / follow-up to previous request". Its kind tells
   * an MLA request which follow-up box to tick (previous MLA or previous preservation); without it, preservation,
   * the usual path under Art. 29(2)(f).
   */
  previous?: { caseReference: string; sentAt: Date | null; kind?: RequestKind } | null;
}
