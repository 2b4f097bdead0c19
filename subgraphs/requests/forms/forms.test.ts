import { DateTime } from "luxon";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { now } from "../../../common/clock";
import { RequestKind } from "../../../common/request-kind";
import type { RequestContent } from "../types/content";
import { RequestStatus, type CooperationRequest } from "../types/request";
import { fillForm } from "./form";
import {
  formFile,
  formLanguages,
  renderRequestForm,
  templateFor,
  type FormFormat,
  type FormLanguage,
  type FormParties,
} from "./index";

// The forms are read back with real readers: PDF.js (through unpdf) for the PDF, mammoth for the .docx. Text is
// compared with its white space collapsed, since both break long lines where the page does.
const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return collapse(text);
}

async function docxText(docx: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: docx });
  return collapse(value);
}

async function readForm(
  request: CooperationRequest,
  parties: FormParties,
  format: FormFormat,
  language: FormLanguage,
  date = now(),
): Promise<string> {
  const file = await renderRequestForm(request, parties, { format, language, date });
  return format === "PDF" ? pdfText(file) : docxText(file);
}

const days = (count: number) => new Date(now().getTime() + count * 24 * 3600 * 1000);

const contact = {
  organisation: "Gabinete Cibercrime",
  personInCharge: "Maria João Gonçalves",
  email: "cibercrime@pgr.example",
  phone: "+351 213 921 900",
  officeHours: "Mon-Fri 09:00-17:30",
  timeZone: "Europe/Lisbon",
};

function request(kind: RequestKind, content: RequestContent, caseReference = "PGR/2026-0417"): CooperationRequest {
  const at = now();
  return {
    id: "req-1",
    kind,
    status: RequestStatus.DRAFT,
    version: 1,
    requestingAuthorityId: "pt-pgr",
    requestingCountryCode: "PT",
    requestedAuthorityId: "es-fge",
    requestedCountryCode: "ES",
    caseReference,
    urgent: false,
    previousRequestId: null,
    idempotencyKey: null,
    createdBy: "user-1",
    content,
    requestedTimeZone: "Europe/Madrid",
    responseTargetHours: null,
    createdAt: at,
    sentAt: null,
    acknowledgedAt: null,
    executedAt: null,
    closedAt: null,
    responseDueAt: null,
    preservedUntil: null,
  };
}

const observedIp = days(-3);
const observedAccount = days(-2);

const preservationContent: RequestContent = {
  offence: {
    description: "Burla informática e acesso ilegítimo",
    legalProvisions: "Art. 221.º do Código Penal",
    summaryOfFacts:
      'Os suspeitos enviaram mensagens "urgentes" « du fisc » a 300 vítimas.\nSegunda linha: ñandú, œuvre.',
  },
  dataToPreserve: [
    { description: "Registos de acesso à conta de correio", relationToOffence: "Identificam quem enviou as mensagens" },
    { description: "Conteúdo da caixa de correio", relationToOffence: "Prova das mensagens enviadas" },
  ],
  custodian: {
    serviceProvider: "Telefónica España S.A.U.",
    location: "Madrid, España",
    identifiers: [
      { kind: "IP_ADDRESS", value: "203.0.113.7", observedAt: observedIp, timeZone: "Europe/Lisbon" },
      { kind: "ACCOUNT", value: "cuenta.falsa", observedAt: observedAccount, timeZone: "America/Sao_Paulo" },
    ],
  },
  necessity: "Os registos são apagados ao fim de 30 dias pelo fornecedor.",
  mlaToFollow: true,
  requestingContact: contact,
  preferredResponseChannel: "EMAIL",
  expeditedResponse: true,
};

const parties: FormParties = {
  requesting: { authority: "Procuradoria-Geral da República", country: "Portugal" },
  requested: { authority: "Fiscalía General del Estado", country: "España" },
};

const stamp = (at: Date, zone: string) => {
  const local = DateTime.fromJSDate(at, { zone });
  return `${local.toFormat("dd/MM/yyyy HH:mm:ss")} ${zone} (UTC${local.toFormat("ZZ")})`;
};

