import { dayRange } from "../../../common/dates";
import { foldForSearch } from "../../../common/text";
import type { Prisma } from "../generated/client";
import type { DatePrecision, DocumentKind, EventKind } from "../generated/enums";

// Public sources: the page of each group of events, or of the event itself where there is one.
const ipa = "CyberCrime@IPA project page, https://coe.int/en/web/cybercrime/cybercrime-ipa";
const glacy247 =
  "Council of Europe news 'GLACY+: Online Regional Workshops in Africa, Asia-Pacific and Latin America on Establishment and functioning of the 24/7 Points of Contact Network' (online, 28, 29 and 30 July 2020), https://coe.int/en/web/cybercrime/glacyplusactivities/-/asset_publisher/DD9qKA5QlKhC/content/glacy-online-regional-workshops-in-africa-asia-pacific-and-latin-america-on-establishment-and-functioning-of-the-24-7-points-of-contact-network";
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
const glacy247Page =
  "https://coe.int/en/web/cybercrime/glacyplusactivities/-/asset_publisher/DD9qKA5QlKhC/content/glacy-online-regional-workshops-in-africa-asia-pacific-and-latin-america-on-establishment-and-functioning-of-the-24-7-points-of-contact-network";
const webinarAsiaPacific =
  "EU Cyber Direct livecast page 'Cybercrime and Criminal Justice in Cyberspace - Asia Pacific Region', https://eucd.livecasts.eu/cybercrime-and-criminal-justice-in-cyberspace-day-1/questions";
const octopus2012 =
  "Council of Europe, Octopus Conference 2012 page, https://www.coe.int/en/web/cybercrime/octopus-interface-2012";
const octopus2012Presentations =
  "http://www.coe.int/t/dghl/cooperation/economiccrime/cybercrime/cy_octopus2012/presentations/default_en.asp";
const zagreb2013 =
  "Kosovo Academy of Justice, 'Meeting of the Heads of Training Institutions on Cyber Crime and Electronic Evidence', https://ad.rks-gov.net/en/archive?id=77 ; Judicial Academy of Croatia, 'Regional Cybercrime Centre', http://pak.hr/eng/article/regional-cybercrime-centre-498.html";
const bogor2024 =
  "Council of Europe, 'Octopus Project: Judicial Training Programme in Indonesia concludes with advanced course on cybercrime and e-evidence', https://coe.int/en/web/cybercrime/-/octopus-project-judicial-training-programme-in-indonesia-concludes-with-advanced-course-on-cybercrime-and-e-evidence";
const leaIspPage = "https://www.coe.int/en/web/cybercrime/lea-/-isp-cooperation";

type Place = { city: string | null; country: string | null; timeZone: string } | "online";
const at = (city: string | null, country: string, timeZone: string): Place => ({ city, country, timeZone });
// A place the source does not give: neither country nor city, the time zone of the host's seat.
const unplaced = (timeZone: string): Place => ({ city: null, country: null, timeZone });
const ipaAreas = ["AL", "BA", "HR", "ME", "RS", "MK", "TR", "XK"];

