import isoCountries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import icalGenerator, { ICalCalendarMethod } from "ical-generator";
import type http from "node:http";
import { localDays } from "../../common/dates";
import type { Route } from "../../common/http";
import { countryCode } from "../../common/validation";
import type { PrismaClient } from "../../prisma/events/generated/client";
import { eventsClientFor } from "./visibility";

isoCountries.registerLocale(en);

/** The code of a feed's country by the graph's one rule (common/validation.ts); null when it names none. */
function feedCountry(key: string): string | null {
  try {
    return countryCode(key, "country");
  } catch {
    return null;
  }
}

/**
 * iCalendar feeds of public events: /calendar/network/<id>.ics and /calendar/country/<code>.ics. Events known by
 * their days are all-day entries on the local dates of the place.
 */
export function calendarRoute(prisma: PrismaClient): Route {
  // Feeds are fetched without a token: an anonymous viewer's client, which sees public events only.
  const db = eventsClientFor(prisma, null);
  return async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const match = /^\/calendar\/(network|country)\/([\w-]{1,64})\.ics$/.exec(
      new URL(request.url ?? "/", "http://localhost").pathname,
    );
    if (!match || request.method !== "GET") {
      response
        .writeHead(404, { "content-type": "text/plain" })
        .end("calendars: /calendar/network/<id>.ics, /calendar/country/<ISO code>.ics\n");
      return;
    }
    const [, scope, key] = match;
    const code = scope === "country" ? feedCountry(key) : null;
    if (scope === "country" && code === null) {
      response.writeHead(404, { "content-type": "text/plain" }).end(`no country ${key}\n`);
      return;
    }
    const events = await db.event.findMany({
      where: {
        datePrecision: "DAY",
        ...(code === null
          ? { networkIds: { has: key } }
          : { OR: [{ countryCode: code }, { participatingCountries: { has: code } }] }),
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    });
    const calendar = icalGenerator({
      name: `Events: ${scope} ${code ?? key}`,
      prodId: { company: "cybercrime-networks-graph", product: "events" },
      method: ICalCalendarMethod.PUBLISH,
    });
    for (const event of events) {
      const { startDate, endDate } = localDays(event.startsAt, event.endsAt, event.timeZone);
      const dayAfter = new Date(`${endDate}T00:00:00Z`);
      dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
      calendar.createEvent({
        id: `${event.id}@cybercrime-networks-graph`,
        summary: event.title,
        description: [event.description, `Source: ${event.source}`].filter(Boolean).join("\n\n"),
        location: event.online
          ? "Online"
          : [event.city, event.countryCode ? isoCountries.getName(event.countryCode, "en") : null]
              .filter(Boolean)
              .join(", "),
        allDay: true,
        start: new Date(`${startDate}T00:00:00Z`),
        end: dayAfter,
        timezone: null,
      });
    }
    response.writeHead(200, { "content-type": "text/calendar; charset=utf-8" }).end(calendar.toString());
  };
}
