import "reflect-metadata";
import type { SubgraphDefinition } from "../../common/subgraph";
import { PrismaClient } from "../../prisma/members/generated/client";
import { membersSeed } from "../../prisma/members/seed";
import { createMembersLoaders, type MembersLoaders } from "./loaders";
import { buildMembersSchema } from "./schema";

/** Networks, countries and their treaty status, authorities, memberships. */
export const members: SubgraphDefinition<PrismaClient, MembersLoaders> = {
  name: "members",
  defaultPort: 4001,
  buildSchema: buildMembersSchema,
  createPrismaClient: (options) => new PrismaClient(options),
  createLoaders: createMembersLoaders,
  seed: membersSeed,
};
