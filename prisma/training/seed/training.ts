import { dayRange } from "../../../common/dates";
import { foldForSearch } from "../../../common/text";
import type { Prisma } from "../generated/client";
import type { Audience, CourseLevel } from "../generated/enums";

// Public sources of the courses, sessions and materials.
const ipa = "CyberCrime@IPA project page, https://coe.int/en/web/cybercrime/cybercrime-ipa";
const ipaJointProgramme =
  "CyberCrime@IPA joint-programme page, http://www.jp.coe.int/CEAD/JP/Default.asp?TransID=204&SA=0&SE=0";
const coeResources = "Council of Europe cybercrime resources page, https://www.coe.int/en/web/cybercrime/resources";
const coeTraining = "https://www.coe.int/en/web/cybercrime/trainings ; https://cybox.coe.int";
const help =
  "https://coe.int/fr/web/cybercrime/-/council-of-europe-help-online-course-on-cybercrime-and-electronic-evidence";
const gpen =
  "https://cybilportal.org/projects/cyber-crime-prosecution-training/ ; https://iap-association.org/GPEN/About-GPEN";
const octopusProject = "Council of Europe, Octopus Project page, https://www.coe.int/en/web/cybercrime/octopus-project";
const bogor2024 =
  "Council of Europe, 'Octopus Project: Judicial Training Programme in Indonesia concludes with advanced course on cybercrime and e-evidence', https://coe.int/en/web/cybercrime/-/octopus-project-judicial-training-programme-in-indonesia-concludes-with-advanced-course-on-cybercrime-and-e-evidence";
const iproceedsBudva2017 = "iPROCEEDS regional Training of Trainers, Budva, 19-25 June 2017: public page not yet cited";
const ipaAreas = ["AL", "BA", "HR", "ME", "RS", "MK", "TR", "XK"];

interface CourseFacts {
  title: string;
  description?: string;
  level: CourseLevel;
  audiences: Audience[];
  modules?: string[];
  languages: string[];
  provider: string;
  project?: string;
  networks?: string[];
  online?: boolean;
  source: string;
}

const courses: Record<string, CourseFacts> = {
  "ipa-basic-judicial": {
    title: "Basic training course on cybercrime and electronic evidence for judges and prosecutors",
    description:
      "Basic judicial training module developed under CyberCrime@IPA and delivered in-country by trainers from the Training of Trainers programme.",
    level: "BASIC",
    audiences: ["JUDGES", "PROSECUTORS"],
    languages: ["en"],
    provider: "Council of Europe",
    project: "CyberCrime@IPA",
    source: `${ipa}; ${ipaJointProgramme}`,
  },
  "ipa-advanced-judicial": {
    title: "Advanced judicial training module on cybercrime and electronic evidence",
    level: "ADVANCED",
    audiences: ["JUDGES", "PROSECUTORS"],
    languages: ["en"],
    provider: "Council of Europe",
    project: "CyberCrime@IPA",
    source: `${coeResources}; ${ipa}; ${ipaJointProgramme}`,
  },
  "ipa-judicial-tot": {
    title: "Training of Trainers for judicial training institutions",
    description: "Trains local trainers to deliver cybercrime courses for judges and prosecutors.",
    level: "TRAINING_OF_TRAINERS",
    audiences: ["JUDGES", "PROSECUTORS"],
    languages: ["en"],
    provider: "Council of Europe",
    project: "CyberCrime@IPA",
    source: ipa,
  },
  "ipa-first-responders": {
    title: "Law Enforcement 1st responders course",
    description:
      "Handling crime scenes with elements of cybercrime and electronic evidence; with a Training of Trainers for law enforcement.",
    level: "FIRST_RESPONDER",
    audiences: ["LAW_ENFORCEMENT"],
    languages: ["en"],
    provider: "Council of Europe and the Norwegian Police University College",
    project: "CyberCrime@IPA",
    source: ipa,
  },
  "coe-introductory-judicial": {
    title: "Introductory Training Course on cybercrime and electronic evidence for judges, magistrates and prosecutors",
    level: "BASIC",
    audiences: ["JUDGES", "PROSECUTORS"],
    languages: ["en"],
    provider: "Council of Europe (C-PROC)",
    project: "Octopus",
    online: true,
    source: coeTraining,
  },
  "coe-help-cybercrime": {
    title: "HELP online course on cybercrime and electronic evidence",
    description: "Seven substantive modules, open to criminal-justice practitioners worldwide.",
    level: "BASIC",
    audiences: ["JUDGES", "PROSECUTORS", "LAW_ENFORCEMENT"],
    modules: ["Seven substantive modules (titles not in the consulted source)"],
    languages: ["en"],
    provider: "Council of Europe (HELP)",
    online: true,
    source: help,
  },
  "iproceeds-judicial-tot": {
    title: "Regional Training of Trainers on cybercrime and electronic evidence (introductory module)",
    level: "TRAINING_OF_TRAINERS",
    audiences: ["JUDGES", "PROSECUTORS"],
    languages: ["en"],
    provider: "Council of Europe",
    project: "iPROCEEDS",
    source: iproceedsBudva2017,
  },
  "octopus-judicial-programme": {
    title: "Judicial Training Programme on cybercrime and electronic evidence: introductory and advanced courses",
    level: "ADVANCED",
    audiences: ["JUDGES", "PROSECUTORS"],
    languages: ["en"],
    provider: "Council of Europe",
    project: "Octopus",
    source: octopusProject,
  },
  "gpen-prosecution-training": {
    title: "Cyber Crime Prosecution Training (GPEN virtual training and monthly webinars)",
    description: "Virtual training for prosecutors in 158 countries, April 2013 to March 2019.",
    level: "BASIC",
    audiences: ["PROSECUTORS"],
    languages: ["en"],
    provider: "International Association of Prosecutors (GPEN)",
    networks: ["gpen"],
    online: true,
    source: gpen,
  },
};

