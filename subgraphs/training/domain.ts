import { DateTime } from "luxon";
import { dayRange } from "../../common/dates";
import { badUserInput } from "../../common/errors";
import { foldForSearch } from "../../common/text";
import {
  countryCode,
  httpUrl,
  languageCode,
  nonNegativeCount,
  optionalText,
  requiredText,
  searchWords,
  timeZone,
} from "../../common/validation";
import type { Prisma } from "../../prisma/training/generated/client";
import type { CourseFilter, CourseInput, MaterialInput, TrainingSessionInput } from "./types/course";

export function courseFilterWhere(filter: CourseFilter | null): Prisma.CourseWhereInput[] {
  if (!filter) return [];
  const conditions: Prisma.CourseWhereInput[] = [];
  if (filter.network != null) conditions.push({ networkIds: { has: filter.network } });
  if (filter.level != null) conditions.push({ level: filter.level });
  if (filter.audience != null) conditions.push({ audiences: { has: filter.audience } });
  if (filter.language != null)
    conditions.push({ languages: { has: languageCode(filter.language, "filter.language") } });
  if (filter.project != null) conditions.push({ project: filter.project });
  if (filter.search != null)
    for (const word of searchWords(filter.search, "filter.search", foldForSearch))
      conditions.push({ searchText: { contains: word } });
  return conditions;
}

export function checkCourse(input: CourseInput) {
  if (input.networks.length === 0) throw badUserInput("a course belongs to at least one network", "input.networks");
  if (input.audiences.length === 0) throw badUserInput("name at least one audience", "input.audiences");
  if (input.languages.length === 0) throw badUserInput("name at least one language", "input.languages");
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
    languages: [...new Set(input.languages.map((code, index) => languageCode(code, `input.languages.${index}`)))],
    provider,
    project,
    networkIds: [...new Set(input.networks)],
    online: input.online,
    source: requiredText(input.source, "input.source", 1000),
    searchText: foldForSearch([title, description, provider, project].filter(Boolean).join(" | ")),
  };
}

const day = (date: Date) => DateTime.fromJSDate(date, { zone: "UTC" }).toISODate()!;

export function checkSession(input: TrainingSessionInput) {
  timeZone(input.timeZone, "input.timeZone");
  if (input.endDate < input.startDate) throw badUserInput("endDate must not be before startDate", "input.endDate");
  return {
    courseId: input.course,
    ...dayRange(day(input.startDate), day(input.endDate), input.timeZone),
    timeZone: input.timeZone,
    online: input.online,
    city: optionalText(input.city, "input.city", 100),
    countryCode: input.country == null ? null : countryCode(input.country, "input.country"),
    participatingCountries: [
      ...new Set(
        input.participatingCountries.map((code, index) => countryCode(code, `input.participatingCountries.${index}`)),
      ),
    ],
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
