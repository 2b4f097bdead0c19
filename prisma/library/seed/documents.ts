import type { Prisma } from "../generated/client";
import type { DatePrecision, DocumentKind, TextCoverage } from "../generated/enums";
import { conventionArticles } from "./convention-articles";
import { inferred, sources } from "./sources";

// The library's seed: public documents only, each with where it is published (`sourceUrl`) and where each fact of
// the row comes from (`source`). Bodies hold a text only where a source gives it word for word (Articles 29 to 35);
// elsewhere a summary written for the library from the sources, or nothing, and `textNote` says which and where the
// text is. Restricted material is listed for the members of a network, with no body.

const allOffences = [
  "ILLEGAL_ACCESS",
  "ILLEGAL_INTERCEPTION",
  "DATA_INTERFERENCE",
  "SYSTEM_INTERFERENCE",
  "MISUSE_OF_DEVICES",
  "COMPUTER_RELATED_FORGERY",
  "COMPUTER_RELATED_FRAUD",
  "CHILD_SEXUAL_ABUSE_MATERIAL",
  "COPYRIGHT_INFRINGEMENT",
];
const allPowers = [
  "EXPEDITED_PRESERVATION",
  "PRESERVATION_AND_PARTIAL_DISCLOSURE_OF_TRAFFIC_DATA",
  "PRODUCTION_ORDER",
  "SEARCH_AND_SEIZURE",
  "REAL_TIME_COLLECTION_OF_TRAFFIC_DATA",
  "INTERCEPTION_OF_CONTENT_DATA",
];
const articles29to35 = conventionArticles.map((article) => `BC-${article.number}`);

const councilOfEurope = "Council of Europe";
const tcy = "Cybercrime Convention Committee (T-CY)";
const unodc = "United Nations Office on Drugs and Crime (UNODC)";
const summaryNote = (where: string) => `Summary written for the library from ${where}; the text is at the source.`;

interface DocumentFacts {
  kind: DocumentKind;
  title: string;
  summary?: string;
  body?: string;
  /** Default: SUMMARY with a body, NONE without. */
  textCoverage?: TextCoverage;
  textNote?: string;
  language: string;
  /** Default: the document's own id. */
  translationGroup?: string;
  country?: string;
  issuingBody?: string;
  date?: [day: string, precision: DatePrecision];
  sourceUrl: string;
  source: string;
  articles?: string[];
  offences?: string[];
  proceduralPowers?: string[];
  network?: string;
  membersOnly?: boolean;
  material?: string;
}

/** The procedural power each of Articles 29 to 35 asks of the requested Party, where it is one of Articles 16–21. */
const articlePowers: Record<number, string[]> = {
  29: ["EXPEDITED_PRESERVATION"],
  30: ["PRESERVATION_AND_PARTIAL_DISCLOSURE_OF_TRAFFIC_DATA"],
  31: ["SEARCH_AND_SEIZURE"],
  33: ["REAL_TIME_COLLECTION_OF_TRAFFIC_DATA"],
  34: ["INTERCEPTION_OF_CONTENT_DATA"],
  35: ["EXPEDITED_PRESERVATION", "PRESERVATION_AND_PARTIAL_DISCLOSURE_OF_TRAFFIC_DATA"],
};

const conventionGroup = "budapest-convention";
const secondProtocolGroup = "second-additional-protocol";

