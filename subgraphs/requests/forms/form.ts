import { DateTime } from "luxon";
import { RequestKind } from "../../../common/request-kind";
import { mlaKinds } from "../domain";
import type { Identifier } from "../types/content";
import type { CooperationRequest } from "../types/request";
import type { FormLanguage, FormParties } from "./options";
import {
  identifierKindLabels,
  mlaLabels,
  preservationLabels,
  responseChannelLabels,
  sharedLabels,
  type Phrase,
} from "./template";

export type FormTemplate = "T-CY(2018)11" | "T-CY(2018)10";

/** Which T-CY template a request kind follows; null when none does. */
export function templateFor(kind: RequestKind): FormTemplate | null {
  switch (kind) {
    case RequestKind.PRESERVATION:
    case RequestKind.PRESERVATION_EXTENSION:
    case RequestKind.TRAFFIC_DATA_PARTIAL_DISCLOSURE:
      return "T-CY(2018)11";
    case RequestKind.MLA_SUBSCRIBER_INFORMATION:
      return "T-CY(2018)10";
    default:
      return null;
  }
}

/** One line of a section; an empty value prints as an empty line to fill in. */
export type FormLine =
  | { kind: "field"; label: string; value: string }
  /** Free text that may run over many lines, printed under its label. */
  | { kind: "text"; label: string; value: string }
  /** Check boxes, each on its own line, after an optional statement. */
  | { kind: "choice"; statement?: string; options: { label: string; checked: boolean }[] }
  | { kind: "identifiers"; headings: [string, string, string, string]; rows: [string, string, string, string][] };

export interface FormSection {
  number: number;
  heading: string;
  lines: FormLine[];
}

/** The filled template, in one language, for either format to print. */
export interface FilledForm {
  template: FormTemplate;
  language: FormLanguage;
  caseReference: string;
  /** In place of the template's "[Add logo or use letter head of requesting organisation]". */
  letterhead: string;
  committee: string;
  adopted: string;
  title: string;
  sections: FormSection[];
}

// XML 1.0 (and so a .docx) cannot hold control characters other than tab and line feed (and CR, made \n here).
const controlCharacters = /(?![\t\n])\p{Cc}/gu;

/** Text as printed: never "null", line ends made one, control characters dropped. */
const printable = (value: string | null | undefined): string =>
  (value ?? "").replace(/\r\n?/g, "\n").replace(controlCharacters, "").trim();

/** DD/MM/YYYY, as both templates write dates, in the given time zone. */
export const formDate = (at: Date, timeZone: string): string =>
  DateTime.fromJSDate(at, { zone: timeZone }).toFormat("dd/MM/yyyy");

/** An IANA zone with its offset at that instant, e.g. "Europe/Lisbon (UTC+01:00)", so a reader need not look it up. */
export function zoneWithOffset(timeZone: string | null | undefined, at: Date): string {
  const zone = printable(timeZone);
  if (zone === "") return "";
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) return zone;
  return zone === "UTC" ? zone : `${zone} (UTC${local.toFormat("ZZ")})`;
}

/** An identifier's time stamp, in the time zone the source gave it (UTC when none was given). */
export function identifierTimeStamp(identifier: Identifier): { at: string; zone: string } {
  if (!identifier.observedAt) return { at: "", zone: printable(identifier.timeZone) };
  const zone = identifier.timeZone ?? "UTC";
  return {
    at: DateTime.fromJSDate(identifier.observedAt, { zone }).toFormat("dd/MM/yyyy HH:mm:ss"),
    zone: zoneWithOffset(zone, identifier.observedAt),
  };
}

const field = (label: string, value: string | null | undefined): FormLine => ({
  kind: "field",
  label,
  value: printable(value),
});
const text = (label: string, value: string | null | undefined): FormLine => ({
  kind: "text",
  label,
  value: printable(value),
});