/** What every reader must find of a filled preservation request, in any language. */
const preservationValues = () => [
  "PGR/2026-0417",
  "Fiscalía General del Estado",
  "España",
  "Gabinete Cibercrime, Procuradoria-Geral da República",
  "Portugal",
  "Maria João Gonçalves",
  "cibercrime@pgr.example",
  "+351 213 921 900",
  "Mon-Fri 09:00-17:30",
  `Europe/Lisbon (UTC${DateTime.fromJSDate(now(), { zone: "Europe/Lisbon" }).toFormat("ZZ")})`,
  "Burla informática e acesso ilegítimo",
  "Art. 221.º do Código Penal",
  'Os suspeitos enviaram mensagens "urgentes" « du fisc » a 300 vítimas. Segunda linha: ñandú, œuvre.',
  "Registos de acesso à conta de correio",
  "Identificam quem enviou as mensagens",
  "Conteúdo da caixa de correio",
  "Prova das mensagens enviadas",
  "Telefónica España S.A.U.",
  "Madrid, España",
  `203.0.113.7 ${stamp(observedIp, "Europe/Lisbon")}`,
  `cuenta.falsa ${stamp(observedAccount, "America/Sao_Paulo")}`,
  "Os registos são apagados ao fim de 30 dias pelo fornecedor.",
];

// Titles and section headings as each language prints them.
const preservationHeadings: Record<FormLanguage, string[]> = {
  en: [
    "Data Preservation Request under Articles 29 and 30 Budapest Convention",
    "Adopted by the T-CY at its 19th Plenary, Strasbourg, 9 July 2018",
    "1. Date",
    "2. Reference / case number",
    "3. Request status",
    "4. Requested authority",
    "5. Requesting authority",
    "9. Offence under investigation and brief summary of the facts",
    "10. Stored computer data to be preserved and its relationship to the offence",
    "11. Custodian of the stored computer data or location of the computer system",
    "12. Necessity of preservation",
    "13. Request for mutual assistance to follow",
  ],
  fr: [
    "Demande de conservation de données en vertu des articles 29 et 30 de la Convention de Budapest",
    "Adopté par le T-CY lors de sa 19e réunion plénière, Strasbourg, 9 juillet 2018",
    "2. Référence / numéro de dossier",
    "3. Statut de la demande",
    "4. Autorité requise",
    "5. Autorité requérante",
    "9. Infraction faisant l’objet de l’enquête et bref exposé des faits",
    "11. Gardien des données informatiques stockées ou emplacement du système informatique",
    "12. Nécessité de la mesure de conservation",
  ],
  es: [
    "Solicitud de conservación de datos en virtud de los artículos 29 y 30 del Convenio de Budapest",
    "1. Fecha",
    "3. Estado de la solicitud",
    "4. Autoridad requerida",
    "5. Autoridad requirente",
    "9. Delito objeto de investigación y breve resumen de los hechos",
    "10. Datos informáticos almacenados que deben conservarse y su relación con el delito",
    "12. Necesidad de la conservación",
  ],
  pt: [
    "Pedido de conservação de dados ao abrigo dos artigos 29.º e 30.º da Convenção de Budapeste",
    "1. Data",
    "3. Estado do pedido",
    "4. Autoridade requerida",
    "5. Autoridade requerente",
    "9. Infração objeto da investigação e breve resumo dos factos",
    "12. Necessidade da conservação",
  ],
};

// The check boxes of sections 3 (new request), 5 (expedited response) and 13 (MLA will follow).
const preservationBoxes: Record<FormLanguage, string[]> = {
  en: [
    "☒ New request ☐ Extension of previous request",
    "☒ Response by e-mail or other expedited means preferred",
    "Response preferred by means of E-mail",
    "☒ Yes ☐ No",
  ],
  fr: [
    "☒ Nouvelle demande ☐ Prolongation d’une demande antérieure",
    "☒ Réponse par courriel ou par un autre moyen rapide souhaitée",
    "☒ Oui ☐ Non",
  ],
  es: ["☒ Nueva solicitud ☐ Prórroga de una solicitud anterior", "☒ Sí ☐ No"],
  pt: ["☒ Novo pedido ☐ Prorrogação de pedido anterior", "☒ Sim ☐ Não"],
};

