import crypto from "node:crypto";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireAllowed, requireViewer } from "../../../common/auth";
import { now } from "../../../common/clock";
import { badUserInput, graphError, isUniqueViolation } from "../../../common/errors";
import { queryGraph } from "../../../common/graph-client";
import {
  ConnectionType,
  PageArgs,
  pageWindow,
  parseTimeKey,
  timeKey,
  toConnection,
  type Connection,
} from "../../../common/pagination";
import { RequestKind } from "../../../common/request-kind";
import { optionalText } from "../../../common/validation";
import type { Prisma } from "../../../prisma/requests/generated/client";
import {
  checkAuthorities,
  checkNewRequest,
  emergencyKinds,
  executed,
  idempotencyFingerprint,
  isFinal,
  isOverdue,
  missingForSending,
  mlaKinds,
  preservationEnd,
  preservationKinds,
  requireActingAuthority,
  sideForStep,
  sidesOf,
  type AuthoritiesOfRequest,
} from "../domain";
import { signFormLink } from "../form-links";
import { formLanguages, templateFor } from "../forms";
import type { RequestsContext } from "../loaders";
import { authorityOn, eventOfStep, otherSide, outboxRows } from "../notifications";
import { storedRequestContent, toCooperationRequest } from "../rows";
import { CreateCooperationRequestInput } from "../types/inputs";
import { FormFormat, FormLanguage, FormLink, NotificationDelivery } from "../types/notifications";
import { CooperationRequest, RequestEvent, RequestStatus } from "../types/request";
import { Authority, Country } from "../types/stubs";
import type { RequestsDb } from "../visibility";

const CooperationRequestConnection = ConnectionType("CooperationRequest", CooperationRequest);
const maxNote = 2000;
const maxWithinDays = 365;
const readRequests = "read cooperation requests (contact points of an authority only)";

type Actor = NonNullable<RequestsContext["viewer"]>;
/** What a transaction of the viewer's client offers: its models, with the same row visibility. */
type RequestsTransaction = Pick<
  RequestsDb,
  "cooperationRequest" | "requestEvent" | "notification" | "notificationSettings"
>;

@Resolver(() => CooperationRequest)
export class CooperationRequestResolver {
  @Query(() => CooperationRequest, {
    nullable: true,
    description: "A request of your authority; null for anyone else's.",
  })
  cooperationRequest(
    @Arg("id", () => ID) id: string,
    @Ctx() { loaders }: RequestsContext,
  ): Promise<CooperationRequest | null> {
    return loaders.requestById.load(id);
  }

  @Query(() => CooperationRequestConnection, {
    nullable: true,
    description: "Your authority's requests, sent and received, newest first.",
  })
  async cooperationRequests(
    @Arg("status", () => RequestStatus, { nullable: true }) status: RequestStatus | null,
    @Arg("kind", () => RequestKind, { nullable: true }) kind: RequestKind | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { viewer, loaders: { db } }: RequestsContext,
  ): Promise<Connection<CooperationRequest>> {
    requireActingAuthority(viewer, readRequests);
    const window = pageWindow("cooperationRequests", page);
    const after = parseTimeKey(window.afterKey);
    const where: Prisma.CooperationRequestWhereInput = { ...(status ? { status } : {}), ...(kind ? { kind } : {}) };
    const rows = await db.cooperationRequest.findMany({
      where: after
        ? { AND: [where, { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] }
        : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: window.take,
    });
    return toConnection(
      "cooperationRequests",
      window,
      rows.map(toCooperationRequest),
      (request) => timeKey(request.createdAt, request.id),
      () => db.cooperationRequest.count({ where }),
    );
  }

  @Query(() => [CooperationRequest], {
    nullable: true,
    description:
      "Executed preservations of your authority (either side) whose period ends within this many days, soonest first.",
  })
  async expiringPreservations(
    @Arg("withinDays", () => Int) withinDays: number,
    @Ctx() { viewer, loaders: { db } }: RequestsContext,
  ): Promise<CooperationRequest[]> {
    requireActingAuthority(viewer, readRequests);
    if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > maxWithinDays)
      throw badUserInput(`withinDays must be 1 to ${maxWithinDays}`, "withinDays");
    const from = now();
    const rows = await db.cooperationRequest.findMany({
      where: {
        kind: { in: [RequestKind.PRESERVATION, RequestKind.TRAFFIC_DATA_PARTIAL_DISCLOSURE] },
        preservedUntil: { gte: from, lte: new Date(from.getTime() + withinDays * 86_400_000) },
      },
      orderBy: [{ preservedUntil: "asc" }, { id: "asc" }],
    });
    return rows.map(toCooperationRequest);
  }