interface EventFacts {
  kind: EventKind;
  title: string;
  days: [string, string];
  place: Place;
  source: string;
  description?: string;
  project?: string;
  // The other projects of a joint activity, after `project`.
  alsoProjects?: string[];
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
    source: `${ipa}; the guidelines' language versions as announced there on 8 March and 8 April 2011; ${leaIspPage}`,
    description:
      "Discussed the guidelines for cooperation between law enforcement and internet service providers against cybercrime, adopted by the Octopus Conference of 1-2 April 2008.",
    documents: [
      { kind: "AGENDA", title: "Agenda", language: "en" },
      { kind: "PARTICIPANT_LIST", title: "List of Participants", language: "en" },
      { kind: "OTHER", title: "Memorandum of Understanding of Georgia", language: "en" },
      { kind: "PAGE", title: "LEA/ISP cooperation (Council of Europe)", language: "en", url: leaIspPage },
      // The guidelines the workshop discussed, in the languages the project published them.
      ...["en", "sq", "bs", "hr", "mk", "tr", "sr"].map((language) => ({
        kind: "OTHER" as const,
        title:
          "Guidelines for the cooperation between law enforcement and internet service providers against cybercrime (Octopus Conference, 1-2 April 2008)",
        language,
      })),
    ],
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
    alsoProjects: ["CyberCrime@EAP"],
    networks: ["coe-24-7"],
    // A G8 conference; the two projects paid for the participation of the points of contact, nothing more.
    organisers: ["G8"],
    source: ipa,
    description:
      "Third training conference of the G8 24/7 network; CyberCrime@IPA and CyberCrime@EAP supported the participation of 24/7 points of contact from 14 countries.",
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
    alsoProjects: ["CyberCrime@EAP"],
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
  "octopus-conference-2012": {
    kind: "CONFERENCE",
    title: "Octopus Conference 2012: Cooperation against Cybercrime",
    days: ["2012-06-06", "2012-06-08"],
    place: at("Strasbourg", "FR", "Europe/Paris"),
    project: "Global Project on Cybercrime",
    participants: 280,
    source: `${octopus2012}; ${ipa}: a draft of the Electronic Evidence Guide was discussed there on 7 June 2012`,
    description:
      "Some 280 cybercrime experts from about 80 countries; a draft of the CyberCrime@IPA Electronic Evidence Guide was discussed on 7 June 2012.",
    documents: [
      {
        kind: "PAGE",
        title: "Octopus Conference 2012",
        language: "en",
        url: "https://www.coe.int/en/web/cybercrime/octopus-interface-2012",
      },
      { kind: "OUTCOME_REPORT", title: "Key messages", language: "en" },
      {
        kind: "PRESENTATIONS",
        title: "Conference 2012: Reports, presentations, resources",
        language: "en",
        url: octopus2012Presentations,
      },
    ],
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
    alsoProjects: ["CyberCrime@EAP"],
    source: ipa,
    documents: [
      { kind: "AGENDA", title: "Agenda", language: "en" },
      { kind: "OTHER", title: "Typology Study on criminal money flows", language: "en" },
      { kind: "OTHER", title: "LEA/ISP Guidelines", language: "en" },
    ],
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
    alsoProjects: ["CyberCrime@EAP"],
    participants: 22,
    organisers: ["European Union", "Council of Europe", "Norwegian Police University College"],
    source: ipa,
  },
  "ipa-judicial-training-heads-zagreb-2013": {
    kind: "WORKSHOP",
    title: "Meeting of the heads of judicial training institutions on cybercrime and electronic evidence",
    days: ["2013-03-25", "2013-03-25"],
    place: at("Zagreb", "HR", "Europe/Zagreb"),
    project: "CyberCrime@IPA",
    countries: ["XK"],
    source: zagreb2013,
    description:
      "Adopted the work plan 2013-2015 of the Pilot Regional Centre for Judicial Training on Cybercrime at the Judicial Academy of Croatia, and the judicial training institutions signed a memorandum of understanding on its operation; an electronic platform for the institutions was discussed. Participants named by the source: the Kosovo Judicial Institute.",
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
  "ejcn-meeting-ransomware-2021": {
    kind: "PLENARY",
    title: "EJCN meeting on ransomware investigations",
    days: ["2021-12-01", "2021-12-31"],
    precision: "MONTH",
    place: unplaced("Europe/Amsterdam"),
    networks: ["ejcn"],
    organisers: ["Eurojust"],
    source: `${ejcnPlenary10}; kind inferred: the network meets in plenary twice a year (10th in June 2021, 14th in June 2023); place not in the source`,
    description:
      "Challenges and best practices in the investigation of ransomware cases, with a special focus on the healthcare sector, and how to better connect with the private sector.",
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
    source: `${webinars}; ${webinarAsiaPacific}; year inferred from the page's references to the 2020 UN processes`,
    description:
      "Online seminars for criminal justice practitioners and foreign policy experts: cybercrime as a matter of criminal justice, legislation and reforms, international cooperation in practice, capacity building.",
    documents: [
      {
        kind: "PAGE",
        title: "EU–CoE webinars",
        language: "en",
        url: "https://www.coe.int/en/web/cybercrime/eu-coe-webinars",
      },
      {
        kind: "PAGE",
        title: "Cybercrime and Criminal Justice in Cyberspace - Asia Pacific Region",
        language: "en",
        url: "https://eucd.livecasts.eu/cybercrime-and-criminal-justice-in-cyberspace-day-1/questions",
      },
      // The page's downloads; their own addresses are not in the consulted copy.
      { kind: "OTHER", title: "Background Note", language: "en" },
      { kind: "OTHER", title: "The global state of cybercrime legislation", language: "en" },
      { kind: "OTHER", title: "The Budapest Convention on Cybercrime", language: "en" },
      { kind: "OTHER", title: "The Budapest Convention on Cybercrime", language: "es" },
    ],
  },
  "judicial-trainers-meeting-2": {
    kind: "WORKSHOP",
    title: "2nd Meeting of National Judicial Trainers",
    days: ["2020-11-17", "2020-11-17"],
    place: "online",
    project: "GLACY+",
    alsoProjects: ["iPROCEEDS-2", "CyberSouth", "CyberEast"],
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
    alsoProjects: ["iPROCEEDS-2", "CyberSouth", "CyberEast"],
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
  "octopus-judicial-introductory-bogor-2024": {
    kind: "TRAINING",
    title: "Judicial Training Programme on cybercrime and e-evidence: introductory module",
    days: ["2024-10-01", "2024-10-31"],
    precision: "MONTH",
    place: at("Bogor", "ID", "Asia/Jakarta"),
    project: "Octopus",
    countries: ["ID"],
    source: bogor2024,
    description:
      "Introductory module for Indonesian judges and prosecutors, followed by the advanced course in Bogor on 25-29 November 2024.",
  },
  "ciberred-meeting-lisbon-2025": {
    kind: "ANNUAL_MEETING",
    title: "CiberRed meeting of contact points, with a conference on the Second Additional Protocol",
    days: ["2025-11-17", "2025-11-18"],
    place: at("Lisbon", "PT", "Europe/Lisbon"),
    project: "GLACY-e",
    alsoProjects: ["CyberSPEX"],
    networks: ["ciberred"],
    source: ciberred,
    description:
      "Contact points of 21 prosecution services, described as Portugal, Spain, Andorra and all States of the Americas with Spanish and Portuguese as official languages (which makes 22: the page does not say which is not among the 21); with a conference on the Second Additional Protocol. Supported by the Council of Europe and the European Union through GLACY-e and CyberSPEX.",
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

// The GLACY+ workshops news page, in its three language versions, is the page of each of the three workshops. Only
// the English version's address is in the consulted copy.
const glacy247Documents: NonNullable<EventFacts["documents"]> = [
  {
    kind: "PAGE",
    title:
      "GLACY+: Online Regional Workshops in Africa, Asia-Pacific and Latin America on Establishment and functioning of the 24/7 Points of Contact Network",
    language: "en",
    url: glacy247Page,
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
for (const region of ["africa", "asia-pacific", "americas"])
  facts[`glacy-247-workshop-${region}-2020`].documents = glacy247Documents;

// Lead projects that the cited pages call joint projects of the European Union and the Council of Europe (or, for
// GLACY-e and CyberSPEX, supported by both): their events list both organisers.
const jointProjects = new Set(["CyberCrime@IPA", "CyberCrime@EAP", "GLACY+", "GLACY-e", "CyberSPEX"]);

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
      // Projects are run by the Council of Europe, joint ones with the European Union; other organisers only where a
      // source names them.
      organisers:
        event.organisers ??
        (event.project ? [...(jointProjects.has(event.project) ? ["European Union"] : []), "Council of Europe"] : []),
      networkIds: event.networks ?? [],
      project: event.project ?? null,
      projects: event.project ? [event.project, ...(event.alsoProjects ?? [])] : [],
      participatingCountries: event.countries ?? [],
      participantsCount: event.participants ?? null,
      visibility: "PUBLIC",
      source: event.source,
      searchText: foldForSearch(
        [
          event.title,
          event.description,
          place?.city,
          ...(event.project ? [event.project] : []),
          ...(event.alsoProjects ?? []),
        ]
          .filter(Boolean)
          .join(" | "),
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