/** Builds the filled form of a request: the template's sections in its order and numbering. */
export function fillForm(
  request: CooperationRequest,
  parties: FormParties,
  language: FormLanguage,
  date: Date,
): FilledForm {
  const template = templateFor(request.kind);
  if (!template) throw new Error(`no T-CY template for a ${request.kind} request`);
  const say = (phrase: Phrase) => phrase[language];
  const shared = sharedLabels;
  const content = request.content;
  const contact = content.requestingContact;
  const previous = parties.previous ?? null;
  const previousDate = previous?.sentAt ? formDate(previous.sentAt, request.requestedTimeZone) : "";

  const dateAndReference: FormSection[] = [
    {
      number: 1,
      heading: say(shared.date),
      lines: [field(say(shared.dateFormat), formDate(date, request.requestedTimeZone))],
    },
    { number: 2, heading: say(shared.reference), lines: [field("", request.caseReference)] },
  ];
  const statusLines = (): FormLine[] => {
    if (template === "T-CY(2018)11") {
      const extension = request.kind === RequestKind.PRESERVATION_EXTENSION;
      const reference = extension && previous ? [previous.caseReference, previousDate].filter(Boolean).join(", ") : "";
      return [
        {
          kind: "choice",
          options: [
            { label: say(shared.newRequest), checked: !extension },
            { label: say(preservationLabels.extension), checked: extension },
          ],
        },
        field(say(preservationLabels.previousReference), reference),
      ];
    }
    return [
      {
        kind: "choice",
        options: [
          { label: say(shared.newRequest), checked: !previous },
          { label: say(mlaLabels.followUpMla), checked: followsMla(previous) },
          { label: say(mlaLabels.followUpPreservation), checked: !!previous && !followsMla(previous) },
        ],
      },
    ];
  };
  const statusAndContacts: FormSection[] = [
    { number: 3, heading: say(shared.requestStatus), lines: statusLines() },
    {
      number: 4,
      heading: say(shared.requestedAuthority),
      lines: [
        field(say(shared.authority), parties.requested.authority),
        field(say(shared.country), parties.requested.country),
      ],
    },
    {
      number: 5,
      heading: say(shared.requestingAuthority),
      lines: [
        field(say(shared.organisation), organisation(contact?.organisation, parties.requesting.authority)),
        field(say(shared.country), parties.requesting.country),
        field(say(shared.personInChargeOfRequest), contact?.personInCharge),
        field(say(shared.address), ""),
        field(say(shared.telephone), contact?.phone),
        field(say(shared.cellPhone), ""),
        field(say(shared.email), contact?.email),
        field(say(shared.fax), ""),
        field(say(shared.officeHours), contact?.officeHours),
        field(say(shared.timeZone), zoneWithOffset(contact?.timeZone, date)),
        { kind: "choice", options: [{ label: say(shared.expeditedResponse), checked: !!content.expeditedResponse }] },
        field(
          say(shared.responseMeans),
          content.preferredResponseChannel ? say(responseChannelLabels[content.preferredResponseChannel]) : "",
        ),
      ],
    },
    // Sections 6 and 7 have no counterpart in the request's content: they print empty, for the sender to fill in.
    // T-CY(2018)11's section 7 is known by its heading only; its fields are those of T-CY(2018)10's section 7.
    {
      number: 6,
      heading: say(shared.additionalConfirmation),
      lines: [shared.name, shared.jobTitle, shared.function, shared.telephone, shared.cellPhone, shared.email].map(
        (label) => field(say(label), ""),
      ),
    },
    {
      number: 7,
      heading: say(shared.operationalAuthority),
      lines: [
        shared.organisation,
        shared.personInChargeOfCase,
        shared.address,
        shared.telephone,
        shared.cellPhone,
        shared.email,
        shared.fax,
      ].map((label) => field(say(label), "")),
    },
  ];

  const offence: FormLine[] = [
    field(say(shared.offenceDescription), content.offence?.description),
    field(say(shared.legalProvisions), content.offence?.legalProvisions),
    text(say(shared.summaryOfFacts), content.offence?.summaryOfFacts),
  ];
  const dataItems = (itemLabel: Phrase): FormLine[] => {
    const items = content.dataToPreserve?.length
      ? content.dataToPreserve
      : [{ description: "", relationToOffence: "" }];
    return items.flatMap((item, index) => [
      text(items.length > 1 ? `${say(itemLabel)} (${index + 1})` : say(itemLabel), item.description),
      text(say(shared.relationToOffence), item.relationToOffence),
    ]);
  };
  const custodian: FormLine[] = [
    field(say(shared.serviceProvider), content.custodian?.serviceProvider),
    field(say(shared.location), content.custodian?.location),
    {
      kind: "identifiers",
      headings: [say(shared.identifierKind), say(shared.identifierValue), say(shared.timeStamp), say(shared.timeZone)],
      rows: content.custodian?.identifiers?.length
        ? content.custodian.identifiers.map((identifier) => {
            const stamp = identifierTimeStamp(identifier);
            return [say(identifierKindLabels[identifier.kind]), printable(identifier.value), stamp.at, stamp.zone];
          })
        : [["", "", "", ""]],
    },
  ];

  // Sections after 7 (T-CY(2018)11) and after 11 (T-CY(2018)10) are not on any publicly seen template page: their
  // headings and order follow Art. 29(2)(b)-(f) and Arts. 30, 31 and 18(3) of the Convention, not the template.
  if (template === "T-CY(2018)11") {
    const labels = preservationLabels;
    const partialDisclosure = request.kind === RequestKind.TRAFFIC_DATA_PARTIAL_DISCLOSURE;
    const article29: Omit<FormSection, "number">[] = [
      {
        heading: say(labels.measure),
        lines: [
          {
            kind: "choice",
            options: [
              { label: say(labels.preservation), checked: true },
              { label: say(labels.partialDisclosure), checked: partialDisclosure },
            ],
          },
        ],
      },
      { heading: say(shared.offence), lines: offence },
      { heading: say(labels.data), lines: dataItems(labels.dataItem) },
      { heading: say(labels.custodian), lines: custodian },
      { heading: say(labels.necessity), lines: [text("", content.necessity)] },
      {
        heading: say(labels.mutualAssistance),
        lines: [
          {
            kind: "choice",
            statement: say(labels.mutualAssistanceIntent),
            options: [
              { label: say(shared.yes), checked: content.mlaToFollow === true },
              { label: say(shared.no), checked: content.mlaToFollow === false },
            ],
          },
        ],
      },
    ];
    return form(template, say(labels.title), [...dateAndReference, ...statusAndContacts, ...numbered(article29, 8)]);
  }

  const labels = mlaLabels;
  const previousLines = (shown: boolean): FormLine[] => [
    field(say(shared.date), shown ? previousDate : ""),
    field(say(labels.ticketReference), shown ? previous?.caseReference : ""),
    field(say(labels.requestingContactDetails), ""),
    field(say(labels.respondingContactDetails), ""),
    field(say(labels.communicationMethod), ""),
  ];
  const mla: Omit<FormSection, "number">[] = [
    {
      heading: say(labels.prosecution),
      lines: [field(say(labels.prosecutionOffice), ""), field(say(labels.court), ""), field(say(labels.decisions), "")],
    },
    { heading: say(labels.previousMla), lines: previousLines(followsMla(previous)) },
    { heading: say(labels.previousPreservation), lines: previousLines(!!previous && !followsMla(previous)) },
    { heading: say(labels.legalBasis), lines: [text("", "")] },
    { heading: say(shared.offence), lines: offence },
    { heading: say(labels.information), lines: dataItems(labels.informationItem) },
    { heading: say(labels.provider), lines: custodian },
    { heading: say(labels.necessity), lines: [text("", content.necessity)] },
  ];
  return form(template, say(labels.title), [...dateAndReference, ...statusAndContacts, ...numbered(mla, 8)]);

  function form(template: FormTemplate, title: string, sections: FormSection[]): FilledForm {
    return {
      template,
      language,
      caseReference: printable(request.caseReference),
      letterhead: printable(parties.requesting.authority),
      committee: say(shared.committee),
      adopted: say(shared.adopted),
      title,
      sections,
    };
  }
}

const followsMla = (previous: FormParties["previous"]): boolean => !!previous?.kind && mlaKinds.includes(previous.kind);

const numbered = (sections: Omit<FormSection, "number">[], first: number): FormSection[] =>
  sections.map((section, index) => ({ ...section, number: first + index }));

/** The contact's organisation, naming the authority too when it is a unit of it ("Cybercrime Office, PGR"). */
function organisation(unit: string | null | undefined, authority: string): string {
  const name = printable(unit);
  if (name === "") return printable(authority);
  return name.toLowerCase().includes(printable(authority).toLowerCase()) ? name : `${name}, ${printable(authority)}`;
}
