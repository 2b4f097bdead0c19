import { dayRange } from "../../../common/dates";
import { foldForSearch } from "../../../common/text";
import type { Prisma } from "../generated/client";
import type { DatePrecision, DocumentKind, EventKind } from "../generated/enums";

// Public sources: the page of each group of events, or of the event itself where there is one.
const ipa = "CyberCrime@IPA project page, https://coe.int/en/web/cybercrime/cybercrime-ipa";
const glacy247 =
  "Council of Europe news 'GLACY+: Online Regional Workshops in Africa, Asia-Pacific and Latin America on Establishment and functioning of the 24/7 Points of Contact Network' (online, 28, 29 and 30 July 2020)";
const webinars =
  "EU Cyber Direct / Council of Europe webinar page, https://www.coe.int/en/web/cybercrime/eu-coe-webinars";
const ejcnPage = "Eurojust, 'European Judicial Cybercrime Network', https://www.eurojust.europa.eu/da/node/286";
const ejcnPlenary2 =
  "Eurojust news 'Second plenary meeting of the European Judicial Cybercrime Network' (6 April 2017), http://www.eurojust.europa.eu/press/News/News/Pages/2017/2017-04-06-Second-plenary-meeting-of-the-European-Judicial-Cybercrime-Network.aspx";
const ejcnPlenary6 =
  "EVIDENCE2e-CODEX news on the 6th EJCN plenary meeting, https://evidence2e-codex.eu/a/6th-ejcn-plenary-meeting";
const ejcnPlenary10 =
  "Eurojust, 'Latest developments from the European Judicial Cybercrime Network' (10th plenary, June 2021), https://www.eurojust.europa.eu/sk/node/3134";
const ejcnPlenary14 =
  "Cybil Portal, EJCN project page (14th Plenary Meeting, 15-16 June 2023), https://cybilportal.org/projects/european-judicial-cybercrime-network-ejcn/";
const ejcnPlenary18 =
  "Eurojust news on the 18th EJCN plenary meeting, https://eurojust.europa.eu/news/european-judicial-cybercrime-network-holds-18th-plenary-meeting-combat-growing-cyber-threats";
const forum =
  "https://cibercrime.ministeriopublico.pt/en/pagina/meeting-forum-cibercrime ; http://cibercrime.ministeriopublico.pt/en/pagina/2nd-meeting-cybercrime-forum-praia-cabo-verde";
const ciberred =
  "http://cibercrime.ministeriopublico.pt/en/pagina/meeting-ciberredeciberred ; https://cibercrime.ministeriopublico.pt/en/destaque/ciberred-meeting-lisbon";
const glacyPlus = "Council of Europe, GLACY+ project page, https://www.coe.int/en/web/cybercrime/glacyplus";
const octopus2023 =
  "Council of Europe, Octopus Conference 2023 page, https://www.coe.int/en/web/cybercrime/octopus-conference-2023";
const cyberspex2026 =
  "CyberSPEX workshop on Second Additional Protocol cooperation through the 24/7 Network, Bucharest, 26 May 2026: public page not yet cited";

type Place = { city: string | null; country: string; timeZone: string } | "online";
const at = (city: string | null, country: string, timeZone: string): Place => ({ city, country, timeZone });
const ipaAreas = ["AL", "BA", "HR", "ME", "RS", "MK", "TR", "XK"];

interface EventFacts {
  kind: EventKind;
  title: string;
  days: [string, string];
  place: Place;
  source: string;
  description?: string;
  project?: string;
  networks?: string[];
  countries?: string[];
  participants?: number;
  organisers?: string[];
  precision?: DatePrecision;
  documents?: { kind: DocumentKind; title: string; language: string; url?: string }[];
}

