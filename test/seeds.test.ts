// Each subgraph's seed stands alone: where it needs a fact another subgraph owns, it keeps its own copy. These checks
// compare every copy with the owning seed, so that the two cannot drift apart silently. No graph is started.
import type { SeedTable } from "../common/seed";
import type { Prisma as Contacts } from "../prisma/contacts/generated/client";
import { contactsSeed } from "../prisma/contacts/seed";
import { sources as contactsCopyOfSources, networkMembers } from "../prisma/contacts/seed/members-facts";
import type { Prisma as Events } from "../prisma/events/generated/client";
import { eventsSeed } from "../prisma/events/seed";
import type { Prisma as Members } from "../prisma/members/generated/client";
import { membersSeed } from "../prisma/members/seed";
import { memberships } from "../prisma/members/seed/memberships";
import { sources } from "../prisma/members/seed/sources";
import type { Prisma as Requests } from "../prisma/requests/generated/client";
import { requestsSeed } from "../prisma/requests/seed";
import type { Prisma as Training } from "../prisma/training/generated/client";
import { trainingSeed } from "../prisma/training/seed";

/** The rows a seed writes to one table, with the type the seed checks them against. */
function rowsOf<Row>(seed: SeedTable[], table: string): Row[] {
  const found = seed.find((entry) => entry.table === table);
  if (!found) throw new Error(`the seed has no table ${table}`);
  return found.rows as Row[];
}

const members = membersSeed();
const networks = rowsOf<Members.NetworkCreateManyInput>(members, "Network");
const countries = rowsOf<Members.CountryCreateManyInput>(members, "Country");
const authorities = rowsOf<Members.AuthorityCreateManyInput>(members, "Authority");
const contactPoints = rowsOf<Contacts.ContactPointCreateManyInput>(contactsSeed(), "ContactPoint");
const events = rowsOf<Events.EventCreateManyInput>(eventsSeed(), "Event");
const courses = rowsOf<Training.CourseCreateManyInput>(trainingSeed(), "Course");
const sessions = rowsOf<Training.TrainingSessionCreateManyInput>(trainingSeed(), "TrainingSession");
const preservationPeriods = rowsOf<Requests.PreservationPeriodCreateManyInput>(requestsSeed(), "PreservationPeriod");

/** A list column as the seeds write it (always a plain array). */
const list = (value: string[] | { set: string[] } | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : value.set;

describe("the contacts seed's copy of members facts", () => {
  it("has the memberships of the members seed, in its order", () => {
    expect(networkMembers).toEqual(
      memberships.map(({ networkId, countryCode, authorityId }) => ({
        networkId,
        countryCode,
        authorityId,
      })),
    );
  });

  it("has the members seed's sources of the designations, word for word", () => {
    expect(contactsCopyOfSources).toEqual({
      designations: sources.designations,
      albaniaDeclarations: sources.albaniaDeclarations,
    });
  });

  it("names only authorities of the members seed, each in its own country", () => {
    const countryOfAuthority = new Map(authorities.map((authority) => [authority.id, authority.countryCode]));
    const named = contactPoints.filter((point) => point.authorityId != null);
    expect(named.length).toBeGreaterThan(0);
    for (const point of named) {
      expect({ id: point.id, country: countryOfAuthority.get(point.authorityId ?? "") }).toEqual({
        id: point.id,
        country: point.countryCode,
      });
    }
  });
});

describe("networks and countries named by the other seeds", () => {
  const networkIds = new Set(networks.map((network) => network.id));
  const countryCodes = new Set(countries.map((country) => country.code));

  it("are networks of the members seed", () => {
    const named = [
      ...contactPoints.map((point) => point.networkId),
      ...events.flatMap((event) => list(event.networkIds)),
      ...courses.flatMap((course) => list(course.networkIds)),
    ].filter((id): id is string => id != null);
    expect(named.filter((id) => !networkIds.has(id))).toEqual([]);
  });

  it("are countries of the members seed", () => {
    const named = [
      ...contactPoints.map((point) => point.countryCode),
      ...events.flatMap((event) => [event.countryCode, ...list(event.participatingCountries)]),
      ...sessions.flatMap((session) => [session.countryCode, ...list(session.participatingCountries)]),
      ...preservationPeriods.map((period) => period.countryCode),
    ].filter((code): code is string => code != null);
    expect([...new Set(named.filter((code) => !countryCodes.has(code)))]).toEqual([]);
  });
});

describe("facts that the events and training seeds share", () => {
  it("gives the CiberRed 1st meeting the countries the members seed has from it", () => {
    const meeting = events.find((event) => event.id === "ciberred-meeting-1");
    expect(list(meeting?.participatingCountries)).toEqual(
      memberships
        .filter(
          (membership) => membership.networkId === "ciberred" && membership.source === sources.ciberredFirstMeeting,
        )
        .map((membership) => membership.countryCode),
    );
  });

  it("links training sessions to events of the events seed on the same days and at the same place", () => {
    const linked = sessions.filter((session) => session.eventId != null);
    expect(linked.length).toBeGreaterThan(0);
    for (const session of linked) {
      const event = events.find((candidate) => candidate.id === session.eventId);
      const when = (row: { startsAt: Date | string; endsAt: Date | string; timeZone: string }) => ({
        startsAt: new Date(row.startsAt).toISOString(),
        endsAt: new Date(row.endsAt).toISOString(),
        timeZone: row.timeZone,
      });
      expect(event).toBeDefined();
      if (!event) continue;
      expect({ id: session.id, ...when(session), city: session.city, country: session.countryCode }).toEqual({
        id: session.id,
        ...when(event),
        city: event.city,
        country: event.countryCode,
      });
    }
  });

  it("gives CyberCrime@IPA sessions and events the same project areas", () => {
    const areasOf = (codes: string[]) => codes.length > 1;
    const eventAreas = events
      .filter((event) => event.project === "CyberCrime@IPA")
      .map((event) => list(event.participatingCountries))
      .filter(areasOf);
    const sessionAreas = sessions
      .filter((session) => session.courseId.startsWith("ipa-"))
      .map((session) => list(session.participatingCountries))
      .filter(areasOf);
    expect(eventAreas.length).toBeGreaterThan(0);
    expect(sessionAreas.length).toBeGreaterThan(0);
    for (const areas of [...eventAreas, ...sessionAreas]) expect(areas).toEqual(eventAreas[0]);
  });
});
