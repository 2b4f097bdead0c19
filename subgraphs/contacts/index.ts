import "reflect-metadata";
import type { SubgraphDefinition } from "../../common/subgraph";
import { PrismaClient } from "../../prisma/contacts/generated/client";
import { contactsSeed } from "../../prisma/contacts/seed";
import { createContactsLoaders, type ContactsLoaders } from "./loaders";
import { buildContactsSchema } from "./schema";

/** The 24/7, central-authority and network contact points, and the finder. */
export const contacts: SubgraphDefinition<PrismaClient, ContactsLoaders> = {
  name: "contacts",
  defaultPort: 4002,
  buildSchema: buildContactsSchema,
  createPrismaClient: (options) => new PrismaClient(options),
  createLoaders: createContactsLoaders,
  seed: contactsSeed,
};