const mlaHeadings: Record<FormLanguage, string[]> = {
  en: [
    "Mutual Legal Assistance Request for subscriber information under Article 31 Budapest Convention",
    "3. Request status",
    "8. Prosecution office or court in charge (if applicable)",
    "9. Information on previous MLA request (if applicable)",
    "10. Information on previous preservation request (if applicable)",
    "11. Domestic legal basis for request (if applicable)",
    "13. Subscriber information sought and its relationship to the offence",
  ],
  fr: [
    "Demande d’entraide judiciaire relative aux informations sur les abonnés en vertu de l’article 31 de la Convention de Budapest",
    "10. Informations sur la demande de conservation antérieure (le cas échéant)",
  ],
  es: [
    "Solicitud de asistencia judicial mutua relativa a información sobre abonados en virtud del artículo 31 del Convenio de Budapest",
    "10. Información sobre la solicitud de conservación anterior (si procede)",
  ],
  pt: [
    "Pedido de auxílio judiciário mútuo relativo a informações sobre subscritores ao abrigo do artigo 31.º da Convenção de Budapeste",
    "10. Informação sobre o pedido de conservação anterior (se aplicável)",
  ],
};

describe("templateFor", () => {
  it("maps preservation kinds to T-CY(2018)11, MLA for subscriber information to T-CY(2018)10, others to none", () => {
    expect(templateFor(RequestKind.PRESERVATION)).toBe("T-CY(2018)11");
    expect(templateFor(RequestKind.PRESERVATION_EXTENSION)).toBe("T-CY(2018)11");
    expect(templateFor(RequestKind.TRAFFIC_DATA_PARTIAL_DISCLOSURE)).toBe("T-CY(2018)11");
    expect(templateFor(RequestKind.MLA_SUBSCRIBER_INFORMATION)).toBe("T-CY(2018)10");
    expect(templateFor(RequestKind.GENERAL_ASSISTANCE)).toBeNull();
    expect(templateFor(RequestKind.MLA_STORED_DATA)).toBeNull();
    expect(templateFor(RequestKind.EMERGENCY_DISCLOSURE)).toBeNull();
  });

  it("refuses to render a kind no template follows, as bad input", async () => {
    await expect(
      renderRequestForm(request(RequestKind.GENERAL_ASSISTANCE, {}), parties, {
        format: "PDF",
        language: "en",
        date: now(),
      }),
    ).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "kind" } });
  });
});

