import { countryCode, requiredText } from "../../common/validation";
import type { GpenNoticeInput } from "./types/notice";

/** A new notice as it is stored: text trimmed and bounded, the country an ISO 3166-1 code; errors name the field. */
export function checkNotice(input: GpenNoticeInput) {
  return {
    networkId: input.network,
    countryCode: input.country == null ? null : countryCode(input.country, "input.country"),
    title: requiredText(input.title, "input.title", 300),
    body: requiredText(input.body, "input.body", 20_000),
    source: requiredText(input.source, "input.source", 1000),
  };
}
