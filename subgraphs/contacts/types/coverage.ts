import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeISOResolver } from "../../../common/scalars";
import { Country, Network } from "./stubs";

@ObjectType({ description: "One member country's current designations (institution level; no person)." })
export class CountryCoverage {
  @Field(() => Country, { nullable: true })
  country!: Country | null;

  @Field(() => ID)
  countryCode!: string;

  @Field(() => Boolean, { description: "A current 24/7 point of contact (Art. 35)." })
  twentyFourSeven!: boolean;

  @Field(() => Boolean, { description: "A current central authority for mutual assistance (Art. 27)." })
  centralAuthority!: boolean;

  @Field(() => Boolean, { description: "A current contact point of this network." })
  networkContactPoint!: boolean;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "Latest verification of any of those designations; null when none was ever verified.",
  })
  lastVerifiedAt!: Date | null;
}

@ObjectType({ description: "How well a network's current member countries are covered by designations." })
export class NetworkCoverage {
  @Field(() => Network, { nullable: true })
  network!: Network | null;

  @Field(() => ID)
  networkId!: string;

  @Field(() => Int, { description: "Current member and observer countries." })
  memberCountries!: number;

  @Field(() => Int)
  withTwentyFourSeven!: number;

  @Field(() => Int)
  withoutTwentyFourSeven!: number;

  @Field(() => Int)
  withCentralAuthority!: number;

  @Field(() => Int)
  withoutCentralAuthority!: number;

  @Field(() => Int)
  withNetworkContactPoint!: number;

  @Field(() => Int)
  withoutNetworkContactPoint!: number;

  @Field(() => Int, { description: "Countries with a designation verified in the last 6 months." })
  verifiedWithin6Months!: number;

  @Field(() => Int, { description: "Countries with a designation verified in the last 12 months." })
  verifiedWithin12Months!: number;

  @Field(() => [CountryCoverage], { description: "Each member country, by code." })
  countries!: CountryCoverage[];
}

@ObjectType({ description: "How recently the current designations of one country (in one network) were verified." })
export class StalenessFigures {
  @Field(() => Network, { nullable: true, description: "Null for national designations outside any network." })
  network!: Network | null;

  @Field(() => ID, { nullable: true })
  networkId!: string | null;

  @Field(() => Country, { nullable: true })
  country!: Country | null;

  @Field(() => ID)
  countryCode!: string;

  @Field(() => Int, { description: "Current designations." })
  current!: number;

  @Field(() => Int)
  verifiedWithin6Months!: number;

  @Field(() => Int, { description: "Verified 6 to 12 months ago." })
  verified6To12MonthsAgo!: number;

  @Field(() => Int)
  verifiedOver12MonthsAgo!: number;

  @Field(() => Int)
  neverVerified!: number;

  @Field(() => DateTimeISOResolver, { nullable: true })
  oldestVerifiedAt!: Date | null;
}
