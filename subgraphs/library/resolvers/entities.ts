import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { Guard, isNetworkAdmin } from "../../../common/auth";
import {
  ConnectionType,
  defaultPageSize,
  maxPageSize,
  newestFirstPage,
  PageArgs,
  pageWindow,
  timeKey,
  toConnection,
  type Connection,
} from "../../../common/pagination";
import { CheckedArg, intRange } from "../../../common/validation";
import type { DocumentChange as DocumentChangeRow } from "../../../prisma/library/generated/client";
import type { LibraryContext } from "../loaders";
import { Document, DocumentChange, DocumentKind } from "../types/document";
import { Country, Material, Network } from "../types/stubs";

// The library's fields on other subgraphs' entities (members' Country and Network, training's Material), batched per
// request; all nullable, so that when the library is down the rest of an answer stays.

const firstArg = (what: string) =>
  CheckedArg("first", () => Int, intRange(1, maxPageSize), {
    nullable: true,
    defaultValue: defaultPageSize,
    description: `How many of the newest ${what}, 1 to ${maxPageSize}.`,
  });

/** What a country's legislation holds: its laws and judgments, and its national instruments of treaties. */
const legislationKinds = [DocumentKind.LEGISLATION, DocumentKind.CASE_LAW, DocumentKind.TREATY];

@Resolver(() => Country)
export class CountryLibraryResolver {
  @FieldResolver(() => [Document], {
    nullable: true,
    description:
      "Its legislation and case law in the library, and its national instruments of treaties (ratification, promulgation), newest first.",
  })
  legislation(
    @Root() country: Country,
    @firstArg("documents") first: number,
    @Ctx() { loaders }: LibraryContext,
  ): Promise<Document[]> {
    return loaders.newestByCountry.load({ key: country.code, kinds: legislationKinds, first });
  }
}

const DocumentChangeConnection = ConnectionType("DocumentChange", DocumentChange);

const changeFromRow = (row: DocumentChangeRow): DocumentChange => {
  const snapshot = row.document as { title?: unknown };
  return { ...row, title: typeof snapshot.title === "string" ? snapshot.title : "" };
};

@Resolver(() => Network)
export class NetworkLibraryResolver {
  @FieldResolver(() => [Document], {
    nullable: true,
    description: "The documents it shares in the library, newest first (members-only ones for its members).",
  })
  library(
    @Root() network: Network,
    @Arg("kind", () => DocumentKind, { nullable: true }) kind: DocumentKind | null,
    @firstArg("documents") first: number,
    @Ctx() { loaders }: LibraryContext,
  ): Promise<Document[]> {
    return loaders.newestByNetwork.load({ key: network.id, kinds: kind ? [kind] : [], first });
  }

  @FieldResolver(() => DocumentChangeConnection, {
    nullable: true,
    description: "Audit of its admins' changes to its library documents, newest first; for the network's admins.",
  })
  @Guard<Network>((viewer, network) => isNetworkAdmin(viewer, network.id), "the library changes of this network")
  async libraryChanges(
    @Root() network: Network,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { loaders: { db } }: LibraryContext,
  ): Promise<Connection<DocumentChange>> {
    const window = pageWindow("libraryChanges", page);
    const where = { networkId: network.id };
    const rows = await db.documentChange.findMany({ ...newestFirstPage(where, window.afterKey), take: window.take });
    return toConnection(
      "libraryChanges",
      window,
      rows.map(changeFromRow),
      (change) => timeKey(change.at, change.id),
      () => db.documentChange.count({ where }),
    );
  }
}

@Resolver(() => Material)
export class MaterialDocumentResolver {
  @FieldResolver(() => Document, {
    nullable: true,
    description: "The same material as a document of the library, where it is there (library subgraph).",
  })
  document(@Root() material: Material, @Ctx() { loaders }: LibraryContext): Promise<Document | null> {
    return loaders.documentByMaterial.load(material.id);
  }
}
