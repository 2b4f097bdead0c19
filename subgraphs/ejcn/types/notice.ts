import { DateTimeISOResolver } from "graphql-scalars";
import { Directive, Field, ID, InputType, ObjectType } from "type-graphql";

/** The kit's starting entity: rename it, or replace it with what the network owns. */
@Directive('@key(fields: "id")')
@ObjectType("EjcnNotice", { description: "A notice the network publishes." })
export class EjcnNotice {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => DateTimeISOResolver)
  publishedAt!: Date;

  @Field(() => String, { description: "Where the notice comes from." })
  source!: string;

  networkId!: string;
  countryCode!: string | null;
}

@InputType("EjcnNoticeInput")
export class EjcnNoticeInput {
  @Field(() => ID, { description: "The network that publishes it; its admins only." })
  network!: string;

  @Field(() => ID, { nullable: true, description: "ISO 3166-1 alpha-2 code of the country it concerns." })
  country?: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String)
  source!: string;
}
