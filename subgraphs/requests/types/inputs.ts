import { Field, ID, InputType, Int } from "type-graphql";
import { RequestKind } from "../../../common/request-kind";
import { RequestContent } from "./content";

@InputType({ description: "A new request, saved as a draft of the viewer's authority." })
export class CreateCooperationRequestInput {
  @Field(() => RequestKind)
  kind!: RequestKind;

  @Field(() => ID, { description: "ISO 3166-1 alpha-2 code of the requesting authority's country." })
  requestingCountry!: string;

  @Field(() => ID, { description: "ISO 3166-1 alpha-2 code." })
  requestedCountry!: string;

  @Field(() => ID, { description: "The requested Authority (members subgraph)." })
  requestedAuthority!: string;

  @Field(() => String)
  caseReference!: string;

  @Field(() => Boolean, { defaultValue: false })
  urgent!: boolean;

  @Field(() => ID, { nullable: true, description: "The request this extends or follows up (T-CY 'previous request')." })
  previousRequest?: string | null;

  @Field(() => String, { nullable: true, description: "IANA time zone of the requested side (default UTC)." })
  requestedTimeZone?: string | null;

  @Field(() => Int, { nullable: true, description: "Emergency kinds: hours from sending to a response (1 to 168)." })
  responseTargetHours?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "A retry with the same key returns the first request instead of a new one.",
  })
  idempotencyKey?: string | null;

  @Field(() => RequestContent)
  content!: RequestContent;
}
