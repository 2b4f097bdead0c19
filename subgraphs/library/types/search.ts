import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../../../common/pagination";
import { DateResolver } from "../../../common/scalars";
import { Document, DocumentKind, TreatyArticle } from "./document";
import { Country } from "./stubs";

@InputType({ description: "All given conditions must hold." })
export class LibraryFilter {
  @Field(() => DocumentKind, { nullable: true })
  kind?: DocumentKind | null;

  @Field(() => ID, { nullable: true, description: "ISO 3166-1 alpha-2 code of the country a document is from." })
  country?: string | null;

  @Field(() => String, { nullable: true, description: "An article it concerns: BC-29, 2AP-7." })
  article?: string | null;

  @Field(() => ID, { nullable: true, description: "The network that shares it." })
  network?: string | null;

  @Field(() => String, { nullable: true, description: "ISO 639-1 code of its language, e.g. pt." })
  language?: string | null;

  @Field(() => DateResolver, { nullable: true, description: "Dated on or after this day." })
  from?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: "Dated on or before this day." })
  to?: Date | null;
}

@ObjectType({ description: "A piece of a highlighted text: the words that match the search are highlighted." })
export class TextFragment {
  @Field(() => String)
  text!: string;

  @Field(() => Boolean)
  highlighted!: boolean;
}

@ObjectType("LibrarySearchEdge")
export class LibrarySearchEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Document)
  node!: Document;

  @Field(() => Float, { nullable: true, description: "How well it matches (ts_rank); null without a query." })
  rank!: number | null;

  @Field(() => [TextFragment], { nullable: true, description: "The title with the matching words highlighted." })
  titleHighlight!: TextFragment[] | null;

  @Field(() => [TextFragment], {
    nullable: true,
    description: "Up to two passages of the summary and body around the matching words; null without a query.",
  })
  snippet!: TextFragment[] | null;
}

@ObjectType()
export class DocumentKindCount {
  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class DocumentCountryCount {
  @Field(() => Country, { nullable: true })
  country!: Country | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class DocumentLanguageCount {
  @Field(() => String, { description: "ISO 639-1." })
  language!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class DocumentArticleCount {
  @Field(() => TreatyArticle)
  article!: TreatyArticle;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "How many documents match the search and filter, by kind, country, language and article." })
export class LibraryFacets {
  @Field(() => [DocumentKindCount])
  kinds!: DocumentKindCount[];

  @Field(() => [DocumentCountryCount])
  countries!: DocumentCountryCount[];

  @Field(() => [DocumentLanguageCount])
  languages!: DocumentLanguageCount[];

  @Field(() => [DocumentArticleCount])
  articles!: DocumentArticleCount[];
}

@ObjectType({ description: "A page of the library's search: best match first (newest first without a query)." })
export class LibrarySearchConnection {
  @Field(() => [LibrarySearchEdge])
  edges!: LibrarySearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  // Simple: graphql-js's default resolver calls the function, so each runs only when selected.
  @Field(() => Int, { description: "How many documents match, over all pages.", simple: true })
  totalCount!: () => Promise<number>;

  @Field(() => LibraryFacets, { description: "Counts over all matching documents, not this page only.", simple: true })
  facets!: () => Promise<LibraryFacets>;
}
