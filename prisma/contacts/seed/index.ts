import type { SeedTable } from "../../../common/seed";
import type { Prisma } from "../generated/client";
import { designations } from "./designations";
import { networkContactPoints } from "./network-contact-points";

const personless = {
  personName: null,
  personTitle: null,
  email: null,
  phone: null,
  secureChannel: null,
  languages: [],
  officeDays: [],
  opensAt: null,
  closesAt: null,
  timeZone: null,
  lastVerifiedBy: null,
} satisfies Partial<Prisma.ContactPointCreateManyInput>;

/** The contacts subgraph's seed: published designations, and fictional network contact points. */
export function contactsSeed(): SeedTable[] {
  return [
    {
      table: "ContactPoint",
      key: ["id"],
      rows: [
        ...designations.map((point) => ({ ...personless, ...point })),
        ...networkContactPoints().map((point) => ({ ...point, lastVerifiedBy: null })),
      ] satisfies Prisma.ContactPointCreateManyInput[],
    },
  ];
}
