import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateResolver, DateTimeISOResolver } from "../../../common/scalars";
import {
  DatePrecision,
  DocumentChangeAction,
  DocumentKind,
  DocumentVisibility,
  TextCoverage,
} from "../../../prisma/library/generated/enums";
import { TreatyInstrument } from "../articles";

export { DatePrecision, DocumentChangeAction, DocumentKind, DocumentVisibility, TextCoverage, TreatyInstrument };

registerEnumType(DocumentKind, { name: "DocumentKind" });
registerEnumType(DocumentVisibility, {
  name: "DocumentVisibility",
  valuesConfig: { MEMBERS: { description: "Only members of the network that shares it see it." } },
});
registerEnumType(DatePrecision, {
  name: "DocumentDatePrecision",
  description: "How much of the date the sources give.",
});
registerEnumType(TextCoverage, {
  name: "DocumentTextCoverage",
  description: "How much of the document the library holds in `body`.",
  valuesConfig: {
    FULL_TEXT: { description: "The whole text." },
    EXCERPT: { description: "Part of the text, as written." },
    SUMMARY: { description: "A description written from the sources, not the text itself." },
    NONE: { description: "No text: the title, summary and source only." },
  },
});
registerEnumType(DocumentChangeAction, { name: "DocumentChangeAction" });
registerEnumType(TreatyInstrument, { name: "TreatyInstrument" });

/** Offences of the Budapest Convention, Articles 2 to 10. */
export enum CybercrimeOffence {
  ILLEGAL_ACCESS = "ILLEGAL_ACCESS",
  ILLEGAL_INTERCEPTION = "ILLEGAL_INTERCEPTION",
  DATA_INTERFERENCE = "DATA_INTERFERENCE",
  SYSTEM_INTERFERENCE = "SYSTEM_INTERFERENCE",
  MISUSE_OF_DEVICES = "MISUSE_OF_DEVICES",
  COMPUTER_RELATED_FORGERY = "COMPUTER_RELATED_FORGERY",
  COMPUTER_RELATED_FRAUD = "COMPUTER_RELATED_FRAUD",
  CHILD_SEXUAL_ABUSE_MATERIAL = "CHILD_SEXUAL_ABUSE_MATERIAL",
  COPYRIGHT_INFRINGEMENT = "COPYRIGHT_INFRINGEMENT",
}
registerEnumType(CybercrimeOffence, {
  name: "CybercrimeOffence",
  description: "Offences of the Budapest Convention (Articles 2 to 10).",
  valuesConfig: {
    CHILD_SEXUAL_ABUSE_MATERIAL: { description: "Article 9, 'offences related to child pornography'." },
    COPYRIGHT_INFRINGEMENT: { description: "Article 10, infringements of copyright and related rights." },
  },
});

/** Procedural powers of the Budapest Convention, Articles 16 to 21. */
export enum ProceduralPower {
  EXPEDITED_PRESERVATION = "EXPEDITED_PRESERVATION",
  PRESERVATION_AND_PARTIAL_DISCLOSURE_OF_TRAFFIC_DATA = "PRESERVATION_AND_PARTIAL_DISCLOSURE_OF_TRAFFIC_DATA",
  PRODUCTION_ORDER = "PRODUCTION_ORDER",
  SEARCH_AND_SEIZURE = "SEARCH_AND_SEIZURE",
  REAL_TIME_COLLECTION_OF_TRAFFIC_DATA = "REAL_TIME_COLLECTION_OF_TRAFFIC_DATA",
  INTERCEPTION_OF_CONTENT_DATA = "INTERCEPTION_OF_CONTENT_DATA",
}
registerEnumType(ProceduralPower, {
  name: "ProceduralPower",
  description: "Procedural powers of the Budapest Convention (Articles 16 to 21), at home or for another Party.",
});

@ObjectType({ description: "An article of the Budapest Convention or of its Second Additional Protocol." })
export class TreatyArticle {
  @Field(() => String, { description: "BC-29 (Budapest Convention), 2AP-7 (Second Additional Protocol)." })
  code!: string;

  @Field(() => TreatyInstrument)
  instrument!: TreatyInstrument;

  @Field(() => Int)
  number!: number;