const facts: Record<string, EventFacts> = {
  "ipa-launching-conference-2011": {
    kind: "CONFERENCE",
    title: "CyberCrime@IPA Launching Conference",
    days: ["2011-02-17", "2011-02-18"],
    place: at("Istanbul", "TR", "Europe/Istanbul"),
    project: "CyberCrime@IPA",
    countries: ipaAreas,
    source: ipa,
    description: "Adoption of the project work plan and finalisation of the cybercrime situation report.",
    documents: [
      { kind: "AGENDA", title: "Agenda", language: "en" },
      { kind: "PARTICIPANT_LIST", title: "List of participants", language: "en" },
    ],
  },
  "ipa-criminal-money-belgrade-2011": {
    kind: "WORKSHOP",
    title: "Regional Workshop on Criminal Money Flows on the Internet",
    days: ["2011-03-17", "2011-03-18"],
    place: at("Belgrade", "RS", "Europe/Belgrade"),
    project: "CyberCrime@IPA",
    countries: ipaAreas,
    source: ipa,
  },
  "ipa-legislation-sarajevo-2011": {
    kind: "WORKSHOP",
    title: "Regional Workshop on Legislation",
    days: ["2011-03-24", "2011-03-25"],
    place: at("Sarajevo", "BA", "Europe/Sarajevo"),
    project: "CyberCrime@IPA",
    countries: ipaAreas,
    source: ipa,
  },
  "ipa-judicial-training-ohrid-2011": {
    kind: "WORKSHOP",
    title: "Regional Workshop on Judicial Training",
    days: ["2011-05-11", "2011-05-12"],
    place: at("Ohrid", "MK", "Europe/Skopje"),
    project: "CyberCrime@IPA",
    countries: ipaAreas,
    source: ipa,
    description: "A regional working group was created to develop training manuals for basic and advanced courses.",
  },
  "ipa-judicial-cooperation-dubrovnik-2011": {
    kind: "WORKSHOP",
    title: "Regional Training Meeting on International Judicial Cooperation",
    days: ["2011-05-16", "2011-05-17"],
    place: at("Dubrovnik", "HR", "Europe/Zagreb"),
    project: "CyberCrime@IPA",
    countries: ipaAreas,
    source: ipa,
  },
  "ipa-study-visit-dublin-2011": {
    kind: "STUDY_VISIT",
    title: "Law enforcement training strategy: study visit to University College Dublin",
    days: ["2011-05-23", "2011-05-27"],
    place: at("Dublin", "IE", "Europe/Dublin"),
    project: "CyberCrime@IPA",
    countries: ipaAreas,
    source: ipa,
  },
  "ipa-lea-isp-durres-2011": {
    kind: "WORKSHOP",
    title: "Regional workshop on LEA/ISP cooperation",
    days: ["2011-06-09", "2011-06-10"],
    place: at("Durres", "AL", "Europe/Tirane"),
    project: "CyberCrime@IPA",
    countries: ipaAreas,
    source: ipa,
  },
  "ipa-htcu-247-budva-2011": {
    kind: "WORKSHOP",
    title: "Workshops on high-tech crime units and 24/7 points of contact",
    days: ["2011-09-13", "2011-09-15"],
    place: at("Budva", "ME", "Europe/Podgorica"),
    project: "CyberCrime@IPA",
    networks: ["coe-24-7"],
    countries: ipaAreas,
    source: ipa,
  },
  "g8-247-training-rome-2011": {
    kind: "TRAINING",
    title: "Training for 24/7 points of contact (third training conference of the G8 network)",
    days: ["2011-11-08", "2011-11-10"],
    place: at("Rome", "IT", "Europe/Rome"),
    project: "CyberCrime@IPA",
    networks: ["coe-24-7"],
    source: ipa,
    description: "24/7 points of contact from 14 countries, supported by CyberCrime@IPA and CyberCrime@EAP.",
  },
  "ipa-legislation-serbia-2012": {
    kind: "WORKSHOP",
    title: "Country-specific Workshop on Legislation for Serbia",
    days: ["2012-01-27", "2012-01-27"],
    place: at(null, "RS", "Europe/Belgrade"),
    project: "CyberCrime@IPA",
    countries: ["RS"],
    source: ipa,
  },
  "ipa-tot-zagreb-2012": {
    kind: "TRAINING",
    title: "Training of Trainers for representatives of Judicial Training Institutions",
    days: ["2012-02-20", "2012-02-24"],
    place: at("Zagreb", "HR", "Europe/Zagreb"),
    project: "CyberCrime@IPA",
    countries: ipaAreas,
    source: ipa,
  },
  "ipa-eap-criminal-money-kyiv-2012": {
    kind: "WORKSHOP",
    title: "Intra-Regional Workshop on Criminal Money Flows on the Internet",
    days: ["2012-02-27", "2012-02-29"],
    place: at("Kyiv", "UA", "Europe/Kyiv"),
    project: "CyberCrime@IPA",
    participants: 80,
    source: ipa,
  },
  "ipa-legislation-bih-2012": {
    kind: "WORKSHOP",
    title: "Country-specific Workshop on Legislation (Bosnia and Herzegovina)",
    days: ["2012-03-26", "2012-03-26"],
    place: at("Sarajevo", "BA", "Europe/Sarajevo"),
    project: "CyberCrime@IPA",
    countries: ["BA"],
    source: ipa,
  },
  "ipa-expedited-cooperation-skopje-2012": {
    kind: "WORKSHOP",
    title: "Regional workshop on expedited international cooperation",
    days: ["2012-03-28", "2012-03-29"],
    place: at("Skopje", "MK", "Europe/Skopje"),
    project: "CyberCrime@IPA",
    countries: ipaAreas,
    source: ipa,
    documents: [{ kind: "AGENDA", title: "Agenda", language: "en" }],
  },
  "ipa-steering-committee-3": {
    kind: "STEERING_COMMITTEE",
    title: "3rd Steering Committee meeting of the CyberCrime@IPA project",
    days: ["2012-03-30", "2012-03-30"],
    place: at("Skopje", "MK", "Europe/Skopje"),
    project: "CyberCrime@IPA",
    source: `${ipa}; place inferred: it followed the Skopje workshop`,
  },
  "ipa-judicial-training-pack-trakoscan-2012": {
    kind: "WORKSHOP",
    title: "Regional workshop to finalise the basic judicial training pack",
    days: ["2012-07-11", "2012-07-12"],
    place: at("Trakoscan", "HR", "Europe/Zagreb"),
    project: "CyberCrime@IPA",
    countries: ipaAreas,
    source: ipa,
  },
  "ipa-electronic-evidence-guide-struga-2012": {
    kind: "WORKSHOP",
    title: "International Workshop on the Electronic Evidence Guide",
    days: ["2012-09-04", "2012-09-05"],
    place: at("Struga", "MK", "Europe/Skopje"),
    project: "CyberCrime@IPA",
    source: ipa,
  },
  "ipa-public-private-istanbul-2012": {
    kind: "WORKSHOP",
    title: "International Workshop on Public/private cooperation against cybercrime and criminal money on the internet",
    days: ["2012-11-26", "2012-11-28"],
    place: at("Istanbul", "TR", "Europe/Istanbul"),
    project: "CyberCrime@IPA",
    source: ipa,
  },
  "ipa-strategic-priorities-dubrovnik-2013": {
    kind: "CONFERENCE",
    title: "High-level conference on strategic priorities in the cooperation against cybercrime",
    days: ["2013-02-13", "2013-02-15"],
    place: at("Dubrovnik", "HR", "Europe/Zagreb"),
    project: "CyberCrime@IPA",
    participants: 100,
    source: ipa,
    description: "Adoption of the Dubrovnik declaration on strategic priorities; more than 100 experts and officials.",
  },
  "ipa-tot-first-responders-oslo-2013": {
    kind: "TRAINING",
    title: "Training of Trainers and Law Enforcement 1st responders course",
    days: ["2013-02-25", "2013-03-01"],
    place: at("Oslo", "NO", "Europe/Oslo"),
    project: "CyberCrime@IPA",
    participants: 22,
    organisers: ["Council of Europe", "Norwegian Police University College"],
    source: ipa,
  },
  "ipa-closing-conference-budva-2013": {
    kind: "CONFERENCE",
    title: "CyberCrime@IPA Closing Conference",
    days: ["2013-04-29", "2013-04-30"],
    place: at("Budva", "ME", "Europe/Podgorica"),
    project: "CyberCrime@IPA",
    countries: ipaAreas,
    source: ipa,
    description: "Progress of the project and adoption of the Assessment Report.",
  },
  "ejcn-plenary-kick-off-2016": {
    kind: "PLENARY",
    title: "EJCN kick-off meeting",
    days: ["2016-11-24", "2016-11-24"],
    place: at("The Hague", "NL", "Europe/Amsterdam"),
    networks: ["ejcn"],
    organisers: ["Eurojust"],
    source: ejcnPage,
  },
  "ejcn-plenary-2": {
    kind: "PLENARY",
    title: "2nd EJCN plenary meeting",
    days: ["2017-04-06", "2017-04-07"],
    place: at("The Hague", "NL", "Europe/Amsterdam"),
    networks: ["ejcn"],
    organisers: ["Eurojust"],
    source: ejcnPlenary2,
    description: "Adoption of the two-year work programme (e-evidence, encryption, data retention).",
  },
  "ejcn-plenary-6": {
    kind: "PLENARY",
    title: "6th EJCN plenary meeting",
    days: ["2019-04-04", "2019-04-05"],
    place: at("The Hague", "NL", "Europe/Amsterdam"),
    networks: ["ejcn"],
    organisers: ["Eurojust"],
    source: ejcnPlenary6,
  },
  "ejcn-plenary-7": {
    kind: "PLENARY",
    title: "7th EJCN plenary meeting",
    days: ["2019-11-14", "2019-11-15"],
    place: at("The Hague", "NL", "Europe/Amsterdam"),
    networks: ["ejcn"],
    organisers: ["Eurojust"],
    source: ejcnPage,
  },
  "ejcn-plenary-10": {
    kind: "PLENARY",
    title: "10th EJCN plenary meeting",
    days: ["2021-06-01", "2021-06-30"],
    precision: "MONTH",
    place: at("The Hague", "NL", "Europe/Amsterdam"),
    networks: ["ejcn"],
    organisers: ["Eurojust"],
    source: ejcnPlenary10,
    description: "Presentation of the Virtual Currency Guide for judicial authorities.",
  },
  "ejcn-plenary-14": {
    kind: "PLENARY",
    title: "14th EJCN plenary meeting",
    days: ["2023-06-15", "2023-06-16"],
    place: at("The Hague", "NL", "Europe/Amsterdam"),
    networks: ["ejcn"],
    organisers: ["Eurojust"],
    source: ejcnPlenary14,
  },
  "ejcn-plenary-18": {
    kind: "PLENARY",
    title: "18th EJCN plenary meeting",
    days: ["2025-04-28", "2025-04-29"],
    place: at("The Hague", "NL", "Europe/Amsterdam"),
    networks: ["ejcn"],
    organisers: ["Eurojust"],
    participants: 60,
    source: ejcnPlenary18,
    description:
      "60 participants from 32 countries; a restricted session on national legislation, judgments and cases; breakout sessions on AI, crypto assets, e-evidence and judicial training.",
  },
  "lisbon-conference-2018": {
    kind: "CONFERENCE",
    title: "International conference on cybercrime (CPLP and Ibero-American prosecution services)",
    days: ["2018-02-05", "2018-02-06"],
    place: at("Lisbon", "PT", "Europe/Lisbon"),
    project: "GLACY+",
    networks: ["forum-cibercrime", "ciberred"],
    organisers: ["Procuradoria-Geral da República"],
    source: `${forum}; ${glacyPlus}`,
  },
  "ciberred-meeting-1": {
    kind: "ANNUAL_MEETING",
    title: "CiberRed: 1st meeting",
    days: ["2018-02-05", "2018-02-05"],
    place: at("Lisbon", "PT", "Europe/Lisbon"),
    project: "GLACY+",
    networks: ["ciberred"],
    countries: [
      "PT",
      "AR",
      "BO",
      "BR",
      "CO",
      "CL",
      "CR",
      "CU",
      "DO",
      "EC",
      "SV",
      "GT",
      "HN",
      "MX",
      "PA",
      "PY",
      "PE",
      "UY",
    ],
    source: ciberred,
  },
  "forum-cibercrime-meeting-1": {
    kind: "ANNUAL_MEETING",
    title: "Fórum Cibercrime: 1st meeting",
    days: ["2018-02-07", "2018-02-07"],
    place: at("Lisbon", "PT", "Europe/Lisbon"),
    project: "GLACY+",
    networks: ["forum-cibercrime"],
    source: forum,
  },
  "forum-cibercrime-meeting-2": {
    kind: "ANNUAL_MEETING",
    title:
      "Fórum Cibercrime: 2nd meeting, with the conference 'Fight against Cybercrime – CPLP Public Prosecutions in the Global Context'",
    days: ["2019-04-11", "2019-04-12"],
    place: at("Praia", "CV", "Atlantic/Cape_Verde"),
    networks: ["forum-cibercrime"],
    source: forum,
    description: "The forum session of 12 April was open only to the CPLP cybercrime contact points.",
  },
  "ciberred-meeting-2": {
    kind: "ANNUAL_MEETING",
    title: "CiberRed: 2nd meeting",
    days: ["2019-06-25", "2019-06-26"],
    place: at("Santiago", "CL", "America/Santiago"),
    project: "GLACY+",
    networks: ["ciberred"],
    source: ciberred,
    description: "Contact points of 19 AIAMP members.",
  },
  "judicial-trainers-meeting-1": {
    kind: "WORKSHOP",
    title: "1st Meeting of National Judicial Trainers",
    days: ["2019-07-10", "2019-07-12"],
    place: at("Strasbourg", "FR", "Europe/Paris"),
    project: "GLACY+",
    source: glacyPlus,
  },
  "glacy-247-workshop-africa-2020": {
    kind: "WORKSHOP",
    title: "GLACY+ online regional workshop on the 24/7 Points of Contact Network: Africa",
    days: ["2020-07-28", "2020-07-28"],
    place: "online",
    project: "GLACY+",
    networks: ["coe-24-7"],
    source: glacy247,
    documents: [],
  },
  "glacy-247-workshop-asia-pacific-2020": {
    kind: "WORKSHOP",
    title: "GLACY+ online regional workshop on the 24/7 Points of Contact Network: Asia-Pacific",
    days: ["2020-07-29", "2020-07-29"],
    place: "online",
    project: "GLACY+",
    networks: ["coe-24-7"],
    source: glacy247,
  },
  "glacy-247-workshop-americas-2020": {
    kind: "WORKSHOP",
    title: "GLACY+ online regional workshop on the 24/7 Points of Contact Network: the Americas",
    days: ["2020-07-30", "2020-07-30"],
    place: "online",
    project: "GLACY+",
    networks: ["coe-24-7"],
    source: glacy247,
  },
  "eu-coe-webinars-asia-pacific-2020": {
    kind: "WEBINAR",
    title: "Cybercrime and Criminal Justice in Cyberspace – Asia Pacific Region (EU–Council of Europe webinar series)",
    days: ["2020-01-01", "2020-12-31"],
    precision: "YEAR",
    place: "online",
    project: "GLACY+",
    organisers: ["European Union", "Council of Europe"],
    source: `${webinars}; year inferred from the page's references to the 2020 UN processes`,
    description:
      "Online seminars for criminal justice practitioners and foreign policy experts: cybercrime as a matter of criminal justice, legislation and reforms, international cooperation in practice, capacity building.",
    documents: [
      {
        kind: "PAGE",
        title: "EU–CoE webinars",
        language: "en",
        url: "https://www.coe.int/en/web/cybercrime/eu-coe-webinars",
      },
    ],
  },
  "judicial-trainers-meeting-2": {
    kind: "WORKSHOP",
    title: "2nd Meeting of National Judicial Trainers",
    days: ["2020-11-17", "2020-11-17"],
    place: "online",
    project: "GLACY+",
    participants: 100,
    source: glacyPlus,
    description: "About 100 participants from more than 20 countries (GLACY+, iPROCEEDS-2, CyberSouth, CyberEast).",
  },
  "judicial-trainers-plenary-2021": {
    kind: "PLENARY",
    title: "Plenary of the International Network of National Judicial Trainers",
    days: ["2021-01-29", "2021-01-29"],
    place: "online",
    project: "GLACY+",
    participants: 70,
    source: glacyPlus,
    description: "About 70 representatives; terms of reference and 2021 work plan.",
  },
  "forum-cibercrime-meeting-3": {
    kind: "ANNUAL_MEETING",
    title: "Fórum Cibercrime: 3rd meeting",
    days: ["2021-07-02", "2021-07-02"],
    place: "online",
    networks: ["forum-cibercrime"],
    source: forum,
  },
  "octopus-conference-2023": {
    kind: "CONFERENCE",
    title: "Octopus Conference 2023",
    days: ["2023-12-13", "2023-12-15"],
    place: at("Bucharest", "RO", "Europe/Bucharest"),
    project: "Octopus",
    participants: 500,
    source: octopus2023,
    description: "More than 500 participants from about 130 countries.",
  },
  "ciberred-meeting-lisbon-2025": {
    kind: "ANNUAL_MEETING",
    title: "CiberRed meeting of contact points, with a conference on the Second Additional Protocol",
    days: ["2025-11-17", "2025-11-18"],
    place: at("Lisbon", "PT", "Europe/Lisbon"),
    project: "GLACY-e",
    networks: ["ciberred"],
    source: ciberred,
    description: "21 prosecution services (GLACY-e, CyberSPEX).",
  },
  "cyberspex-247-workshop-2026": {
    kind: "WORKSHOP",
    title: "Workshop on Second Additional Protocol cooperation through the 24/7 Network (EU Member States)",
    days: ["2026-05-26", "2026-05-26"],
    place: at("Bucharest", "RO", "Europe/Bucharest"),
    project: "CyberSPEX",
    networks: ["coe-24-7"],
    source: cyberspex2026,
  },
};