interface SessionFacts {
  course: string;
  days: [string, string];
  place: { city: string | null; country: string | null; timeZone: string };
  countries?: string[];
  participants?: number;
  event?: string;
  source: string;
}

const sessions: Record<string, SessionFacts> = {
  "ipa-judicial-tot-zagreb-2012": {
    course: "ipa-judicial-tot",
    days: ["2012-02-20", "2012-02-24"],
    place: { city: "Zagreb", country: "HR", timeZone: "Europe/Zagreb" },
    countries: ipaAreas,
    event: "ipa-tot-zagreb-2012",
    source: ipa,
  },
  "ipa-basic-judicial-in-country-2012": {
    course: "ipa-basic-judicial",
    days: ["2012-04-13", "2012-05-19"],
    place: { city: null, country: null, timeZone: "Europe/Belgrade" },
    countries: ipaAreas,
    participants: 140,
    source: `${ipa}: eight in-country trainings, some 140 judges and prosecutors`,
  },
  "ipa-first-responders-oslo-2013": {
    course: "ipa-first-responders",
    days: ["2013-02-25", "2013-03-01"],
    place: { city: "Oslo", country: "NO", timeZone: "Europe/Oslo" },
    participants: 22,
    event: "ipa-tot-first-responders-oslo-2013",
    source: ipa,
  },
  "iproceeds-tot-budva-2017": {
    course: "iproceeds-judicial-tot",
    days: ["2017-06-19", "2017-06-25"],
    place: { city: "Budva", country: "ME", timeZone: "Europe/Podgorica" },
    countries: ipaAreas,
    source: `${iproceedsBudva2017}; introductory module, 4 new trainers per country`,
  },
  "octopus-advanced-bogor-2024": {
    course: "octopus-judicial-programme",
    days: ["2024-11-25", "2024-11-29"],
    place: { city: "Bogor", country: "ID", timeZone: "Asia/Jakarta" },
    countries: ["ID"],
    participants: 33,
    source: `${bogor2024}: advanced course and soft skills training, 33 judges and prosecutors, after the introductory module of October 2024 (days not given, so no session here)`,
  },
};

// Language versions announced on the CyberCrime@IPA page (8 March and 8 April 2011). The LEA/ISP guidelines announced
// with them belong to no course: they are documents of the LEA/ISP workshops in the events seed.
const translated = ["sq", "bs", "hr", "mk", "tr", "sr"];
const materials = [
  ...["en", ...translated].map((language): Prisma.MaterialCreateManyInput => ({
    id: `concept-paper-judicial-training-${language}`,
    courseId: "ipa-basic-judicial",
    translationGroup: "concept-paper-judicial-training",
    title: "Concept paper for the training of judges and prosecutors in cybercrime and electronic evidence",
    kind: "CONCEPT_PAPER",
    language,
    url: null,
    source: ipa,
  })),
  {
    id: "electronic-evidence-guide-en",
    courseId: "ipa-first-responders",
    translationGroup: "electronic-evidence-guide",
    title: "Electronic Evidence Guide (for law enforcement and judicial authorities only)",
    kind: "GUIDE",
    language: "en",
    url: null,
    source: ipa,
  },
  {
    id: "ipa-basic-training-manual-en",
    courseId: "ipa-basic-judicial",
    translationGroup: "ipa-basic-training-manual",
    title: "Basic judicial training manual (final version, Trakoscan workshop July 2012)",
    kind: "TRAINING_MANUAL",
    language: "en",
    url: null,
    source: ipa,
  },
] satisfies Prisma.MaterialCreateManyInput[];

export function courseRows() {
  return Object.entries(courses).map(
    ([id, course]) =>
      ({
        id,
        title: course.title,
        description: course.description ?? null,
        level: course.level,
        audiences: course.audiences,
        modules: course.modules ?? [],
        languages: course.languages,
        provider: course.provider,
        project: course.project ?? null,
        networkIds: course.networks ?? [],
        online: course.online ?? false,
        source: course.source,
        searchText: foldForSearch(
          [course.title, course.description, course.provider, course.project].filter(Boolean).join(" | "),
        ),
      }) satisfies Prisma.CourseCreateManyInput,
  );
}

export function sessionRows() {
  return Object.entries(sessions).map(
    ([id, session]) =>
      ({
        id,
        courseId: session.course,
        ...dayRange(session.days[0], session.days[1], session.place.timeZone),
        timeZone: session.place.timeZone,
        online: false,
        city: session.place.city,
        countryCode: session.place.country,
        participatingCountries: session.countries ?? [],
        trainers: [],
        participantsCount: session.participants ?? null,
        eventId: session.event ?? null,
        source: session.source,
      }) satisfies Prisma.TrainingSessionCreateManyInput,
  );
}

export const materialRows = () => materials;