  @Field(() => String, { nullable: true, description: "Its heading; null where the sources consulted lack it." })
  title!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A document of the library in one language: legislation, case law, guidance, a model form, a treaty, a report or training material; its other language versions are its translations.",
})
export class Document {
  @Field(() => ID)
  id!: string;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: "Searchable text; `textCoverage` says how much of it." })
  body!: string | null;

  @Field(() => TextCoverage)
  textCoverage!: TextCoverage;

  @Field(() => String, { nullable: true, description: "What the body is, and where the rest of the text is." })
  textNote!: string | null;

  @Field(() => String, { description: "ISO 639-1." })
  language!: string;

  translationGroup!: string;
  countryCode!: string | null;

  @Field(() => String, { nullable: true })
  issuingBody!: string | null;

  @Field(() => DateResolver, { nullable: true })
  date!: Date | null;

  @Field(() => DatePrecision, { nullable: true })
  datePrecision!: DatePrecision | null;

  @Field(() => String, { description: "Where the document is published." })
  sourceUrl!: string;

  @Field(() => String, { description: "Where each fact of this entry comes from." })
  source!: string;

  articleCodes!: string[];

  @Field(() => [CybercrimeOffence])
  offences!: CybercrimeOffence[];

  @Field(() => [ProceduralPower])
  proceduralPowers!: ProceduralPower[];

  networkId!: string | null;

  @Field(() => DocumentVisibility)
  visibility!: DocumentVisibility;

  materialId!: string | null;

  @Field(() => Int, { description: "Changes with every update; pass it as expectedVersion." })
  version!: number;

  @Field(() => DateTimeISOResolver)
  updatedAt!: Date;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When its network withdrew it; only that network's admins still see it.",
  })
  withdrawnAt!: Date | null;

  @Field(() => String, { nullable: true })
  withdrawnReason!: string | null;
}

@ObjectType({ description: "One change a network admin made to a document of the library: who, when, what." })
export class DocumentChange {
  @Field(() => ID)
  id!: string;

  documentId!: string;

  @Field(() => DocumentChangeAction)
  action!: DocumentChangeAction;

  @Field(() => String, { description: "The `sub` of who made the change." })
  actorSub!: string;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => DateTimeISOResolver)
  at!: Date;

  @Field(() => String, { nullable: true, description: "Why it was withdrawn." })
  reason!: string | null;

  @Field(() => String, { description: "The document's title after the change." })
  title!: string;
}

@InputType({ description: "A document a network admin adds to the library, or replaces one with." })
export class LibraryDocumentInput {
  @Field(() => ID, { description: "The network that shares it; you must administer it." })
  network!: string;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: "Searchable text, up to 100 000 characters." })
  body?: string | null;

  @Field(() => TextCoverage, {
    nullable: true,
    description: "How much of the document the body is; by default FULL_TEXT with a body, NONE without.",
  })
  textCoverage?: TextCoverage | null;

  @Field(() => String, { nullable: true })
  textNote?: string | null;

  @Field(() => String, { description: "ISO 639-1 in lower case, e.g. pt." })
  language!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Another language version of the same document, whose translations this one joins.",
  })
  translationOf?: string | null;

  @Field(() => ID, { nullable: true, description: "ISO 3166-1 alpha-2 code of the country it is from." })
  country?: string | null;

  @Field(() => String, { nullable: true })
  issuingBody?: string | null;

  @Field(() => DateResolver, { nullable: true })
  date?: Date | null;

  @Field(() => DatePrecision, { nullable: true, description: "Default DAY when a date is given." })
  datePrecision?: DatePrecision | null;

  @Field(() => String, { description: "Where the document is published (http or https)." })
  sourceUrl!: string;

  @Field(() => String, { nullable: true, description: "The citation, when more than the URL; default the URL." })
  source?: string | null;

  @Field(() => [String], { defaultValue: [], description: "Article codes such as BC-29 or 2AP-7." })
  articles!: string[];

  @Field(() => [CybercrimeOffence], { defaultValue: [] })
  offences!: CybercrimeOffence[];

  @Field(() => [ProceduralPower], { defaultValue: [] })
  proceduralPowers!: ProceduralPower[];

  @Field(() => DocumentVisibility, { defaultValue: DocumentVisibility.PUBLIC })
  visibility!: DocumentVisibility;
}
