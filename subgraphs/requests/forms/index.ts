import { badUserInput } from "../../../common/errors";
import { RequestKind } from "../../../common/request-kind";
import type { CooperationRequest } from "../types/request";
import { renderDocx } from "./docx";
import { fillForm, templateFor } from "./form";
import type { FormFormat, FormLanguage, FormParties } from "./options";
import { renderPdf } from "./pdf";

// Cooperation requests as the Council of Europe's T-CY forms: T-CY(2018)11 for preservation (Arts. 29 and 30) and
// T-CY(2018)10 for MLA for subscriber information (Art. 31), as PDF or Word, in English, French, Spanish or Portuguese.
export { formFormats, formLanguages, type FormFormat, type FormLanguage, type FormParties } from "./options";
export { templateFor };

/** The filled form; `date` is the form's date (the product clock's now, in the requested side's time zone). */
export function renderRequestForm(
  request: CooperationRequest,
  parties: FormParties,
  options: { format: FormFormat; language: FormLanguage; date: Date },
): Promise<Buffer> {
  if (!templateFor(request.kind)) {
    return Promise.reject(badUserInput(`a ${request.kind} request has no T-CY form`, "kind"));
  }
  const form = fillForm(request, parties, options.language, options.date);
  return options.format === "PDF" ? renderPdf(form, options.date) : renderDocx(form);
}

const contentTypes: Record<FormFormat, string> = {
  PDF: "application/pdf",
  DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

const fileStems: Partial<Record<RequestKind, string>> = {
  [RequestKind.PRESERVATION]: "preservation-request",
  [RequestKind.PRESERVATION_EXTENSION]: "preservation-extension-request",
  [RequestKind.TRAFFIC_DATA_PARTIAL_DISCLOSURE]: "traffic-data-disclosure-request",
  [RequestKind.MLA_SUBSCRIBER_INFORMATION]: "mla-subscriber-information-request",
};

/** The case reference as a file name part: ASCII letters, digits, dots and dashes ("PT/2026 nº 7" → "PT-2026-no-7"). */
const fileSafe = (reference: string) =>
  reference
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9.]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "") || "request";

/** File name and MIME type for downloads and e-mail attachments, e.g. "preservation-request-PT-2026-7-fr.pdf". */
export function formFile(
  request: CooperationRequest,
  format: FormFormat,
  language: FormLanguage,
): { fileName: string; contentType: string } {
  const stem = fileStems[request.kind] ?? "cooperation-request";
  return {
    fileName: `${stem}-${fileSafe(request.caseReference)}-${language}.${format.toLowerCase()}`,
    contentType: contentTypes[format],
  };
}