// The GLACY+ workshops news page in its three language versions, with the titles the page gives them.
facts["glacy-247-workshop-africa-2020"].documents = [
  {
    kind: "PAGE",
    title:
      "GLACY+: Online Regional Workshops in Africa, Asia-Pacific and Latin America on Establishment and functioning of the 24/7 Points of Contact Network",
    language: "en",
  },
  {
    kind: "PAGE",
    title:
      "GLACY+: Talleres regionales en línea para África, Asia-Pacífico y América Latina sobre el establecimiento y funcionamiento de la Red de Puntos de Contacto 24/7",
    language: "es",
  },
  {
    kind: "PAGE",
    title:
      "GLACY+: Seminários regionais online para a África, Ásia-Pacífico e América Latina sobre a criação e o funcionamento da Rede de puntos de contacto 24/7",
    language: "pt",
  },
];

export function eventRows() {
  return Object.entries(facts).map(([id, event]) => {
    const timeZone = event.place === "online" ? "UTC" : event.place.timeZone;
    const place = event.place === "online" ? null : event.place;
    return {
      id,
      kind: event.kind,
      title: event.title,
      description: event.description ?? null,
      ...dayRange(event.days[0], event.days[1], timeZone),
      timeZone,
      datePrecision: event.precision ?? "DAY",
      online: event.place === "online",
      city: place?.city ?? null,
      countryCode: place?.country ?? null,
      // Projects are run by the Council of Europe; other organisers only where a source names them.
      organisers: event.organisers ?? (event.project ? ["Council of Europe"] : []),
      networkIds: event.networks ?? [],
      project: event.project ?? null,
      participatingCountries: event.countries ?? [],
      participantsCount: event.participants ?? null,
      visibility: "PUBLIC",
      source: event.source,
      searchText: foldForSearch(
        [event.title, event.description, place?.city, event.project].filter(Boolean).join(" | "),
      ),
    } satisfies Prisma.EventCreateManyInput;
  });
}

export function eventDocumentRows() {
  return Object.entries(facts).flatMap(([eventId, event]) =>
    (event.documents ?? []).map(
      (document, index) =>
        ({
          id: `${eventId}-${index + 1}`,
          eventId,
          url: null,
          ...document,
        }) satisfies Prisma.EventDocumentCreateManyInput,
    ),
  );
}
