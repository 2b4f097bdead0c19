import { dayRange } from "../../common/dates";
import { badUserInput } from "../../common/errors";
import { foldForSearch } from "../../common/text";
import {
  countryCodes,
  httpUrl,
  languageCode,
  languageCodes,
  networkId,
  nonNegativeCount,
  optionalCountryCode,
  optionalText,
  requiredText,
  sameName,
  searchWords,
  storedEnumValues,
  timeZone,
} from "../../common/validation";
import type { Course as CourseRow, Prisma } from "../../prisma/training/generated/client";
import {
  Audience,
  type Course,
  type CourseFilter,
  type CourseInput,
  type MaterialInput,
  type TrainingSessionInput,
} from "./types/course";

/** A stored course as the graph serves it: `audiences` is a text[] column whose values must be Audience members. */
export function courseFromRow({ audiences, ...row }: Omit<CourseRow, "searchText">): Course {
  return { ...row, audiences: storedEnumValues(Audience, audiences, `audiences of course "${row.id}"`) };
}

export function courseFilterWhere(filter: CourseFilter | null): Prisma.CourseWhereInput[] {
  if (!filter) return [];
  const conditions: Prisma.CourseWhereInput[] = [];
  if (filter.network != null) conditions.push({ networkIds: { has: networkId(filter.network, "filter.network") } });
  if (filter.level != null) conditions.push({ level: filter.level });
  if (filter.audience != null) conditions.push({ audiences: { has: filter.audience } });
  if (filter.language != null)
    conditions.push({ languages: { has: languageCode(filter.language, "filter.language") } });
  if (filter.project != null) conditions.push({ project: sameName(filter.project, "filter.project") });
  if (filter.search != null)
    for (const word of searchWords(filter.search, "filter.search", foldForSearch))
      conditions.push({ searchText: { contains: word } });
  return conditions;
}

export function checkCourse(input: CourseInput) {
  if (input.networks.length === 0) throw badUserInput("a course belongs to at least one network", "input.networks");
  if (input.audiences.length === 0) throw badUserInput("name at least one audience", "input.audiences");
  const title = requiredText(input.title, "input.title", 300);
  const description = optionalText(input.description, "input.description");
  const provider = requiredText(input.provider, "input.provider", 200);
  const project = optionalText(input.project, "input.project", 100);
  return {
    title,
    description,
    level: input.level,
    audiences: [...new Set(input.audiences)],
    modules: input.modules.map((module, index) => requiredText(module, `input.modules.${index}`, 300)),
    languages: languageCodes(input.languages, "input.languages"),
    provider,
    project,
    networkIds: [...new Set(input.networks)],
    online: input.online,
    source: requiredText(input.source, "input.source", 1000),
    searchText: foldForSearch([title, description, provider, project].filter(Boolean).join(" | ")),
  };
}

/** The calendar day of a GraphQL Date (parsed as midnight UTC), as YYYY-MM-DD. */
const day = (date: Date) => date.toISOString().slice(0, 10);

export function checkSession(input: TrainingSessionInput) {
  timeZone(input.timeZone, "input.timeZone");
  if (input.endDate < input.startDate) throw badUserInput("endDate must not be before startDate", "input.endDate");
  return {
    courseId: input.course,
    ...dayRange(day(input.startDate), day(input.endDate), input.timeZone),
    timeZone: input.timeZone,
    online: input.online,
    city: optionalText(input.city, "input.city", 100),
    countryCode: optionalCountryCode(input.country, "input.country"),
    participatingCountries: countryCodes(input.participatingCountries, "input.participatingCountries"),
    trainers: input.trainers.map((trainer, index) => requiredText(trainer, `input.trainers.${index}`, 200)),
    participantsCount: nonNegativeCount(input.participantsCount, "input.participantsCount"),
    eventId: input.event ?? null,
    source: requiredText(input.source, "input.source", 1000),
  };
}

export function checkMaterial(input: MaterialInput) {
  return {
    courseId: input.course,
    title: requiredText(input.title, "input.title", 300),
    kind: input.kind,
    language: languageCode(input.language, "input.language"),
    url: httpUrl(input.url, "input.url"),
    source: requiredText(input.source, "input.source", 1000),
  };
}
