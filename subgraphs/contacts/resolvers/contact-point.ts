import crypto from "node:crypto";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Guard, isMemberOf, isNetworkAdmin, requireAllowed, requireViewer } from "../../../common/auth";
import { now } from "../../../common/clock";
import { graphError } from "../../../common/errors";
import {
  ConnectionType,
  defaultPageSize,
  maxPageSize,
  PageArgs,
  pageWindow,
  toConnection,
  type Connection,
} from "../../../common/pagination";
import { RequestKind } from "../../../common/request-kind";
import { DateTimeISOResolver } from "../../../common/scalars";
import { CheckedArg, countryCode, found, intRange, languageCode, networkId, stored } from "../../../common/validation";
import type { Prisma } from "../../../prisma/contacts/generated/client";
import { bestContactPointIds, isCurrentContactPoint, isReachable, validateDetails } from "../domain";
import { currentAt, type ContactsContext } from "../loaders";
import { Availability, ContactChannels, ContactPerson, ContactPoint } from "../types/contact-point";
import { ContactPointDetailsInput, ContactPointFilter } from "../types/inputs";
import { Authority, Country, Network } from "../types/stubs";

const ContactPointConnection = ConnectionType("ContactPoint", ContactPoint);
const maxStaleDays = 3650;

/** Person-level facts are for members of the contact point's network. */
const peerOf = (viewer: Parameters<typeof isMemberOf>[0], point: ContactPoint) =>
  point.networkId !== null && isMemberOf(viewer, point.networkId);

@Resolver(() => ContactPoint)
export class ContactPointResolver {
  @Query(() => ContactPoint, { nullable: true })
  contactPoint(@Arg("id", () => ID) id: string, @Ctx() { loaders }: ContactsContext): Promise<ContactPoint | null> {
    return loaders.contactPointById.load(id);
  }

  @Query(() => ContactPointConnection, {
    nullable: true,
    description: "Contact points by id, filtered, a page at a time.",
  })
  async contactPoints(
    @Arg("filter", () => ContactPointFilter, { nullable: true }) filter: ContactPointFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { prisma }: ContactsContext,
  ): Promise<Connection<ContactPoint>> {
    const window = pageWindow("contactPoints", page);
    const conditions: Prisma.ContactPointWhereInput[] = [];
    if (filter?.country != null) conditions.push({ countryCode: countryCode(filter.country, "filter.country") });
    if (filter?.network != null) conditions.push({ networkId: networkId(filter.network, "filter.network") });
    if (filter?.kind != null) conditions.push({ kind: filter.kind });
    if (filter?.language != null)
      conditions.push({ languages: { has: languageCode(filter.language, "filter.language") } });
    if (filter?.current ?? true) conditions.push(currentAt(now()));
    const where = { AND: conditions };
    const rows = await prisma.contactPoint.findMany({
      where: window.afterKey ? { AND: [where, { id: { gt: window.afterKey } }] } : where,
      orderBy: { id: "asc" },
      take: window.take,
    });
    return toConnection(
      "contactPoints",
      window,
      rows,
      (point) => point.id,
      () => prisma.contactPoint.count({ where }),
    );
  }

  @Query(() => [ContactPoint], {
    nullable: true,
    description:
      "Whom to call in a country for a measure, best first: for urgent preservation and emergencies the 24/7 point, for mutual legal assistance the Art. 27 central authority, else the network contact points; then those reachable now, then the most recently verified.",
  })
  async findContactPoints(
    @CheckedArg("country", () => ID, countryCode) country: string,
    @Arg("measure", () => RequestKind) measure: RequestKind,
    @Arg("urgent", () => Boolean, { defaultValue: false }) urgent: boolean,
    @Arg("at", () => DateTimeISOResolver, { nullable: true, description: "Rank as of this moment (default now)." })
    at: Date | null,
    @CheckedArg("first", () => Int, intRange(1, maxPageSize), {
      nullable: true,
      defaultValue: defaultPageSize,
      description: `How many of the best to return, 1 to ${maxPageSize}.`,
    })
    first: number,
    @Ctx() { prisma, loaders }: ContactsContext,
  ): Promise<ContactPoint[]> {
    const best = await bestContactPointIds(prisma, { country, measure, urgent, instant: at ?? now(), first });
    const points = await loaders.contactPointById.loadMany(best);
    return points.map((point, index) => {
      if (point instanceof Error) throw point;
      return stored(point, `ranked contact point "${best[index]}"`);
    });
  }

