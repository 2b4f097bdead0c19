import { Field, ID, Int, ObjectType } from "type-graphql";
import { CourseLevel } from "./course";
import { Country } from "./stubs";

@ObjectType({ description: "Sessions of courses of one level that a country's participants took part in." })
export class LevelFigures {
  @Field(() => CourseLevel)
  level!: CourseLevel;

  @Field(() => Int)
  sessions!: number;

  @Field(() => Int, { description: "Distinct courses." })
  courses!: number;
}

@ObjectType({ description: "One participating country's training in one year (of the sessions' local start)." })
export class CountryTrainingFigures {
  @Field(() => Country, { nullable: true })
  country!: Country | null;

  @Field(() => ID)
  countryCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  sessions!: number;

  @Field(() => [LevelFigures])
  byLevel!: LevelFigures[];
}

@ObjectType({ description: "Training sessions started in a period: which countries were trained, at which level." })
export class TrainingCoverage {
  @Field(() => Int)
  sessions!: number;

  @Field(() => Int, { nullable: true, description: "Sum of the participants the sources count; null when none do." })
  participants!: number | null;

  @Field(() => Int, { description: "Distinct countries listed as taking part." })
  participatingCountries!: number;

  @Field(() => [CountryTrainingFigures])
  byCountryAndYear!: CountryTrainingFigures[];
}