const documents: Record<string, DocumentFacts> = {
  "budapest-convention-en": {
    kind: "TREATY",
    title: "Convention on Cybercrime (ETS No. 185)",
    summary:
      "The Council of Europe convention opened for signature in Budapest on 23 November 2001, in English and in French, both texts being equally authentic; in force since 1 July 2004.",
    body: "Chapter I: use of terms (Article 1). Chapter II: measures to be taken at the national level (Articles 2 to 22): substantive criminal law (offences against the confidentiality, integrity and availability of computer data and systems, computer-related forgery and fraud, content-related offences, infringements of copyright and related rights), procedural law and jurisdiction. Chapter III: international co-operation (Articles 23 to 35): extradition and mutual assistance, expedited preservation of stored computer data (Article 29), expedited disclosure of preserved traffic data (Article 30), access to stored computer data (Article 31), trans-border access with consent or where publicly available (Article 32), real-time collection of traffic data and interception of content data (Articles 33 and 34), and the 24/7 Network (Article 35). Chapter IV: final provisions (Articles 36 to 48).",
    textNote: `${summaryNote("the Convention's text")} Articles 29 to 35 are in the library word for word.`,
    language: "en",
    translationGroup: conventionGroup,
    issuingBody: councilOfEurope,
    date: ["2001-11-23", "DAY"],
    sourceUrl:
      "https://github.com/statengeneraal/laws-markdown/blob/master/verdrag/convention/on/cybercrime/BWBV0001839/README.md",
    source: `${sources.conventionText}; ${sources.conventionTreatyDatabase}; in force since 1 July 2004: ${sources.spainRatification}`,
    articles: articles29to35,
    offences: allOffences,
    proceduralPowers: allPowers,
  },
  "budapest-convention-fr": {
    kind: "TREATY",
    title: "Convention sur la cybercriminalité (STE n° 185)",
    summary:
      "Convention du Conseil de l'Europe ouverte à la signature à Budapest le 23 novembre 2001 ; les textes anglais et français font également foi.",
    body: "Chapitre I : terminologie (article 1). Chapitre II : mesures à prendre au niveau national (articles 2 à 22) : droit pénal matériel, droit procédural et compétence. Chapitre III : coopération internationale (articles 23 à 35), dont l'extradition, l'entraide, la conservation rapide de données informatiques stockées, la divulgation rapide de données relatives au trafic conservées et le réseau 24/7 des points de contact. Chapitre IV : clauses finales (articles 36 à 48).",
    textNote: summaryNote("the French text and the table of its chapters"),
    language: "fr",
    translationGroup: conventionGroup,
    issuingBody: councilOfEurope,
    date: ["2001-11-23", "DAY"],
    sourceUrl: "http://conventions.coe.int/Treaty/fr/Treaties/Html/185.htm",
    source: `${sources.conventionFrench}; ${sources.conventionFrenchBill}; ${sources.conventionFrenchChapters}`,
    articles: articles29to35,
    offences: allOffences,
    proceduralPowers: allPowers,
  },
  "budapest-convention-es": {
    kind: "TREATY",
    title:
      "Instrumento de Ratificación del Convenio sobre la Ciberdelincuencia, hecho en Budapest el 23 de noviembre de 2001",
    summary: "Instrumento por el que España ratifica el Convenio del Consejo de Europa sobre la Ciberdelincuencia.",
    body: "El Convenio entró en vigor de forma general el 1 de julio de 2004 y para España el 1 de octubre de 2010, conforme a su artículo 36.4. Tipifica los delitos informáticos, establece medidas procesales para obtener pruebas electrónicas y regula la cooperación internacional entre las Partes: extradición, asistencia mutua, conservación rápida de datos informáticos almacenados, revelación rápida de datos de tráfico conservados y una red de puntos de contacto disponible las veinticuatro horas del día, siete días a la semana.",
    textNote: summaryNote("the instrument's entry and the EUR-Lex summary"),
    language: "es",
    translationGroup: conventionGroup,
    country: "ES",
    issuingBody: "Reino de España",
    date: ["2010-01-01", "YEAR"],
    sourceUrl: "http://migrarconderechos.es/legislationMastertable/legislacion/Convenio_ciberdelincuencia_23_11_2001",
    source: `${sources.spainRatification}; ${sources.eurLexSummaryEs}; ${inferred("the instrument is of 2010, as the Convention entered into force for Spain on 1 October 2010, three months after the deposit (Art. 36.4)", sources.spainRatification)}`,
    articles: articles29to35,
    offences: allOffences,
    proceduralPowers: allPowers,
  },
  "budapest-convention-pt-br": {
    kind: "TREATY",
    title: "Decreto n.º 11.491, de 12 de abril de 2023: promulga a Convenção sobre o Crime Cibernético",
    summary:
      "O Brasil promulga a Convenção sobre o Crime Cibernético, firmada em Budapeste em 23 de novembro de 2001; o texto da Convenção em português segue anexo ao decreto.",
    body: "A Convenção foi aprovada pelo Congresso Nacional pelo Decreto Legislativo n.º 37, de 16 de dezembro de 2021. O Governo brasileiro depositou o instrumento de ratificação junto do Secretário-Geral do Conselho da Europa em 30 de novembro de 2022, e a Convenção entrou em vigor para o Brasil, no plano jurídico externo, em 1 de março de 2023. O decreto foi publicado no Diário Oficial da União de 13 de abril de 2023 e entrou em vigor na data da sua publicação.",
    textNote: summaryNote("the decree"),
    language: "pt",
    translationGroup: conventionGroup,
    country: "BR",
    issuingBody: "Presidência da República (Brasil)",
    date: ["2023-04-12", "DAY"],
    sourceUrl: "https://legjur.com/legislacao/art/dec_00114912023",
    source: `${sources.brazilDecree}; ${sources.brazilDecreePublished}`,
    articles: articles29to35,
    offences: allOffences,
    proceduralPowers: allPowers,
  },
  "portugal-lei-109-2009": {
    kind: "LEGISLATION",
    title: "Lei n.º 109/2009, de 15 de setembro: Lei do Cibercrime",
    summary:
      "Lei portuguesa do cibercrime: disposições penais materiais e processuais e cooperação internacional em matéria penal no domínio do cibercrime e da recolha de prova em suporte eletrónico, que adapta o direito interno à Convenção sobre o Cibercrime do Conselho da Europa.",
    body: "O capítulo IV trata da cooperação internacional. O artigo 20.º define o âmbito da cooperação com as autoridades estrangeiras em investigações e processos relativos a crimes relacionados com sistemas ou dados informáticos e na recolha de prova em suporte eletrónico. O artigo 21.º cria o ponto de contacto permanente para a cooperação internacional: a Polícia Judiciária mantém uma estrutura disponível vinte e quatro horas por dia, sete dias por semana, que presta aconselhamento técnico a outros pontos de contacto, procede à preservação expedita de dados e à recolha de prova em casos de urgência, localiza suspeitos e presta informações de caráter jurídico. O artigo 22.º regula a preservação e a revelação expeditas de dados informáticos pedidas por autoridades estrangeiras.",
    textNote: summaryNote("the law's published summary and its articles 20 to 22"),
    language: "pt",
    country: "PT",
    issuingBody: "Assembleia da República (Portugal)",
    date: ["2009-09-15", "DAY"],
    sourceUrl: "https://dre.pt/pesquisa/-/search/489693/details/maximized",
    source: `${sources.portugalCybercrimeLaw}; ${sources.portugalCybercrimeLawArticles}`,
    articles: ["BC-29", "BC-30", "BC-35"],
    proceduralPowers: ["EXPEDITED_PRESERVATION", "PRESERVATION_AND_PARTIAL_DISCLOSURE_OF_TRAFFIC_DATA"],
  },
  ...Object.fromEntries(
    conventionArticles.map(({ number, heading, text }): [string, DocumentFacts] => [
      `budapest-article-${number}-en`,
      {
        kind: "TREATY",
        title: `Budapest Convention, Article ${number} – ${heading}`,
        summary: heading,
        body: text,
        textCoverage: "FULL_TEXT",
        textNote: "The article's full English text.",
        language: "en",
        translationGroup: `budapest-article-${number}`,
        issuingBody: councilOfEurope,
        date: ["2001-11-23", "DAY"],
        sourceUrl:
          "https://github.com/statengeneraal/laws-markdown/blob/master/verdrag/convention/on/cybercrime/BWBV0001839/README.md",
        source: sources.conventionText,
        articles: [`BC-${number}`],
        proceduralPowers: articlePowers[number] ?? [],
      },
    ]),
  ),
  "second-additional-protocol-en": {
    kind: "TREATY",
    title:
      "Second Additional Protocol to the Convention on Cybercrime on enhanced co-operation and disclosure of electronic evidence (CETS No. 224)",
    summary: "Opened for signature in Strasbourg on 12 May 2022; it enters into force after five ratifications.",
    body: "Tools of the Protocol: direct requests to registrars in other Parties for domain name registration information, to identify or contact the registrant (Article 6); direct co-operation with service providers in other Parties for subscriber information (Article 7, which needs domestic implementation; Japan reserves the right not to apply it); giving effect to orders from another Party for expedited production of subscriber information and traffic data (Article 8); expedited co-operation in emergencies (Articles 9 and 10; Article 10, emergency mutual assistance, is self-executing); joint investigation teams and video conferencing; human rights and rule-of-law safeguards, including the protection of personal data. Status in early 2026: 53 signatories, ratified by Serbia (9 February 2023), Japan (10 August 2023) and Hungary (5 February 2026), so not yet in force.",
    textNote:
      "Summary written for the library from the Council of Europe's page, the Dutch treaty database and the ICANN and Eurojust/SIRIUS publications; the article texts were not retrievable from the sources consulted.",
    language: "en",
    translationGroup: secondProtocolGroup,
    issuingBody: councilOfEurope,
    date: ["2022-05-12", "DAY"],
    sourceUrl: "https://www.coe.int/cyber2AP",
    source: `${sources.secondProtocol}; ${sources.secondProtocolArticles}`,
    articles: ["2AP-6", "2AP-7", "2AP-8", "2AP-9", "2AP-10"],
    proceduralPowers: ["PRODUCTION_ORDER"],
  },
  "second-additional-protocol-fr": {
    kind: "TREATY",
    title:
      "Deuxième Protocole additionnel à la Convention sur la cybercriminalité relatif au renforcement de la coopération et de la divulgation de preuves électroniques (STCE n° 224)",
    summary:
      "Protocole ouvert à la signature le 12 mai 2022 à Strasbourg, pour renforcer la coopération et obtenir plus efficacement les preuves électroniques.",
    body: "Le protocole donne aux autorités des outils pour obtenir des preuves électroniques stockées dans d'autres juridictions : demandes adressées directement aux bureaux d'enregistrement de noms de domaine (article 6) ; coopération directe avec les fournisseurs de services pour obtenir des informations relatives aux abonnés (article 7) ; coopération entre gouvernements pour obtenir rapidement des informations relatives aux abonnés et des données relatives au trafic (article 8) ; coopération accélérée dans les situations d'urgence (articles 9 et 10) ; enquêtes communes et vidéoconférence. Ces outils sont soumis à des garanties de droits de l'homme et d'État de droit, dont la protection des données personnelles. Il entre en vigueur après cinq ratifications.",
    textNote: summaryNote("the Council of Europe's French page"),
    language: "fr",
    translationGroup: secondProtocolGroup,
    issuingBody: councilOfEurope,
    date: ["2022-05-12", "DAY"],
    sourceUrl: "https://www.coe.int/fr/web/cybercrime/second-additional-protocol",
    source: `${sources.secondProtocolFrench}; article numbers: ${sources.secondProtocolArticles}`,
    articles: ["2AP-6", "2AP-7", "2AP-8", "2AP-9", "2AP-10"],
    proceduralPowers: ["PRODUCTION_ORDER"],
  },
  "tcy-preservation-template-en": {
    kind: "MODEL_FORM",
    title: "Data Preservation Request under Articles 29 and 30 Budapest Convention – T-CY(2018)11",
    summary:
      "The T-CY's standard template for a request to another Party to preserve stored computer data, adopted at its 19th plenary in Strasbourg (9 July 2018 according to the template's header).",
    body: "Sections seen: date; reference or case number; request status (new request, or extension of a previous request, with the ticket or reference number of the previous request); requested authority; requesting authority (organisation, person in charge of the request, address, telephone, cell phone, e-mail, fax, office hours, time zone, and whether a response by e-mail or other expedited means is preferred); a contact for additional confirmation (name, job title, function, telephone, cell phone, e-mail); the investigative or operational authority. By Article 29(2) the request must also state the offence and a summary of the facts, the data to be preserved and their relationship to the offence, the custodian or the location of the computer system, the necessity of the preservation and the intention to submit a request for mutual assistance.",
    textNote:
      "Summary of the fields seen in a bilingual English/Azerbaijani copy, up to section 7; the rest of the template is not in the sources consulted. Translated into Albanian, Bosnian, Macedonian, Montenegrin, Serbian and Turkish under iPROCEEDS.",
    language: "en",
    issuingBody: tcy,
    date: ["2018-07-09", "DAY"],
    sourceUrl: "https://rm.coe.int/0900001680a33478",
    source: `${sources.preservationTemplate}; ${sources.templatesNews}`,
    articles: ["BC-29", "BC-30"],
    proceduralPowers: ["EXPEDITED_PRESERVATION", "PRESERVATION_AND_PARTIAL_DISCLOSURE_OF_TRAFFIC_DATA"],
  },
  "tcy-subscriber-information-template-en": {
    kind: "MODEL_FORM",
    title:
      "Mutual Legal Assistance Request for subscriber information under Article 31 Budapest Convention – T-CY(2018)10",
    summary:
      "The T-CY's standard template for a mutual legal assistance request for subscriber information, adopted at its 19th plenary in Strasbourg (9 July 2018 according to its header).",
    body: "Sections seen: date; reference or case number; request status (new request, follow-up to a previous mutual legal assistance request, or follow-up to a previous preservation request); requested authority; requesting authority with office hours, time zone and preferred response channel; a contact for additional confirmation; the investigative or operational authority in charge of the case, if different; the prosecution office or court in charge, with their case numbers and decisions related to the request; the previous mutual legal assistance request and the previous preservation request (date, ticket or reference number, the authorities that requested and executed them, the channel used); the domestic legal basis of the request. Subscriber information is defined in Article 18(3) of the Convention.",
    textNote:
      "Summary of the fields seen, up to section 11; the rest of the template is not in the sources consulted. Translated into Albanian, Bosnian, Macedonian, Montenegrin, Serbian and Turkish under iPROCEEDS.",
    language: "en",
    issuingBody: tcy,
    date: ["2018-07-09", "DAY"],
    sourceUrl: "https://rm.coe.int/template-article31-mla-subscriber/1680a273d9",
    source: `${sources.subscriberTemplate}; ${sources.templatesNews}`,
    articles: ["BC-18", "BC-31"],
  },
  "tcy-assessment-mutual-legal-assistance-en": {
    kind: "REPORT",
    title:
      "T-CY assessment report: The mutual legal assistance provisions of the Budapest Convention on Cybercrime – T-CY(2013)17rev",
    summary:
      "Adopted by the Cybercrime Convention Committee at its 12th plenary (2–3 December 2014), from the Parties' replies to a questionnaire of 18 February 2013 (T-CY(2013)04).",
    body: "Assesses how often mutual assistance is requested and for which types of stored data, mutual legal assistance against police-to-police co-operation, spontaneous information, and the requirements, grounds for refusal and language of requests for access to stored data. The T-CY's Cloud Evidence Group summed up its finding in 2015: the mutual legal assistance process is seen as inefficient in general, and for obtaining electronic evidence in particular. One of its recommendations is the use of standard multi-language templates for preservation requests and for access to stored data.",
    textNote: summaryNote("its table of contents, the Cloud Evidence Group's discussion paper and the iPROCEEDS news"),
    language: "en",
    issuingBody: tcy,
    date: ["2014-12-03", "DAY"],
    sourceUrl:
      "https://docslib.org/doc/1584744/t-cy-assessment-report-the-mutual-legal-assistance-provisions-of-the-budapest-convention-on-cybercrime",
    source: `${sources.mlaAssessment}; ${sources.mlaAssessmentQuoted}; ${sources.templatesNews}`,
    articles: ["BC-31"],
  },
  "tcy-assessment-preservation-en": {
    kind: "REPORT",
    title: "T-CY assessment of the preservation provisions of the Budapest Convention – T-CY(2012)10 REV",
    summary:
      "Assessment of Articles 16, 17, 29 and 30 by the Cybercrime Convention Committee, adopted at its 8th plenary (5–6 December 2012).",
    textNote: "The report's text is not in the sources consulted; see the list of T-CY reports.",
    language: "en",
    issuingBody: tcy,
    date: ["2012-12-01", "MONTH"],
    sourceUrl: "http://www.coe.int/en/web/cybercrime/t-cy-reports",
    source: sources.preservationAssessment,
    articles: ["BC-16", "BC-17", "BC-29", "BC-30"],
    proceduralPowers: ["EXPEDITED_PRESERVATION", "PRESERVATION_AND_PARTIAL_DISCLOSURE_OF_TRAFFIC_DATA"],
  },
  "coe-24-7-points-of-contact-paper-en": {
    kind: "REPORT",
    title: "The functioning of 24/7 points of contact for cybercrime (discussion paper)",
    summary:
      "Prepared by the Council of Europe's Economic Crime Division within its Project on Cybercrime; version of 2 April 2009.",
    body: "Covers the institutional set-up, resources, legal basis and authority of the 24/7 points of contact under Article 35 of the Convention, their ability to carry out preservation and mutual legal assistance requests, the format used for sending and receiving requests, the types and numbers of requests sent and received, their timeliness, follow-up through judicial co-operation, and recommendations.",
    textNote: "Summary of the paper's table of contents; its figures are not in the sources consulted.",
    language: "en",
    issuingBody: "Council of Europe, Economic Crime Division",
    date: ["2009-04-02", "DAY"],
    sourceUrl: "https://docslib.org/doc/1789191/the-functioning-of-24-7-points-of-contact-for-cybercrime",
    source: sources.contactPointsPaper,
    articles: ["BC-29", "BC-35"],
  },
  ...unodcDocuments(),
  "ejcn-virtual-currency-guide-en": {
    kind: "GUIDANCE",
    title: "Virtual Currency Guide for Judicial Authorities",
    summary:
      "The EJCN's guide for judicial authorities on virtual currencies, presented at its 10th plenary in June 2021.",
    textNote: "Only the guide's existence, date and presentation are in the sources; the guide itself is not.",
    language: "en",
    issuingBody: "European Judicial Cybercrime Network (EJCN)",
    date: ["2021-06-01", "MONTH"],
    sourceUrl: "https://www.eurojust.europa.eu/sk/node/3134",
    source: sources.ejcnDevelopments2021,
    network: "ejcn",
  },
  ...trainingDocuments(),
};

