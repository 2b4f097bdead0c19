import crypto from "node:crypto";
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Guard, isMemberOf, isNetworkAdmin, requireAllowed } from "../../../common/auth";
import { now } from "../../../common/clock";
import { badUserInput } from "../../../common/errors";
import { queryGraph } from "../../../common/graph-client";
import { checkRestrictedMaterial, ejcnId, maxMaterialsPerSession } from "../domain";
import type { EjcnContext } from "../loaders";
import { OutcomeReport, RestrictedMaterial, RestrictedMaterialInput } from "../types/ejcn";
import { Country, Event } from "../types/stubs";

interface EventOfMaterial {
  event: { kind: string; networks: { id: string }[] } | null;
}

@Resolver(() => Event)
export class EventEjcnResolver {
  @FieldResolver(() => OutcomeReport, {
    nullable: true,
    description: "The public outcome report of this EJCN plenary (ejcn subgraph).",
  })
  outcomeReport(@Root() event: Event, @Ctx() { loaders }: EjcnContext): Promise<OutcomeReport | null> {
    return loaders.outcomeReportByEvent.load(event.id);
  }

  @FieldResolver(() => [RestrictedMaterial], {
    nullable: true,
    description:
      "National legislation, judgments and cases shared in the restricted session of this EJCN plenary: EJCN members only (ejcn subgraph).",
  })
  @Guard((viewer) => isMemberOf(viewer, ejcnId), "restricted-session material (EJCN members only)")
  restrictedSession(@Root() event: Event, @Ctx() { loaders }: EjcnContext): Promise<RestrictedMaterial[]> {
    return loaders.restrictedMaterialByEvent.load(event.id);
  }
}

@Resolver(() => OutcomeReport)
export class OutcomeReportResolver {
  @FieldResolver(() => Event, { nullable: true, description: "The plenary it reports on (events subgraph)." })
  event(@Root() report: OutcomeReport): Event {
    return { id: report.eventId };
  }
}

@Resolver(() => RestrictedMaterial)
export class RestrictedMaterialResolver {
  @FieldResolver(() => Country, { nullable: true, description: "Whose legislation, judgment or case it is." })
  country(@Root() material: RestrictedMaterial): Country {
    return { code: material.countryCode };
  }

  @FieldResolver(() => Event, { nullable: true, description: "The plenary in whose restricted session it was shared." })
  event(@Root() material: RestrictedMaterial): Event {
    return { id: material.eventId };
  }

  @Mutation(() => RestrictedMaterial, {
    description: "An EJCN network admin records material shared in the restricted session of an EJCN plenary.",
  })
  async addRestrictedMaterial(
    @Arg("input", () => RestrictedMaterialInput) input: RestrictedMaterialInput,
    @Ctx() { viewer, prisma, requestId }: EjcnContext,
  ): Promise<RestrictedMaterial> {
    const admin = requireAllowed(
      viewer,
      isNetworkAdmin(viewer, ejcnId),
      "add restricted-session material (EJCN network admins only)",
    );
    const row = checkRestrictedMaterial(input);
    // The plenary belongs to the events subgraph: ask the graph before writing a reference to it.
    const { event } = await queryGraph<EventOfMaterial>(
      "query ($id: ID!) { event(id: $id) { kind networks { id } } }",
      { id: row.eventId },
      "input.event",
      requestId,
    );
    if (!event || event.kind !== "PLENARY" || !event.networks.some((network) => network.id === ejcnId))
      throw badUserInput(`no public EJCN plenary "${row.eventId}"`, "input.event");
    if ((await prisma.restrictedMaterial.count({ where: { eventId: row.eventId } })) >= maxMaterialsPerSession)
      throw badUserInput(`a restricted session holds at most ${maxMaterialsPerSession} items`, "input.event");
    return prisma.restrictedMaterial.create({
      data: { ...row, id: crypto.randomUUID(), addedBy: admin.sub, addedAt: now() },
      omit: { addedBy: true },
    });
  }
}
