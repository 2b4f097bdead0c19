import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { RequestKind } from "../../../common/request-kind";
import { DateResolver, DateTimeISOResolver } from "../../../common/scalars";
import { RequestStatus } from "./request";

@InputType({ description: "Requests sent in [from, to), between these countries, of this kind." })
export class RequestStatisticsFilter {
  @Field(() => ID, { nullable: true })
  requestingCountry?: string | null;

  @Field(() => ID, { nullable: true })
  requestedCountry?: string | null;

  @Field(() => RequestKind, { nullable: true })
  kind?: RequestKind | null;

  @Field(() => DateResolver, { nullable: true })
  from?: Date | null;

  @Field(() => DateResolver, { nullable: true })
  to?: Date | null;
}

@ObjectType()
export class KindCount {
  @Field(() => RequestKind)
  kind!: RequestKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class StatusCount {
  @Field(() => RequestStatus)
  status!: RequestStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "Requests sent in one month (UTC)." })
export class MonthStatistics {
  @Field(() => String, { description: "YYYY-MM" })
  month!: string;

  @Field(() => Int)
  sent!: number;

  @Field(() => Float, { nullable: true })
  medianHoursToAcknowledge!: number | null;

  @Field(() => Float, { nullable: true })
  medianHoursToExecute!: number | null;
}

@ObjectType({ description: "Aggregates of sent requests; never their contents." })
export class RequestStatistics {
  @Field(() => Int)
  sent!: number;

  @Field(() => [KindCount])
  byKind!: KindCount[];

  @Field(() => [StatusCount])
  byStatus!: StatusCount[];

  @Field(() => Float, { nullable: true, description: "From sending to acknowledgement." })
  medianHoursToAcknowledge!: number | null;

  @Field(() => Float, { nullable: true, description: "From sending to (partial) execution." })
  medianHoursToExecute!: number | null;

  @Field(() => [MonthStatistics])
  byMonth!: MonthStatistics[];

  @Field(() => DateTimeISOResolver, {
    description: "When these figures were computed: they may be up to a minute old.",
  })
  computedAt!: Date;
}