  @Mutation(() => CooperationRequest, {
    description:
      "A contact point of an authority drafts a request; a retry with the same idempotencyKey returns the first.",
  })
  async createCooperationRequest(
    @Arg("input", () => CreateCooperationRequestInput) input: CreateCooperationRequestInput,
    @Ctx() { viewer, loaders, requestId }: RequestsContext,
  ): Promise<CooperationRequest> {
    const { db } = loaders;
    const actor = requireViewer(viewer);
    const authority = requireActingAuthority(
      actor,
      "create cooperation requests (contact points of an authority only)",
    );
    const row = {
      ...checkNewRequest(input, authority),
      idempotencyFingerprint: input.idempotencyKey != null ? idempotencyFingerprint(input) : null,
    };
    // A retry with the same key and the same input gets the first request; with other input, a conflict.
    const existing = async () => {
      if (!row.idempotencyKey) return null;
      const earlier = await db.cooperationRequest.findUnique({
        where: {
          requestingAuthorityId_idempotencyKey: {
            requestingAuthorityId: authority,
            idempotencyKey: row.idempotencyKey,
          },
        },
      });
      if (earlier?.idempotencyFingerprint != null && earlier.idempotencyFingerprint !== row.idempotencyFingerprint) {
        throw graphError("CONFLICT", `idempotencyKey "${row.idempotencyKey}" was used for a request with other input`, {
          field: "input.idempotencyKey",
          idempotencyKey: row.idempotencyKey,
        });
      }
      return earlier && toCooperationRequest(earlier);
    };
    const earlier = await existing();
    if (earlier) return earlier;
    checkAuthorities(
      row,
      await queryGraph<AuthoritiesOfRequest>(
        `query ($requesting: ID!, $requested: ID!) { requesting: authority(id: $requesting) { country { code } } requested: authority(id: $requested) { country { code } } }`,
        { requesting: row.requestingAuthorityId, requested: row.requestedAuthorityId },
        "input.requestedAuthority",
        requestId,
      ),
    );
    if (row.previousRequestId) {
      const previous = await loaders.requestById.load(row.previousRequestId);
      if (!previous)
        throw badUserInput(`no request "${row.previousRequestId}" of your authority`, "input.previousRequest");
      if (input.kind === RequestKind.PRESERVATION_EXTENSION && !preservationKinds.includes(previous.kind)) {
        throw badUserInput("an extension extends a preservation request", "input.previousRequest");
      }
    }
    try {
      const created = await db.$transaction(async (tx) => {
        const request = await tx.cooperationRequest.create({
          data: { ...row, id: crypto.randomUUID(), createdBy: actor.sub, content: storedRequestContent(input.content) },
        });
        await tx.requestEvent.create({
          data: {
            requestId: request.id,
            status: request.status,
            version: request.version,
            actorSub: actor.sub,
            actorAuthorityId: authority,
          },
        });
        return request;
      });
      return toCooperationRequest(created);
    } catch (error) {
      // Two retries at once: the second finds the first.
      const first = isUniqueViolation(error) ? await existing() : null;
      if (first) return first;
      throw error;
    }
  }

