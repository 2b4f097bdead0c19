import crypto from "node:crypto";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { isNetworkAdmin, requireAllowed, requireViewer } from "../../../common/auth";
import { graphError, isUniqueViolation } from "../../../common/errors";
import { DateResolver } from "../../../common/scalars";
import { found, stored } from "../../../common/validation";
import type { Membership as MembershipRow, Prisma } from "../../../prisma/members/generated/client";
import { isCurrentMembership, membershipEnd, validateNewMembership } from "../domain";
import type { MembersContext } from "../loaders";
import { Authority } from "../types/authority";
import { Country } from "../types/country";
import { AddMembershipInput } from "../types/inputs";
import { Membership } from "../types/membership";
import { MembershipChange } from "../types/membership-change";
import { Network } from "../types/network";

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Network)
  async network(@Root() membership: Membership, @Ctx() { loaders }: MembersContext): Promise<Network> {
    return stored(await loaders.networkById.load(membership.networkId), `network "${membership.networkId}"`);
  }

  @FieldResolver(() => Country)
  async country(@Root() membership: Membership, @Ctx() { loaders }: MembersContext): Promise<Country> {
    return stored(await loaders.countryByCode.load(membership.countryCode), `country ${membership.countryCode}`);
  }

  @FieldResolver(() => Authority, {
    nullable: true,
    description: "The authority that holds the membership, where known.",
  })
  authority(@Root() membership: Membership, @Ctx() { loaders }: MembersContext): Promise<Authority | null> {
    return membership.authorityId ? loaders.authorityById.load(membership.authorityId) : Promise.resolve(null);
  }

  @Mutation(() => Membership, {
    description: "A network admin adds a membership to their network; recorded in membershipChanges.",
  })
  async addMembership(
    @Arg("input", () => AddMembershipInput) input: AddMembershipInput,
    @Ctx() { viewer, prisma, loaders }: MembersContext,
  ): Promise<Membership> {
    const actor = requireAllowed(
      viewer,
      isNetworkAdmin(viewer, input.network),
      `manage the memberships of ${input.network}`,
    );
    const valid = await validateNewMembership(input, {
      network: async (id) => (await loaders.networkById.load(id)) !== null,
      country: async (code) => (await loaders.countryByCode.load(code)) !== null,
      authorityCountry: async (id) => (await loaders.authorityById.load(id))?.countryCode ?? null,
    });
    try {
      return await prisma.$transaction(async (tx) => {
        const membership = await tx.membership.create({ data: { id: crypto.randomUUID(), ...valid } });
        await tx.membershipChange.create({
          data: {
            membershipId: membership.id,
            networkId: membership.networkId,
            action: "ADDED",
            actorSub: actor.sub,
            actorName: actor.name,
            membership: membershipJson(membership),
          },
        });
        return membership;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw graphError(
          "CONFLICT",
          `${valid.countryCode} already has a current ${valid.role} membership in ${valid.networkId}`,
        );
      }
      throw error;
    }
  }

  @Mutation(() => Membership, {
    description: "A network admin ends a membership of their network (kept as history); recorded in membershipChanges.",
  })
  async endMembership(
    @Arg("id", () => ID) id: string,
    @Arg("until", () => DateResolver, { nullable: true, description: "Default: today (UTC)." }) until: Date | null,
    @Ctx() { viewer, prisma }: MembersContext,
  ): Promise<Membership> {
    const actor = requireViewer(viewer);
    const existing = found(await prisma.membership.findUnique({ where: { id } }), `membership "${id}"`);
    requireAllowed(actor, isNetworkAdmin(actor, existing.networkId), `manage the memberships of ${existing.networkId}`);
    const end = membershipEnd(existing, until);
    return prisma.$transaction(async (tx) => {
      // Only an open membership ends; a concurrent end makes this match nothing.
      const { count } = await tx.membership.updateMany({ where: { id, until: null }, data: { until: end } });
      if (count === 0) throw graphError("CONFLICT", `membership "${id}" has already ended`);
      const membership = await tx.membership.findUniqueOrThrow({ where: { id } });
      await tx.membershipChange.create({
        data: {
          membershipId: id,
          networkId: membership.networkId,
          action: "ENDED",
          actorSub: actor.sub,
          actorName: actor.name,
          membership: membershipJson(membership),
        },
      });
      return membership;
    });
  }

  @FieldResolver(() => Boolean, { description: "Not ended." })
  current(@Root() membership: Membership): boolean {
    return isCurrentMembership(membership);
  }
}

/** The membership as recorded in a change: its row, dates as ISO strings. */
const membershipJson = (membership: MembershipRow): Prisma.InputJsonObject => ({
  id: membership.id,
  networkId: membership.networkId,
  countryCode: membership.countryCode,
  authorityId: membership.authorityId,
  role: membership.role,
  since: membership.since?.toISOString() ?? null,
  until: membership.until?.toISOString() ?? null,
  source: membership.source,
});

@Resolver(() => MembershipChange)
export class MembershipChangeResolver {
  @FieldResolver(() => Membership, { description: "The membership as it is now." })
  async membership(@Root() change: MembershipChange, @Ctx() { loaders }: MembersContext): Promise<Membership> {
    return stored(await loaders.membershipById.load(change.membershipId), `membership "${change.membershipId}"`);
  }
}
