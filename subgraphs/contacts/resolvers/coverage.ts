import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { now } from "../../../common/clock";
import { badUserInput } from "../../../common/errors";
import { queryGraph } from "../../../common/graph-client";
import { countryCode, networkId } from "../../../common/validation";
import { networkCoverage, staleness } from "../coverage";
import type { ContactsContext } from "../loaders";
import { NetworkCoverage, StalenessFigures } from "../types/coverage";

interface NetworkMembers {
  network: { members: { country: { code: string } }[] } | null;
}

// Public figures at institution level: whether a country has a designation and when it was verified, never who.
@Resolver()
export class CoverageResolver {
  @Query(() => NetworkCoverage, {
    nullable: true,
    description:
      "A network's current member countries with and without a current 24/7 point, central authority and network contact point, and how many were verified in the last 6 and 12 months.",
  })
  async networkCoverage(
    @Arg("network", () => ID) network: string,
    @Ctx() { prisma, requestId }: ContactsContext,
  ): Promise<NetworkCoverage> {
    const id = networkId(network, "network");
    // The member countries are the members subgraph's: asked of the graph by key, joined here in SQL.
    const { network: found } = await queryGraph<NetworkMembers>(
      `query ($id: ID!) { network(id: $id) { members { country { code } } } }`,
      { id },
      "the network's members",
      requestId,
    );
    if (!found) throw badUserInput(`no network "${id}"`, "network");
    const codes = [...new Set(found.members.map((member) => member.country.code))].sort();
    return networkCoverage(prisma, id, codes, now());
  }

  @Query(() => [StalenessFigures], {
    nullable: true,
    description:
      "Current designations by network and country, counted by how long ago they were last verified (6 and 12 months).",
  })
  staleness(
    @Arg("network", () => ID, { nullable: true }) network: string | null,
    @Arg("country", () => ID, { nullable: true }) country: string | null,
    @Ctx() { prisma }: ContactsContext,
  ): Promise<StalenessFigures[]> {
    return staleness(prisma, now(), {
      networkId: network == null ? null : networkId(network, "network"),
      countryCode: country == null ? null : countryCode(country, "country"),
    });
  }
}