  @Mutation(() => CooperationRequest, {
    description: "Moves a request one legal step, if expectedVersion is still current; recorded in history.",
  })
  async transitionCooperationRequest(
    @Arg("id", () => ID) id: string,
    @Arg("to", () => RequestStatus) to: RequestStatus,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("note", () => String, { nullable: true }) note: string | null,
    @Ctx() { viewer, loaders }: RequestsContext,
  ): Promise<CooperationRequest> {
    const actor = requireViewer(viewer);
    const request = await loaders.requestById.load(id);
    if (!request) throw graphError("NOT_FOUND", `no request "${id}" of your authority`);
    // A caller who saw an older version decides on stale facts, whatever the step: reload first.
    if (request.version !== expectedVersion)
      throw graphError(
        "CONFLICT",
        `request "${id}" is at version ${request.version}, not ${expectedVersion}; reload it`,
      );
    const side = sideForStep(request.status, to);
    if (!side) throw badUserInput(`a request cannot go from ${request.status} to ${to}`, "to");
    requireAllowed(
      actor,
      sidesOf(actor, request).includes(side),
      `take this step (the ${side.toLowerCase()} authority does)`,
    );
    const checkedNote = optionalText(note, "note", maxNote);
    if (to === RequestStatus.SENT) {
      const missing = missingForSending(request.kind, request.content, request.responseTargetHours);
      if (missing.length > 0) throw badUserInput(`cannot send: ${missing.join(", ")} missing`, missing[0], { missing });
    }
    const updated = await loaders.db.$transaction(async (tx) => {
      const steppedAt = now();
      const changes: Prisma.CooperationRequestUpdateManyMutationInput = { status: to, version: { increment: 1 } };
      if (to === RequestStatus.SENT) {
        changes.sentAt = steppedAt;
        if (emergencyKinds.includes(request.kind) && request.responseTargetHours)
          changes.responseDueAt = new Date(steppedAt.getTime() + request.responseTargetHours * 3_600_000);
      }
      if (to === RequestStatus.ACKNOWLEDGED) changes.acknowledgedAt = steppedAt;
      if (executed(to)) changes.executedAt = steppedAt;
      if (isFinal(to)) changes.closedAt = steppedAt;
      let extended: { id: string; until: Date } | null = null;
      if (executed(to) && preservationKinds.includes(request.kind)) {
        const period = await tx.preservationPeriod.findUnique({ where: { countryCode: request.requestedCountryCode } });
        changes.preservedUntil = preservationEnd(steppedAt, period?.days ?? 0, request.requestedTimeZone);
        if (request.kind === RequestKind.PRESERVATION_EXTENSION && request.previousRequestId)
          extended = { id: request.previousRequestId, until: changes.preservedUntil };
      }
      // The original preservation first: its change moves no statistics, so this transaction holds no row of the
      // kept statistics while it waits for the original's row (a concurrent step on the original holds that row
      // and, in its own trigger, would wait for ours).
      if (extended) await this.extendPreservation(tx, extended, id, actor);
      // Only the version the caller saw may change: of two concurrent steps one matches nothing and fails.
      const { count } = await tx.cooperationRequest.updateMany({
        where: { id, version: expectedVersion, status: request.status },
        data: changes,
      });
      if (count === 0)
        throw graphError("CONFLICT", `request "${id}" has changed since version ${expectedVersion}; reload it`);
      const updated = await tx.cooperationRequest.findUniqueOrThrow({ where: { id } });
      await tx.requestEvent.create({
        data: {
          requestId: id,
          fromStatus: request.status,
          status: to,
          version: updated.version,
          actorSub: actor.sub,
          actorAuthorityId: actor.authorityId,
          note: checkedNote,
        },
      });
      await this.notifyOtherSide(tx, updated, to, side, steppedAt);
      return updated;
    });
    return toCooperationRequest(updated);
  }

  /** The outbox rows of a step, in its transaction: the step is never committed without them (issue 17). */
  private async notifyOtherSide(
    tx: RequestsTransaction,
    request: { id: string; version: number; requestingAuthorityId: string; requestedAuthorityId: string },
    to: RequestStatus,
    actingSide: "REQUESTING" | "REQUESTED",
    at: Date,
  ) {
    const event = eventOfStep(to);
    if (!event) return;
    const told = otherSide(actingSide);
    const settings = await tx.notificationSettings.findUnique({ where: { authorityId: authorityOn(request, told) } });
    await tx.notification.createMany({ data: outboxRows(request, event, told, settings, at) });
  }

  /**
   * An executed extension pushes the original preservation's end, never back; recorded in its history. The original
   * is read through the viewer's client: one of other authorities than the executing side's is left alone.
   */
  private async extendPreservation(
    tx: RequestsTransaction,
    extended: { id: string; until: Date },
    byRequest: string,
    actor: Actor,
  ) {
    const original = await tx.cooperationRequest.findUnique({ where: { id: extended.id } });
    if (!original || (original.preservedUntil && original.preservedUntil >= extended.until)) return;
    const updated = await tx.cooperationRequest.update({
      where: { id: original.id },
      data: { preservedUntil: extended.until, version: { increment: 1 } },
    });
    await tx.requestEvent.create({
      data: {
        requestId: original.id,
        fromStatus: original.status,
        status: original.status,
        version: updated.version,
        actorSub: actor.sub,
        actorAuthorityId: actor.authorityId,
        note: `preservation extended until ${extended.until.toISOString()} by request ${byRequest}`,
      },
    });
  }