describe.each(["PDF", "DOCX"] as const)("a preservation request as %s", (format) => {
  it.each(formLanguages)("prints every field and the headings in %s", async (language) => {
    const text = await readForm(request(RequestKind.PRESERVATION, preservationContent), parties, format, language);
    for (const value of preservationValues()) expect(text).toContain(value);
    for (const heading of preservationHeadings[language]) expect(text).toContain(heading);
    for (const boxes of preservationBoxes[language]) expect(text).toContain(boxes);
    expect(text).toContain(`T-CY(2018)11`);
  });

  it("dates the form DD/MM/YYYY in the requested side's time zone", async () => {
    // 23:30 UTC is already the next day in Madrid: the form's date is Madrid's.
    const date = DateTime.fromJSDate(now(), { zone: "UTC" }).set({ hour: 23, minute: 30 }).toJSDate();
    const madrid = DateTime.fromJSDate(date, { zone: "Europe/Madrid" }).toFormat("dd/MM/yyyy");
    const text = await readForm(request(RequestKind.PRESERVATION, preservationContent), parties, format, "en", date);
    expect(text).toContain(`1. Date DD/MM/YYYY ${madrid}`);
  });

  it("ticks the extension box and names the extended request", async () => {
    const sentAt = days(-50);
    const text = await readForm(
      request(RequestKind.PRESERVATION_EXTENSION, preservationContent),
      { ...parties, previous: { caseReference: "PGR/2025-0099", sentAt, kind: RequestKind.PRESERVATION } },
      format,
      "fr",
    );
    const sent = DateTime.fromJSDate(sentAt, { zone: "Europe/Madrid" }).toFormat("dd/MM/yyyy");
    expect(text).toContain("☐ Nouvelle demande ☒ Prolongation d’une demande antérieure");
    expect(text).toContain(`Numéro de ticket/référence de la demande antérieure PGR/2025-0099, ${sent}`);
  });

  it("ticks the Art. 30 box for a partial disclosure of traffic data", async () => {
    const text = await readForm(
      request(RequestKind.TRAFFIC_DATA_PARTIAL_DISCLOSURE, preservationContent),
      parties,
      format,
      "es",
    );
    expect(text).toContain(
      "☒ Conservación rápida de datos informáticos almacenados (artículo 29) ☒ Revelación rápida de datos conservados sobre el tráfico (artículo 30)",
    );
  });

  it("prints a draft's missing fields as empty lines, never null", async () => {
    const draft = request(RequestKind.PRESERVATION, {
      offence: { description: "Fraude", summaryOfFacts: null, legalProvisions: null },
      custodian: { identifiers: [{ kind: "EMAIL", value: "x@example.org", observedAt: null, timeZone: null }] },
      mlaToFollow: null,
    });
    const text = await readForm(draft, parties, format, "pt");
    expect(text).not.toMatch(/null|undefined|NaN|Invalid/);
    expect(text).toContain("Infração Fraude Disposições legais Resumo dos factos");
    expect(text).toContain("Pessoa responsável pelo pedido Endereço Telefone");
    expect(text).toContain("☐ Sim ☐ Não");
    expect(text).toContain("Endereço de correio eletrónico x@example.org");
  });
});

describe.each(["PDF", "DOCX"] as const)("an MLA request for subscriber information as %s", (format) => {
  const mlaContent: RequestContent = {
    ...preservationContent,
    dataToPreserve: [{ description: "Nome e morada do titular da conta", relationToOffence: "Identifica o autor" }],
    mlaToFollow: null,
  };

  it.each(formLanguages)("prints every field and the headings in %s", async (language) => {
    const text = await readForm(request(RequestKind.MLA_SUBSCRIBER_INFORMATION, mlaContent), parties, format, language);
    for (const value of [
      "PGR/2026-0417",
      "Fiscalía General del Estado",
      "Maria João Gonçalves",
      "Nome e morada do titular da conta",
      "Identifica o autor",
      `203.0.113.7 ${stamp(observedIp, "Europe/Lisbon")}`,
      "Os registos são apagados ao fim de 30 dias pelo fornecedor.",
    ]) {
      expect(text).toContain(value);
    }
    for (const heading of mlaHeadings[language]) expect(text).toContain(heading);
    expect(text).toContain("T-CY(2018)10");
  });

  it("follows up a preservation request: box 3 ticked and section 10 filled", async () => {
    const sentAt = days(-40);
    const text = await readForm(
      request(RequestKind.MLA_SUBSCRIBER_INFORMATION, mlaContent),
      { ...parties, previous: { caseReference: "PGR/2026-0100", sentAt, kind: RequestKind.PRESERVATION } },
      format,
      "en",
    );
    const sent = DateTime.fromJSDate(sentAt, { zone: "Europe/Madrid" }).toFormat("dd/MM/yyyy");
    expect(text).toContain(
      "☐ New request ☐ Follow-up to previous MLA request ☒ Follow-up to previous preservation request",
    );
    expect(text).toContain(
      `10. Information on previous preservation request (if applicable) Date ${sent} Ticket/reference number PGR/2026-0100`,
    );
    expect(text).toContain(
      "9. Information on previous MLA request (if applicable) Date Ticket/reference number Contact",
    );
  });

  it("follows up an MLA request: its box ticked and section 9 filled", async () => {
    const text = await readForm(
      request(RequestKind.MLA_SUBSCRIBER_INFORMATION, mlaContent),
      {
        ...parties,
        previous: { caseReference: "PGR/2026-0200", sentAt: null, kind: RequestKind.MLA_SUBSCRIBER_INFORMATION },
      },
      format,
      "es",
    );
    expect(text).toContain(
      "☐ Nueva solicitud ☒ Seguimiento de una solicitud de asistencia judicial mutua anterior ☐ Seguimiento de una solicitud de conservación anterior",
    );
    expect(text).toContain("Número de ticket/referencia PGR/2026-0200");
  });
});

