import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { RequestKind } from "../../../common/request-kind";
import { DateResolver, DateTimeISOResolver } from "../../../common/scalars";
import { Country } from "./stubs";

@InputType({ description: "Requests sent in [from, to), of this kind (all kinds when unset)." })
export class RequestAnalyticsFilter {
  @Field(() => RequestKind, { nullable: true })
  kind?: RequestKind | null;

  @Field(() => DateResolver, { nullable: true })
  from?: Date | null;

  @Field(() => DateResolver, { nullable: true })
  to?: Date | null;
}

@ObjectType({ description: "Requests sent from one country's authorities to another's (published from 5 requests)." })
export class CountryPairFigures {
  @Field(() => Country, { nullable: true })
  requestingCountry!: Country | null;

  @Field(() => ID)
  requestingCountryCode!: string;

  @Field(() => Country, { nullable: true })
  requestedCountry!: Country | null;

  @Field(() => ID)
  requestedCountryCode!: string;

  @Field(() => Int)
  sent!: number;
}

@ObjectType({ description: "How requests to one country moved (published from 5 requests; each figure from 5)." })
export class RequestedCountryFigures {
  @Field(() => Country, { nullable: true })
  requestedCountry!: Country | null;

  @Field(() => ID)
  requestedCountryCode!: string;

  @Field(() => Int)
  sent!: number;

  @Field(() => Float, { nullable: true, description: "Null below 5 acknowledged requests." })
  medianHoursToAcknowledge!: number | null;

  @Field(() => Float, { nullable: true, description: "Null below 5 (partially) executed requests." })
  medianHoursToExecute!: number | null;

  @Field(() => Int, { nullable: true, description: "Preservations sent; null below 5." })
  preservations!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Of them, followed in time by an MLA request between the same countries; null below 5 preservations.",
  })
  preservationsFollowedByMla!: number | null;
}

@ObjectType({
  description:
    "Request analytics for analysts: no case content, and cells of fewer than `minimumCell` requests suppressed.",
})
export class RequestAnalytics {
  @Field(() => Int, { description: "The smallest number of requests a published figure is drawn from." })
  minimumCell!: number;

  @Field(() => [CountryPairFigures], { description: "Requesting → requested pairs of at least minimumCell requests." })
  byPair!: CountryPairFigures[];

  @Field(() => Int, { description: "Pairs left out of byPair (fewer than minimumCell requests)." })
  suppressedPairs!: number;

  @Field(() => [RequestedCountryFigures])
  byRequestedCountry!: RequestedCountryFigures[];

  @Field(() => Int, { description: "Requested countries left out of byRequestedCountry." })
  suppressedRequestedCountries!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Preservations sent; null below minimumCell, or when the suppressed countries' share of them would be 1 to minimumCell - 1.",
  })
  preservations!: number | null;

  @Field(() => Int, { nullable: true })
  preservationsFollowedByMla!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Share of preservations followed by an MLA request between the same countries before the preservation ended (preservedUntil, or 60 days after sending while not executed).",
  })
  shareOfPreservationsFollowedByMla!: number | null;

  @Field(() => DateTimeISOResolver)
  computedAt!: Date;
}
