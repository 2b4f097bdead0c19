import { seededRandom, weightedPicker } from "../prisma/requests/synthetic";

/**
 * The benchmark's library: visibly synthetic documents (ids `bench-doc-…`, titles "Synthetic … (benchmark data)", a
 * summary that says they are not facts) in English, French, Spanish and Portuguese, their text drawn from each
 * language's words of the field, inflected, so that stemming, phrases and prefixes have real work to do.
 */

const words: Record<string, string[]> = {
  en: `preservation preserve preserved preserving stored computer data request requests requested mutual legal assistance
    traffic subscriber subscribers information evidence electronic service provider providers offence offences
    investigation investigations prosecutor prosecutors court judgment seizure search interception fraud forgery access
    system systems network cooperation urgent emergency disclosure disclosed order orders law laws procedure authority
    authorities judicial cross-border cloud cryptocurrency ransomware phishing extradition jurisdiction account accounts
    domain registrant warrant the of and for to in a with by on`.split(/\s+/),
  fr: `conservation conserver conservées données informatiques stockées demande demandes entraide judiciaire trafic
    abonné abonnés informations preuve preuves électronique électroniques fournisseur fournisseurs services infraction
    infractions enquête enquêtes procureur procureurs tribunal jugement saisie perquisition interception fraude
    falsification accès système systèmes réseau coopération urgence urgente divulgation injonction loi lois procédure
    autorité autorités compétence compte comptes domaine rançongiciel le la les des de du et pour dans par sur`.split(
    /\s+/,
  ),
  es: `conservación conservar conservados datos informáticos almacenados solicitud solicitudes asistencia mutua tráfico
    abonado abonados información prueba pruebas electrónica electrónicas proveedor proveedores servicios delito delitos
    investigación investigaciones fiscal fiscales tribunal sentencia incautación registro interceptación fraude
    falsificación acceso sistema sistemas red cooperación urgencia urgente revelación orden ley leyes procedimiento
    autoridad autoridades jurisdicción cuenta cuentas dominio el la los las de del y para en por con`.split(/\s+/),
  pt: `preservação preservar preservados dados informáticos armazenados pedido pedidos auxílio judiciário mútuo tráfego
    assinante assinantes informação informações prova provas eletrónica eletrónicas fornecedor fornecedores serviços
    crime crimes investigação investigações procurador procuradores tribunal sentença apreensão pesquisa interceção
    burla falsidade acesso sistema sistemas rede cooperação urgência urgente divulgação ordem lei leis processo
    autoridade autoridades jurisdição conta contas domínio o a os as de do da e para em por com`.split(/\s+/),
};

const kinds: [string, number][] = [
  ["LEGISLATION", 30],
  ["CASE_LAW", 25],
  ["GUIDANCE", 15],
  ["MODEL_FORM", 5],
  ["TREATY", 3],
  ["REPORT", 12],
  ["TRAINING_MATERIAL", 10],
];
const languages: [string, number][] = [
  ["en", 40],
  ["fr", 20],
  ["es", 20],
  ["pt", 20],
];
const articles = [...Array.from({ length: 34 }, (_, index) => `BC-${index + 2}`), "2AP-6", "2AP-7", "2AP-8", "2AP-10"];
const networkIds = ["gpen", "ejcn", "forum-cibercrime", "ciberred", "coe-24-7"];
const syntheticSource = "synthetic benchmark data (npm run bench), not a fact";

// Filler: made-up words, so that a word of the field is in a realistic share of the documents, not in most of them.
const syllables = "ka lo ven ri su ta mon el dor vi pa ne ush ro li ga".split(" ");
const filler = Array.from({ length: 4096 }, (_, index) =>
  [0, 4, 8].map((shift) => syllables[(index >> shift) & 15]).join(""),
);
/** The share of a text's words that are words of the field. */
const fieldShare = 0.12;

/** `total` documents in batches of 5 000, the same for the same arguments. */
export function* libraryDocumentBatches(countryCodes: string[], total: number): Generator<Record<string, unknown>[]> {
  const next = seededRandom(17);
  const pick = weightedPicker(next);
  const one = <Value>(values: readonly Value[]) => values[Math.floor(next() * values.length)];
  const text = (language: string, count: number, share = fieldShare) =>
    Array.from({ length: count }, () => (next() < share ? one(words[language]) : one(filler))).join(" ");
  const firstDay = Date.UTC(2000, 0, 1);
  const spanDays = 26 * 365;
  for (let start = 0; start < total; start += 5_000) {
    const batch: Record<string, unknown>[] = [];
    for (let index = start; index < Math.min(total, start + 5_000); index += 1) {
      const id = `bench-doc-${String(index).padStart(6, "0")}`;
      const kind = pick(kinds);
      const language = pick(languages);
      const national = kind === "LEGISLATION" || kind === "CASE_LAW";
      const shared = next() < 0.3;
      const body = text(language, 60 + Math.floor(next() * 90));
      batch.push({
        id,
        kind,
        title: `Synthetic ${kind.toLowerCase().replace(/_/g, " ")} ${index} (benchmark data): ${text(language, 6, 0.5)}`,
        summary: `Synthetic benchmark document, not a fact: ${text(language, 14)}`,
        body,
        textCoverage: "FULL_TEXT",
        textNote: syntheticSource,
        language,
        translationGroup: id,
        countryCode: national || next() < 0.3 ? one(countryCodes) : null,
        issuingBody: "Synthetic issuing body (benchmark data)",
        date: new Date(firstDay + Math.floor(next() * spanDays) * 86_400_000).toISOString().slice(0, 10),
        datePrecision: "DAY",
        sourceUrl: `https://library.example/bench/${id}`,
        source: syntheticSource,
        articles: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => one(articles)))],
        offences: [],
        proceduralPowers: [],
        networkId: shared ? one(networkIds) : null,
        visibility: shared && next() < 0.2 ? "MEMBERS" : "PUBLIC",
        materialId: null,
      });
    }
    yield batch;
  }
}

/** Searches of the benchmark, in the four languages, with and without filters, phrases and prefixes. */
export const librarySearches: { query: string | null; filter?: Record<string, unknown> }[] = [
  { query: "preservation of stored data" },
  { query: "electronic evidence", filter: { language: "en" } },
  { query: '"mutual legal assistance"' },
  { query: "ransom*" },
  { query: "preuves électroniques" },
  { query: "conservation des données informatiques", filter: { kind: "LEGISLATION" } },
  { query: "conservación de datos almacenados" },
  { query: "pruebas electrónicas", filter: { article: "BC-29" } },
  { query: "preservação de dados informáticos" },
  { query: "provas eletrónicas", filter: { country: "PT" } },
];

/** Lists without words: newest first with filters, facets of what is left. */
export const libraryBrowsing: { filter: Record<string, unknown> }[] = [
  { filter: { country: "PT" } },
  { filter: { article: "BC-29", kind: "CASE_LAW" } },
  { filter: { language: "es", from: "2015-01-01" } },
  { filter: { network: "ejcn" } },
];
