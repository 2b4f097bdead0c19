import { dayRange } from "../../common/dates";
import { badUserInput } from "../../common/errors";
import { foldForSearch } from "../../common/text";
import {
  countryCode,
  httpUrl,
  languageCode,
  networkId,
  nonNegativeCount,
  optionalText,
  requiredText,
  sameName,
  searchWords,
  timeZone,
} from "../../common/validation";
import type { Prisma } from "../../prisma/events/generated/client";
import type { EventFilter, EventInput } from "./types/event";

/** The SQL condition of an event filter. */
export function eventFilterWhere(filter: EventFilter | null): Prisma.EventWhereInput[] {
  if (!filter) return [];
  const conditions: Prisma.EventWhereInput[] = [];
  if (filter.network != null) conditions.push({ networkIds: { has: networkId(filter.network, "filter.network") } });
  if (filter.country != null) {
    const code = countryCode(filter.country, "filter.country");
    conditions.push({ OR: [{ countryCode: code }, { participatingCountries: { has: code } }] });
  }
  if (filter.kind != null) conditions.push({ kind: filter.kind });
  // The lead project in any case; a joint event's other projects as written (an array element has no case mode).
  if (filter.project != null)
    conditions.push({
      OR: [{ project: sameName(filter.project, "filter.project") }, { projects: { has: filter.project.trim() } }],
    });
  if (filter.from && filter.to && filter.to <= filter.from) throw badUserInput("to must be after from", "filter.to");
  if (filter.from) conditions.push({ endsAt: { gt: filter.from } });
  if (filter.to) conditions.push({ startsAt: { lt: filter.to } });
  if (filter.search != null)
    for (const word of searchWords(filter.search, "filter.search", foldForSearch))
      conditions.push({ searchText: { contains: word } });
  return conditions;
}

/** Checks an event's input; errors name the field. Returns the row to store (without id). */
export function checkEvent(input: EventInput) {
  timeZone(input.timeZone, "input.timeZone");
  if (input.endDate < input.startDate) throw badUserInput("endDate must not be before startDate", "input.endDate");
  if (input.networks.length === 0) throw badUserInput("an event belongs to at least one network", "input.networks");
  if (!input.online && input.country == null) throw badUserInput("an event on site has a country", "input.country");
  input.documents.forEach((document, index) => {
    requiredText(document.title, `input.documents.${index}.title`, 300);
    languageCode(document.language, `input.documents.${index}.language`);
    httpUrl(document.url, `input.documents.${index}.url`);
  });
  // A DateResolver date is midnight UTC: its ISO text up to the "T" is the day.
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const title = requiredText(input.title, "input.title", 300);
  const city = optionalText(input.city, "input.city", 100);
  const project = optionalText(input.project, "input.project", 100);
  const description = optionalText(input.description, "input.description");
  return {
    kind: input.kind,
    title,
    description,
    ...dayRange(day(input.startDate), day(input.endDate), input.timeZone),
    timeZone: input.timeZone,
    datePrecision: "DAY" as const,
    online: input.online,
    city,
    countryCode: input.country == null ? null : countryCode(input.country, "input.country"),
    organisers: input.organisers.map((organiser, index) => requiredText(organiser, `input.organisers.${index}`, 200)),
    networkIds: [...new Set(input.networks)],
    project,
    projects: project === null ? [] : [project],
    participatingCountries: [
      ...new Set(
        input.participatingCountries.map((code, index) => countryCode(code, `input.participatingCountries.${index}`)),
      ),
    ],
    participantsCount: nonNegativeCount(input.participantsCount, "input.participantsCount"),
    visibility: input.visibility,
    source: requiredText(input.source, "input.source", 1000),
    searchText: foldForSearch([title, description, city, project].filter(Boolean).join(" | ")),
  };
}