/** UNODC's electronic-evidence resources on SHERLOC: the forms and models are listed, their texts are not here. */
function unodcDocuments(): Record<string, DocumentFacts> {
  const listed = "Listed by UNODC on SHERLOC; the form itself is at the source, not in the library.";
  const form = (title: string, summary: string, url: string, extra: Partial<DocumentFacts> = {}): DocumentFacts => ({
    kind: "MODEL_FORM",
    title,
    summary,
    textNote: listed,
    language: "en",
    issuingBody: unodc,
    sourceUrl: url,
    source: url === modelForms ? sources.unodcModelForms : sources.unodcMlaResources,
    ...extra,
  });
  const modelForms = "https://sherloc.unodc.org/cld/en/st/evidence/model-forms.html";
  const mlaResources = "https://sherloc.unodc.org/cld/en/st/evidence/model-mla-resources.html";
  return {
    "unodc-model-form-preservation-en": form(
      "UNODC model form for service providers: preservation request",
      "One of UNODC's three model forms for requests to service providers: the preservation of electronic evidence.",
      modelForms,
      { proceduralPowers: ["EXPEDITED_PRESERVATION"] },
    ),
    "unodc-model-form-voluntary-disclosure-en": form(
      "UNODC model form for service providers: voluntary disclosure request",
      "One of UNODC's three model forms for requests to service providers: voluntary disclosure of data.",
      modelForms,
    ),
    "unodc-model-form-emergency-disclosure-en": form(
      "UNODC model form for service providers: emergency disclosure request",
      "One of UNODC's three model forms for requests to service providers: disclosure of data in an emergency.",
      modelForms,
    ),
    "unodc-model-mla-request-stored-evidence-en": form(
      "UNODC model mutual legal assistance request for stored electronic evidence",
      "A model request to another State for electronic evidence it stores.",
      mlaResources,
      { articles: ["BC-31"] },
    ),
    "unodc-model-mla-request-real-time-en": form(
      "UNODC model mutual legal assistance request for real-time collection of traffic or content data",
      "A model request to another State to collect traffic or content data in real time.",
      mlaResources,
      {
        articles: ["BC-33", "BC-34"],
        proceduralPowers: ["REAL_TIME_COLLECTION_OF_TRAFFIC_DATA", "INTERCEPTION_OF_CONTENT_DATA"],
      },
    ),
    "unodc-mla-request-checklist-en": form(
      "UNODC mutual legal assistance request checklist",
      "A checklist of what a mutual legal assistance request should contain.",
      mlaResources,
      { kind: "GUIDANCE" },
    ),
    "unodc-model-law-mutual-assistance-en": form(
      "Model Law on Mutual Assistance in Criminal Matters",
      "UNODC's model law for States legislating on mutual assistance in criminal matters.",
      mlaResources,
      { kind: "GUIDANCE" },
    ),
    "unodc-model-treaty-mutual-assistance-en": form(
      "Model Treaty on Mutual Assistance in Criminal Matters",
      "The United Nations model for bilateral treaties on mutual assistance in criminal matters, among UNODC's resources.",
      mlaResources,
      { kind: "GUIDANCE", issuingBody: "United Nations" },
    ),
  };
}