describe("the filled form", () => {
  it("leaves a draft's missing values empty", () => {
    const form = fillForm(request(RequestKind.PRESERVATION, {}), parties, "en", now());
    const values = form.sections.flatMap((section) =>
      section.lines.flatMap((line) =>
        line.kind === "field" || line.kind === "text"
          ? [line.value]
          : line.kind === "identifiers"
            ? line.rows.flat()
            : [],
      ),
    );
    expect(values.every((value) => typeof value === "string")).toBe(true);
    expect(form.sections.map((section) => section.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const section5 = form.sections.find((section) => section.number === 5)!;
    expect(section5.lines).toContainEqual({ kind: "field", label: "Person in charge of the request", value: "" });
  });

  it("keeps control characters out, which a .docx cannot hold", () => {
    const form = fillForm(
      request(RequestKind.PRESERVATION, { necessity: "Tab\tand bell\u0007 and\r\nCRLF" }),
      parties,
      "en",
      now(),
    );
    const necessity = form.sections.find((section) => section.number === 12)!.lines[0];
    expect(necessity).toMatchObject({ value: "Tab\tand bell and\nCRLF" });
  });
});

describe("the PDF", () => {
  it("runs long text onto further pages, each with its footer", async () => {
    const summary = Array.from({ length: 800 }, (_, index) => `facto${index}`)
      .join(" ")
      .slice(0, 5000);
    const long = request(RequestKind.PRESERVATION, {
      ...preservationContent,
      offence: { ...preservationContent.offence, summaryOfFacts: summary },
      necessity: summary,
    });
    const pdf = await renderRequestForm(long, parties, { format: "PDF", language: "en", date: now() });
    const pages = (await getDocumentProxy(new Uint8Array(pdf))).numPages;
    const text = await pdfText(pdf);
    expect(pages).toBeGreaterThan(3);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`T-CY(2018)11 · PGR/2026-0417 · ${page}/${pages}`);
    const withoutFooters = collapse(text.replace(/T-CY\(2018\)11 · PGR\/2026-0417 · \d+\/\d+/g, " "));
    expect(withoutFooters).toContain(`Summary of the facts ${summary} 10. Stored computer data`);
    expect(withoutFooters).toContain(`12. Necessity of preservation ${summary} 13. Request for mutual assistance`);
  });

  it("embeds its font and gives the same bytes for the same form", async () => {
    const date = now();
    const render = () =>
      renderRequestForm(request(RequestKind.PRESERVATION, preservationContent), parties, {
        format: "PDF",
        language: "fr",
        date,
      });
    const [first, second] = await Promise.all([render(), render()]);
    expect(first.subarray(0, 5).toString()).toBe("%PDF-");
    expect(first.toString("latin1")).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans\b/);
    expect(first.toString("latin1")).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(first.equals(second)).toBe(true);
  });
});

describe("formFile", () => {
  it("names the file after the kind, the case reference and the language", () => {
    const preservation = request(RequestKind.PRESERVATION, {}, "PGR/2026 nº 7");
    expect(formFile(preservation, "PDF", "fr")).toEqual({
      fileName: "preservation-request-PGR-2026-no-7-fr.pdf",
      contentType: "application/pdf",
    });
    expect(formFile(request(RequestKind.MLA_SUBSCRIBER_INFORMATION, {}, "Exp. 12/2026"), "DOCX", "es")).toEqual({
      fileName: "mla-subscriber-information-request-Exp.-12-2026-es.docx",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
  });
});
