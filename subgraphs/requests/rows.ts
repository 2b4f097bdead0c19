import { z } from "zod";
import type {
  CooperationRequest as CooperationRequestRow,
  Notification,
  Prisma,
} from "../../prisma/requests/generated/client";
import { IdentifierKind, ResponseChannel, type RequestContent } from "./types/content";
import type { FormLanguage, NotificationDelivery, NotificationSettings } from "./types/notifications";
import type { CooperationRequest } from "./types/request";

// Rows of this subgraph's tables converted to its GraphQL types at the database edge, checked instead of cast.

/** Stored data that does not have the shape the code wrote: a bug or a hand-made row, never the caller's fault. */
export class StoredDataError extends Error {
  override name = "StoredDataError";
}

const text = z.string().nullish();
/** Time stamps are ISO 8601 text in the JSON column and `Date` in the GraphQL type. */
const storedDate = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (iso) => new Date(iso),
  encode: (date) => date.toISOString(),
});

/** The `content` column: RequestContent (types/content.ts) as stored JSON. */
const requestContent = z.object({
  offence: z.object({ description: text, summaryOfFacts: text, legalProvisions: text }).nullish(),
  dataToPreserve: z.array(z.object({ description: z.string(), relationToOffence: text })).nullish(),
  custodian: z
    .object({
      serviceProvider: text,
      location: text,
      identifiers: z
        .array(
          z.object({
            kind: z.enum(IdentifierKind),
            value: z.string(),
            observedAt: storedDate.nullish(),
            timeZone: text,
          }),
        )
        .nullish(),
    })
    .nullish(),
  necessity: text,
  mlaToFollow: z.boolean().nullish(),
  requestingContact: z
    .object({
      organisation: text,
      personInCharge: z.string(),
      email: text,
      phone: text,
      officeHours: text,
      timeZone: text,
    })
    .nullish(),
  preferredResponseChannel: z.enum(ResponseChannel).nullish(),
  expeditedResponse: z.boolean().nullish(),
});

// The two signatures below are the compile-time proof that the schema and the GraphQL classes agree both ways.

/** A request's stored content as the GraphQL type; StoredDataError when it does not have that shape. */
export function parseRequestContent(json: Prisma.JsonValue, requestId: string): RequestContent {
  const parsed = requestContent.safeParse(json);
  if (!parsed.success)
    throw new StoredDataError(
      `request "${requestId}": stored content is not a RequestContent: ${parsed.error.message}`,
    );
  return parsed.data;
}

/** Content as the JSON to store: time stamps as ISO 8601 text. */
export function storedRequestContent(content: RequestContent): Prisma.InputJsonObject {
  return requestContent.encode(content);
}

export const toCooperationRequest = (row: CooperationRequestRow): CooperationRequest => ({
  ...row,
  content: parseRequestContent(row.content, row.id),
});

/** Settings as the graph shows them: the language as its enum value. */
export const toSettings = (row: {
  authorityId: string;
  emails: string[];
  webhookUrl: string | null;
  webhookSecret: string | null;
  language: string;
  updatedAt: Date;
  updatedBy: string;
}): NotificationSettings => ({ ...row, language: row.language.toUpperCase() as FormLanguage });

/** A delivery as the graph shows it: the next attempt only while one is due. */
export const toDelivery = (row: Notification): NotificationDelivery => ({
  ...row,
  nextAttemptAt: row.state === "PENDING" ? row.nextAttemptAt : null,
});
