import crypto from "node:crypto";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { isNetworkAdmin, requireAllowed, requireViewer } from "../../../common/auth";
import { lastLocalDay, localDate } from "../../../common/dates";
import { graphError } from "../../../common/errors";
import {
  ConnectionType,
  PageArgs,
  pageWindow,
  parseTimeKey,
  timeKey,
  toConnection,
  type Connection,
} from "../../../common/pagination";
import { DateResolver } from "../../../common/scalars";
import { checkEvent, eventFilterWhere } from "../domain";
import type { EventsContext } from "../loaders";
import { Event, EventDocument, EventFilter, EventInput } from "../types/event";
import { Country, Network } from "../types/stubs";

const EventConnection = ConnectionType("Event", Event);

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, {
    nullable: true,
    description: "An event; null when there is none or it is for members of networks you are not in.",
  })
  event(@Arg("id", () => ID) id: string, @Ctx() { loaders }: EventsContext): Promise<Event | null> {
    return loaders.eventById.load(id);
  }

  @Query(() => EventConnection, { nullable: true, description: "Events in start order, filtered, a page at a time." })
  async events(
    @Arg("filter", () => EventFilter, { nullable: true }) filter: EventFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { loaders: { db } }: EventsContext,
  ): Promise<Connection<Event>> {
    const window = pageWindow("events", page);
    const where = { AND: eventFilterWhere(filter) };
    const after = parseTimeKey(window.afterKey);
    const rows = await db.event.findMany({
      where: after
        ? { AND: [where, { OR: [{ startsAt: { gt: after.at } }, { startsAt: after.at, id: { gt: after.id } }] }] }
        : where,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: window.take,
      omit: { searchText: true },
    });
    // Start time and id, so events on the same day keep a stable order.
    return toConnection(
      "events",
      window,
      rows,
      (event) => timeKey(event.startsAt, event.id),
      () => db.event.count({ where }),
    );
  }

  @Mutation(() => Event, { description: "A network admin adds an event of their networks." })
  async createEvent(
    @Arg("input", () => EventInput) input: EventInput,
    @Ctx() { viewer, loaders: { db } }: EventsContext,
  ): Promise<Event> {
    const admin = requireViewer(viewer);
    requireAllowed(
      admin,
      input.networks.every((networkId) => isNetworkAdmin(admin, networkId)),
      "add events to networks you do not administer",
    );
    const row = checkEvent(input);
    const id = crypto.randomUUID();
    return db.$transaction(async (tx) => {
      const event = await tx.event.create({ data: { ...row, id } });
      await tx.eventDocument.createMany({ data: documentRows(id, input.documents) });
      return event;
    });
  }

  @Mutation(() => Event, {
    description: "A network admin of all its networks replaces an event's details and documents.",
  })
  async updateEvent(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => EventInput) input: EventInput,
    @Ctx() { viewer, loaders: { db } }: EventsContext,
  ): Promise<Event> {
    const admin = requireViewer(viewer);
    // An event the viewer may not see is not found, as `event(id)` answers null for it.
    const existing = await db.event.findUnique({ where: { id } });
    if (!existing) throw graphError("NOT_FOUND", `no event "${id}"`);
    const networks = new Set([...existing.networkIds, ...input.networks]);
    requireAllowed(
      admin,
      [...networks].every((networkId) => isNetworkAdmin(admin, networkId)),
      "change events of networks you do not administer",
    );
    const row = checkEvent(input);
    return db.$transaction(async (tx) => {
      const event = await tx.event.update({ where: { id }, data: row });
      await tx.eventDocument.deleteMany({ where: { eventId: id } });
      await tx.eventDocument.createMany({ data: documentRows(id, input.documents) });
      return event;
    });
  }

  @FieldResolver(() => DateResolver, { description: "First day, local to the place." })
  startDate(@Root() event: Event): string {
    return localDate(event.startsAt, event.timeZone);
  }

  @FieldResolver(() => DateResolver, { description: "Last day, local to the place." })
  endDate(@Root() event: Event): string {
    return lastLocalDay(event.endsAt, event.timeZone);
  }

  @FieldResolver(() => Country, { nullable: true, description: "Where it takes place (null online)." })
  country(@Root() event: Event): Country | null {
    return event.countryCode ? { code: event.countryCode } : null;
  }

  @FieldResolver(() => [Network], { nullable: true })
  networks(@Root() event: Event): Network[] {
    return event.networkIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [Country], { nullable: true })
  participatingCountries(@Root() event: Event): Country[] {
    return event.participatingCountries.map((code) => ({ code }));
  }

  @FieldResolver(() => [EventDocument], { description: "Agenda, list of participants, presentations, outcome report." })
  documents(@Root() event: Event, @Ctx() { loaders }: EventsContext): Promise<EventDocument[]> {
    return loaders.documentsByEvent.load(event.id);
  }
}

@Resolver(() => Network)
export class NetworkEventsResolver {
  @FieldResolver(() => [Event], { nullable: true, description: "Its events in start order." })
  events(
    @Root() network: Network,
    @Arg("upcoming", () => Boolean, { defaultValue: false, description: "Only those not yet over." }) upcoming: boolean,
    @Ctx() { loaders }: EventsContext,
  ): Promise<Event[]> {
    return (upcoming ? loaders.upcomingEventsByNetwork : loaders.eventsByNetwork).load(network.id);
  }
}

@Resolver(() => Country)
export class CountryEventsResolver {
  @FieldResolver(() => [Event], {
    nullable: true,
    description: "Events held there or with its participation, in start order.",
  })
  events(
    @Root() country: Country,
    @Arg("upcoming", () => Boolean, { defaultValue: false, description: "Only those not yet over." }) upcoming: boolean,
    @Ctx() { loaders }: EventsContext,
  ): Promise<Event[]> {
    return (upcoming ? loaders.upcomingEventsByCountry : loaders.eventsByCountry).load(country.code);
  }
}

const documentRows = (eventId: string, documents: EventInput["documents"]) =>
  documents.map((document) => ({ ...document, id: crypto.randomUUID(), eventId, url: document.url ?? null }));
