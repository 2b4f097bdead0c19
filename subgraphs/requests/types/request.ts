import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { RequestKind } from "../../../common/request-kind";
import { DateTimeISOResolver } from "../../../common/scalars";
import { RequestStatus } from "../../../prisma/requests/generated/enums";
import { RequestContent } from "./content";

export { RequestStatus };
registerEnumType(RequestStatus, { name: "RequestStatus" });

@ObjectType({ description: "One step of a request's lifecycle: append-only." })
export class RequestEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => RequestStatus, { nullable: true })
  fromStatus!: RequestStatus | null;

  @Field(() => RequestStatus)
  status!: RequestStatus;

  @Field(() => Int, { description: "The request's version after this step." })
  version!: number;

  @Field(() => DateTimeISOResolver)
  at!: Date;

  @Field(() => String, { description: "The `sub` of who took the step." })
  actorSub!: string;

  actorAuthorityId!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: "A preservation or mutual-assistance request between two authorities. Only the two can read it.",
})
export class CooperationRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => RequestKind)
  kind!: RequestKind;

  @Field(() => RequestStatus)
  status!: RequestStatus;

  @Field(() => Int, { description: "Pass as expectedVersion to change the request." })
  version!: number;

  requestingAuthorityId!: string;
  requestingCountryCode!: string;
  requestedAuthorityId!: string;
  requestedCountryCode!: string;

  @Field(() => String)
  caseReference!: string;

  @Field(() => Boolean)
  urgent!: boolean;

  previousRequestId!: string | null;
  idempotencyKey!: string | null;

  @Field(() => String, { description: "The `sub` of who created it." })
  createdBy!: string;

  @Field(() => RequestContent)
  content!: RequestContent;

  @Field(() => String, {
    description: "IANA time zone of the requested side; preservation periods run in its calendar days.",
  })
  requestedTimeZone!: string;

  @Field(() => Int, { nullable: true, description: "Emergency requests: hours from sending to a response." })
  responseTargetHours!: number | null;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  sentAt!: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  executedAt!: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When it reached a final status." })
  closedAt!: Date | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "Emergency requests: sentAt + responseTargetHours.",
  })
  responseDueAt!: Date | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description:
      "Executed preservation: data are kept at least until then (execution + the requested country's period, at least 60 days, Art. 29(7)); extensions push it.",
  })
  preservedUntil!: Date | null;
}
