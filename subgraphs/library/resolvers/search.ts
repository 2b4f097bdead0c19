import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import crypto from "node:crypto";
import { Arg, Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { badUserInput } from "../../../common/errors";
import { encodeCursor, PageArgs, pageWindow } from "../../../common/pagination";
import { storedEnumValues } from "../../../common/validation";
import { storedArticle } from "../articles";
import { highlighted, searchFilter } from "../domain";
import type { LibraryContext } from "../loaders";
import { parseLibraryQuery } from "../search-query";
import { DocumentKind } from "../types/document";
import { LibraryFacets, LibraryFilter, LibrarySearchConnection, type LibrarySearchEdge } from "../types/search";
import type { FacetCount } from "../visibility";

const list = "searchLibrary";

/** Facet rows of one statement, grouped and ordered: most documents first, then by value. */
function facetsFrom(rows: FacetCount[]): LibraryFacets {
  const of = (facet: FacetCount["facet"]) =>
    rows.filter((row) => row.facet === facet).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    kinds: of("kind").map(({ value, count }) => ({
      kind: storedEnumValues(DocumentKind, [value], "document kind")[0],
      count,
    })),
    countries: of("country").map(({ value, count }) => ({ country: { code: value }, count })),
    languages: of("language").map(({ value, count }) => ({ language: value, count })),
    articles: of("article").map(({ value, count }) => ({ article: storedArticle(value), count })),
  };
}

/** Whether a field of this name is selected directly under the field being resolved (through fragments too). */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  const within = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return within(selection.selectionSet);
      return within(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

@Resolver()
export class LibrarySearchResolver {
  @Query(() => LibrarySearchConnection, {
    nullable: true,
    description:
      'Full-text search of the library in English, French, Spanish and Portuguese: each document is searched with the stemming of its own language, accents optional. Words must all match; "quoted words" match as a phrase, `or` between words matches either, -word excludes, word* matches the start of a word. Best match first, with highlighted passages and counts by kind, country, language and article; without a query, newest first.',
  })
  async searchLibrary(
    @Arg("query", () => String, { nullable: true }) query: string | null,
    @Arg("filter", () => LibraryFilter, { nullable: true }) filter: LibraryFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { loaders }: LibraryContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LibrarySearchConnection> {
    const window = pageWindow(list, page);
    const parsed = parseLibraryQuery(query);
    const conditions = searchFilter(filter);
    // A cursor is a position in this search's ranking: it names the search, so another search refuses it.
    const search = crypto
      .createHash("sha256")
      .update(JSON.stringify([parsed, conditions]))
      .digest("hex")
      .slice(0, 16);
    let offset = 0;
    if (window.afterKey !== undefined) {
      const [of, position] = window.afterKey.split(":");
      if (of !== search || !/^\d{1,9}$/.test(position ?? ""))
        throw badUserInput("after is not a cursor of this list", "after");
      offset = Number(position);
    }
    const hits = await loaders.sql.search(parsed, conditions, offset, window.take);
    const documents = await loaders.documentById.loadMany(hits.map((hit) => hit.id));
    const edges: LibrarySearchEdge[] = [];
    hits.slice(0, window.size).forEach((hit, index) => {
      const node = documents[index];
      if (node === null || node instanceof Error) return;
      edges.push({
        cursor: encodeCursor(list, `${search}:${offset + index + 1}`),
        node,
        rank: hit.rank,
        titleHighlight: highlighted(hit.titleHighlight),
        snippet: highlighted(hit.snippet),
      });
    });
    // Every document is of one kind: with the facets selected, their kind counts add up to the total, and the
    // matching documents are read once, not twice.
    let facets: Promise<LibraryFacets> | null = null;
    const facetsOnce = () => (facets ??= loaders.sql.facets(parsed, conditions).then(facetsFrom));
    const withFacets = selects(info, "facets");
    return {
      edges,
      pageInfo: { hasNextPage: hits.length > window.size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: async () =>
        withFacets
          ? (await facetsOnce()).kinds.reduce((total, { count }) => total + count, 0)
          : loaders.sql.count(parsed, conditions),
      facets: facetsOnce,
    };
  }
}