  @Query(() => [ContactPoint], {
    nullable: true,
    description: "Current entries of the networks you administer not confirmed for this many days, oldest first.",
  })
  async staleContactPoints(
    @CheckedArg("olderThanDays", () => Int, intRange(1, maxStaleDays)) olderThanDays: number,
    @Ctx() { viewer, prisma }: ContactsContext,
  ): Promise<ContactPoint[]> {
    const admin = requireViewer(viewer);
    const networks = Object.keys(admin.networks).filter((networkId) => isNetworkAdmin(admin, networkId));
    requireAllowed(admin, networks.length > 0, "review contact points (network admins only)");
    const instant = now();
    const before = new Date(instant.getTime() - olderThanDays * 86_400_000);
    return prisma.contactPoint.findMany({
      where: {
        networkId: { in: networks },
        ...currentAt(instant),
        AND: [{ OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: before } }] }],
      },
      orderBy: [{ lastVerifiedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    });
  }

  @Mutation(() => ContactPoint, {
    description: "A network admin confirms that an entry of their network is still right.",
  })
  async confirmContactPoint(
    @Arg("id", () => ID) id: string,
    @Ctx() { viewer, prisma }: ContactsContext,
  ): Promise<ContactPoint> {
    const actor = requireViewer(viewer);
    const point = await this.managed(id, actor, prisma);
    const { count } = await prisma.contactPoint.updateMany({
      where: { id, validTo: null },
      data: { lastVerifiedAt: now(), lastVerifiedBy: actor.sub },
    });
    if (count === 0) throw graphError("CONFLICT", `contact point "${point.id}" has been replaced`);
    return prisma.contactPoint.findUniqueOrThrow({ where: { id } });
  }

  @Mutation(() => ContactPoint, {
    description: "A network admin replaces an entry: the old one is kept as history (validTo, replacedBy).",
  })
  async replaceContactPoint(
    @Arg("id", () => ID) id: string,
    @Arg("details", () => ContactPointDetailsInput) details: ContactPointDetailsInput,
    @Ctx() { viewer, prisma }: ContactsContext,
  ): Promise<ContactPoint> {
    const actor = requireViewer(viewer);
    const old = await this.managed(id, actor, prisma);
    const valid = validateDetails(details);
    const replacedAt = now();
    return prisma.$transaction(async (tx) => {
      const replacement = await tx.contactPoint.create({
        data: {
          ...valid,
          id: crypto.randomUUID(),
          kind: old.kind,
          networkId: old.networkId,
          countryCode: old.countryCode,
          validFrom: replacedAt,
          lastVerifiedAt: replacedAt,
          lastVerifiedBy: actor.sub,
        },
      });
      // Only a current entry is replaced; of two concurrent replacements one finds it gone and rolls back.
      const { count } = await tx.contactPoint.updateMany({
        where: { id, validTo: null },
        data: { validTo: replacedAt, replacedById: replacement.id },
      });
      if (count === 0) throw graphError("CONFLICT", `contact point "${id}" has already been replaced`);
      return replacement;
    });
  }

  /** The entry, if the actor administers its network. */
  private async managed(id: string, actor: NonNullable<ContactsContext["viewer"]>, prisma: ContactsContext["prisma"]) {
    const point = found(await prisma.contactPoint.findUnique({ where: { id } }), `contact point "${id}"`);
    requireAllowed(
      actor,
      point.networkId !== null && isNetworkAdmin(actor, point.networkId),
      "manage this contact point (its network's admins only)",
    );
    return point;
  }

  @FieldResolver(() => Network, { nullable: true })
  network(@Root() point: ContactPoint): Network | null {
    return point.networkId ? { id: point.networkId } : null;
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() point: ContactPoint): Country {
    return { code: point.countryCode };
  }

  @FieldResolver(() => Authority, { nullable: true })
  authority(@Root() point: ContactPoint): Authority | null {
    return point.authorityId ? { id: point.authorityId } : null;
  }

  @FieldResolver(() => ContactPerson, { nullable: true, description: "For members of the contact point's network." })
  @Guard<ContactPoint>(peerOf, "the person of this contact point")
  person(@Root() point: ContactPoint): ContactPerson | null {
    return point.personName ? { name: point.personName, title: point.personTitle } : null;
  }

  @FieldResolver(() => ContactChannels, { nullable: true, description: "For members of the contact point's network." })
  @Guard<ContactPoint>(peerOf, "the channels of this contact point")
  channels(@Root() point: ContactPoint): ContactChannels {
    return { email: point.email, phone: point.phone, secureChannel: point.secureChannel };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Who last confirmed the entry; for the network's admins.",
  })
  @Guard<ContactPoint>(
    (viewer, point) => point.networkId !== null && isNetworkAdmin(viewer, point.networkId),
    "who verified this contact point",
  )
  lastVerifiedBy(@Root() point: ContactPoint): string | null {
    return point.lastVerifiedBy;
  }

  @FieldResolver(() => Availability)
  availability(@Root() point: ContactPoint): Availability {
    const { officeDays: days, opensAt, closesAt, timeZone } = point;
    return {
      twentyFourSeven: point.twentyFourSeven,
      officeHours:
        timeZone !== null && opensAt !== null && closesAt !== null && days.length > 0
          ? { days, opensAt, closesAt, timeZone }
          : null,
    };
  }

  @FieldResolver(() => Boolean, {
    description: "Reachable at that moment (default now): 24/7, or within office hours in its own time zone.",
  })
  reachableNow(
    @Root() point: ContactPoint,
    @Arg("at", () => DateTimeISOResolver, { nullable: true }) at: Date | null,
  ): boolean {
    const instant = at ?? now();
    return isCurrentContactPoint(point, instant) && isReachable(point, instant);
  }

  @FieldResolver(() => Boolean, { description: "Valid now (not replaced)." })
  current(@Root() point: ContactPoint): boolean {
    return isCurrentContactPoint(point, now());
  }

  @FieldResolver(() => ContactPoint, { nullable: true, description: "The entry that replaced this one." })
  replacedBy(@Root() point: ContactPoint, @Ctx() { loaders }: ContactsContext): Promise<ContactPoint | null> {
    return point.replacedById ? loaders.contactPointById.load(point.replacedById) : Promise.resolve(null);
  }
}
