import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "../../../common/scalars";
import { NotificationEvent } from "../notifications";

export { NotificationEvent };
registerEnumType(NotificationEvent, {
  name: "NotificationEvent",
  valuesConfig: {
    PRESERVATION_ENDING: { description: "An executed preservation ends within 10 days: the requesting side is told." },
  },
});

export const NotificationChannel = { EMAIL: "EMAIL", WEBHOOK: "WEBHOOK" } as const;
export type NotificationChannel = (typeof NotificationChannel)[keyof typeof NotificationChannel];
registerEnumType(NotificationChannel, { name: "NotificationChannel" });

export const DeliveryState = { PENDING: "PENDING", DELIVERED: "DELIVERED", PARKED: "PARKED" } as const;
export type DeliveryState = (typeof DeliveryState)[keyof typeof DeliveryState];
registerEnumType(DeliveryState, {
  name: "DeliveryState",
  valuesConfig: {
    PENDING: { description: "Written with the change; delivered by the worker, retried with backoff." },
    PARKED: { description: "Failed for good (address refused, too many attempts, or none registered)." },
  },
});

export const FormFormat = { PDF: "PDF", DOCX: "DOCX" } as const;
export type FormFormat = (typeof FormFormat)[keyof typeof FormFormat];
registerEnumType(FormFormat, { name: "FormFormat", description: "PDF, or a Word-compatible document (.docx)." });

export const FormLanguage = { EN: "EN", FR: "FR", ES: "ES", PT: "PT" } as const;
export type FormLanguage = (typeof FormLanguage)[keyof typeof FormLanguage];
registerEnumType(FormLanguage, { name: "FormLanguage", description: "The languages the T-CY forms are made in." });

@ObjectType({ description: "A short-lived signed link to a request's T-CY form, served by the gateway." })
export class FormLink {
  @Field(() => String)
  url!: string;

  @Field(() => DateTimeISOResolver)
  expiresAt!: Date;

  @Field(() => String, { description: "e.g. T-CY(2018)11: the template the form follows." })
  template!: string;
}

@ObjectType({ description: "One notification of a request to one address of the told authority, and its delivery." })
export class NotificationDelivery {
  @Field(() => ID)
  id!: string;

  requestId!: string;

  @Field(() => NotificationEvent)
  event!: NotificationEvent;

  @Field(() => Int, { description: "The request's version the event is about." })
  requestVersion!: number;

  recipientAuthorityId!: string;

  @Field(() => NotificationChannel)
  channel!: NotificationChannel;

  target!: string;

  @Field(() => String, { description: "Sent with every attempt; a receiver drops a message it has seen by it." })
  idempotencyKey!: string;

  @Field(() => DeliveryState)
  state!: DeliveryState;

  @Field(() => Int)
  attempts!: number;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "The next attempt, while pending." })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed (a status code, not a message)." })
  lastError!: string | null;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  deliveredAt!: Date | null;
}

@ObjectType({ description: "Where an authority is told of requests: for its admins only." })
export class NotificationSettings {
  authorityId!: string;

  @Field(() => [String], { description: "E-mail addresses, e.g. the 24/7 point's duty mailbox." })
  emails!: string[];

  @Field(() => String, { nullable: true, description: "https URL called with a signed JSON POST." })
  webhookUrl!: string | null;

  webhookSecret!: string | null;

  @Field(() => FormLanguage, { description: "The language the authority accepts requests in: forms and messages." })
  language!: FormLanguage;

  @Field(() => DateTimeISOResolver)
  updatedAt!: Date;

  @Field(() => String)
  updatedBy!: string;
}

@InputType()
export class NotificationSettingsInput {
  @Field(() => [String], { description: "Up to 10 addresses." })
  emails!: string[];

  @Field(() => String, { nullable: true, description: "https (http on this machine outside production)." })
  webhookUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "HMAC-SHA256 key, at least 32 characters; keeps the current one when left out.",
  })
  webhookSecret?: string | null;

  @Field(() => FormLanguage)
  language!: FormLanguage;
}
