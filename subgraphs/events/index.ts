import "reflect-metadata";
import type { SubgraphDefinition } from "../../common/subgraph";
import { PrismaClient } from "../../prisma/events/generated/client";
import { eventsSeed } from "../../prisma/events/seed";
import { calendarRoute } from "./calendar";
import { createEventsLoaders, type EventsLoaders } from "./loaders";
import { buildEventsSchema } from "./schema";

/** Plenaries, meetings, conferences, workshops, webinars, trainings, study visits; calendar feeds. */
export const events: SubgraphDefinition<PrismaClient, EventsLoaders> = {
  name: "events",
  defaultPort: 4004,
  buildSchema: buildEventsSchema,
  createPrismaClient: (options) => new PrismaClient(options),
  createLoaders: createEventsLoaders,
  seed: eventsSeed,
  routes: (prisma) => ({ "/calendar": calendarRoute(prisma) }),
};