  // Authorities belong to the members subgraph: one that has vanished there is null here, with an error at its path.
  @FieldResolver(() => Authority, { nullable: true })
  requestingAuthority(@Root() request: CooperationRequest): Authority {
    return { id: request.requestingAuthorityId };
  }

  @FieldResolver(() => Authority, { nullable: true })
  requestedAuthority(@Root() request: CooperationRequest): Authority {
    return { id: request.requestedAuthorityId };
  }

  @FieldResolver(() => Country, { nullable: true })
  requestingCountry(@Root() request: CooperationRequest): Country {
    return { code: request.requestingCountryCode };
  }

  @FieldResolver(() => Country, { nullable: true })
  requestedCountry(@Root() request: CooperationRequest): Country {
    return { code: request.requestedCountryCode };
  }

  @FieldResolver(() => CooperationRequest, {
    nullable: true,
    description: "The request this one extends or follows up.",
  })
  previousRequest(
    @Root() request: CooperationRequest,
    @Ctx() { loaders }: RequestsContext,
  ): Promise<CooperationRequest | null> {
    return request.previousRequestId ? loaders.requestById.load(request.previousRequestId) : Promise.resolve(null);
  }

  @FieldResolver(() => [CooperationRequest], { description: "Extensions and follow-ups of this request." })
  followUps(@Root() request: CooperationRequest, @Ctx() { loaders }: RequestsContext): Promise<CooperationRequest[]> {
    return loaders.followUpsByRequest.load(request.id);
  }

  @FieldResolver(() => [RequestEvent], { description: "Every step, oldest first (append-only)." })
  history(@Root() request: CooperationRequest, @Ctx() { loaders }: RequestsContext): Promise<RequestEvent[]> {
    return loaders.eventsByRequest.load(request.id);
  }

  @FieldResolver(() => FormLink, {
    nullable: true,
    description:
      "The request as the T-CY form it follows (preservation: T-CY(2018)11; MLA for subscriber information: T-CY(2018)10), by a link valid for a few minutes. Language: the requested side's by default.",
  })
  async form(
    @Root() request: CooperationRequest,
    @Arg("format", () => FormFormat, { defaultValue: FormFormat.PDF }) format: FormFormat,
    @Arg("language", () => FormLanguage, { nullable: true }) language: FormLanguage | null,
    @Ctx() { viewer, loaders }: RequestsContext,
  ): Promise<FormLink> {
    const template = templateFor(request.kind);
    if (!template) throw badUserInput(`no T-CY template covers a ${request.kind} request`, "form");
    const requestedSide = await loaders.notificationSettingsByAuthority.load(request.requestedAuthorityId);
    const chosen = (language ?? requestedSide?.language ?? FormLanguage.EN).toLowerCase();
    const formLanguage = formLanguages.find((known) => known === chosen) ?? "en";
    return {
      ...(await signFormLink({ requestId: request.id, format, language: formLanguage }, requireViewer(viewer).sub)),
      template,
    };
  }

  @FieldResolver(() => [NotificationDelivery], {
    description: "Who was told of each step and how each delivery went.",
  })
  notifications(
    @Root() request: CooperationRequest,
    @Ctx() { loaders }: RequestsContext,
  ): Promise<NotificationDelivery[]> {
    return loaders.notificationsByRequest.load(request.id);
  }

  @FieldResolver(() => Boolean, { description: "An emergency request not answered by responseDueAt." })
  overdue(@Root() request: CooperationRequest): boolean {
    return isOverdue(request, now());
  }

  @FieldResolver(() => Boolean, {
    description:
      "Executed preservation whose period has ended without a follow-up request for mutual assistance sent before the end.",
  })
  async followUpOverdue(@Root() request: CooperationRequest, @Ctx() { loaders }: RequestsContext): Promise<boolean> {
    const until = request.preservedUntil;
    if (!until || until.getTime() > now().getTime()) return false;
    const followUps = await loaders.followUpsByRequest.load(request.id);
    return !followUps.some(
      (followUp) => mlaKinds.includes(followUp.kind) && followUp.sentAt !== null && followUp.sentAt <= until,
    );
  }
}