/**
 * The judicial training material of the capacity-building projects. The Council of Europe's training materials are
 * for vetted practitioners, so these are for the members of the graph's Council of Europe network, with no body; the
 * concept paper was announced publicly in seven languages.
 */
function trainingDocuments(): Record<string, DocumentFacts> {
  const restricted: Partial<DocumentFacts> = {
    kind: "TRAINING_MATERIAL",
    language: "en",
    issuingBody: "Council of Europe (CyberCrime@IPA)",
    network: "coe-24-7",
    membersOnly: true,
    textNote: "Restricted material: listed for the members of the network; the text is not in the library.",
  };
  const restrictedSource = (source: string) =>
    `${source}; ${inferred("the Council of Europe's training materials are for vetted practitioners, so members-only, and the graph's Council of Europe network is the 24/7 Network", sources.octopusCommunity)}`;
  const conceptPaperLanguages: [string, string | null][] = [
    ["en", null],
    ["sq", "Albanian"],
    ["bs", "Bosnian"],
    ["hr", "Croatian"],
    ["mk", "Macedonian"],
    ["tr", "Turkish"],
    ["sr", "Serbian"],
  ];
  return {
    "ipa-basic-judicial-training-manual-en": {
      ...restricted,
      kind: "TRAINING_MATERIAL",
      title: "Basic judicial training manual on cybercrime and electronic evidence (final version, July 2012)",
      summary:
        "The manual of the basic judicial training course of CyberCrime@IPA, finalised at the Trakoscan workshop in July 2012.",
      language: "en",
      date: ["2012-07-01", "MONTH"],
      sourceUrl: "https://coe.int/en/web/cybercrime/cybercrime-ipa",
      source: restrictedSource(sources.ipa),
      material: "ipa-basic-training-manual-en",
    },
    "ipa-advanced-judicial-training-module-en": {
      ...restricted,
      kind: "TRAINING_MATERIAL",
      title: "Advanced judicial training module on cybercrime and electronic evidence",
      summary: "The advanced judicial training module developed under CyberCrime@IPA.",
      language: "en",
      sourceUrl: "https://www.coe.int/en/web/cybercrime/resources",
      source: restrictedSource(`${sources.coeResources}; ${sources.ipa}`),
    },
    "ipa-electronic-evidence-guide-en": {
      ...restricted,
      kind: "TRAINING_MATERIAL",
      title: "Electronic Evidence Guide",
      summary:
        "A guide on electronic evidence developed under CyberCrime@IPA, for use by law enforcement and judicial authorities only.",
      language: "en",
      sourceUrl: "https://www.coe.int/en/web/cybercrime/resources",
      source: restrictedSource(`${sources.coeResources}; ${sources.ipa}`),
      material: "electronic-evidence-guide-en",
    },
    ...Object.fromEntries(
      conceptPaperLanguages.map(([language, name]): [string, DocumentFacts] => [
        `ipa-concept-paper-judicial-training-${language}`,
        {
          kind: "TRAINING_MATERIAL",
          title: `Concept paper for the training of judges and prosecutors in cybercrime and electronic evidence${name ? ` (${name} version)` : ""}`,
          summary: "The concept of the CyberCrime@IPA judicial training on cybercrime and electronic evidence.",
          textNote:
            "The CyberCrime@IPA page announced the paper and its language versions in 2011; the text is not in the library.",
          language,
          translationGroup: "ipa-concept-paper-judicial-training",
          issuingBody: "Council of Europe (CyberCrime@IPA)",
          date: ["2011-01-01", "YEAR"],
          sourceUrl: "https://coe.int/en/web/cybercrime/cybercrime-ipa",
          source: sources.ipa,
          material: `concept-paper-judicial-training-${language}`,
        },
      ]),
    ),
  };
}

export function documentRows() {
  return Object.entries(documents).map(
    ([id, facts]) =>
      ({
        id,
        kind: facts.kind,
        title: facts.title,
        summary: facts.summary ?? null,
        body: facts.body ?? null,
        textCoverage: facts.textCoverage ?? (facts.body === undefined ? "NONE" : "SUMMARY"),
        textNote: facts.textNote ?? null,
        language: facts.language,
        translationGroup: facts.translationGroup ?? id,
        countryCode: facts.country ?? null,
        issuingBody: facts.issuingBody ?? null,
        // A date column takes the day as text, so no time zone can move it.
        date: facts.date?.[0] ?? null,
        datePrecision: facts.date?.[1] ?? null,
        sourceUrl: facts.sourceUrl,
        source: facts.source,
        articles: facts.articles ?? [],
        offences: facts.offences ?? [],
        proceduralPowers: facts.proceduralPowers ?? [],
        networkId: facts.network ?? null,
        visibility: facts.membersOnly ? "MEMBERS" : "PUBLIC",
        materialId: facts.material ?? null,
      }) satisfies Prisma.DocumentCreateManyInput,
  );
}
