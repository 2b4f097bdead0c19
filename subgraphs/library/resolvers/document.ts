import crypto from "node:crypto";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { isNetworkAdmin, requireAllowed, requireViewer, type Viewer } from "../../../common/auth";
import { now } from "../../../common/clock";
import { badUserInput, graphError } from "../../../common/errors";
import { CheckedArg, found, intInRange, networkId, requiredText } from "../../../common/validation";
import type { Document as DocumentRow, Prisma } from "../../../prisma/library/generated/client";
import { storedArticle } from "../articles";
import { checkDocument, documentFromRow } from "../domain";
import type { LibraryContext } from "../loaders";
import { Document, DocumentChangeAction, LibraryDocumentInput, TreatyArticle } from "../types/document";
import { Country, Material, Network } from "../types/stubs";

/** The version a client saw, when it sends one: a whole number from 1. */
const version = (value: number | null, field: string) => (value == null ? null : intInRange(value, field, 1));

// Interactive transactions wait for a connection and run on it; PGlite runs one statement at a time.
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

/** An audit row of a change: who, when, what, and the document as it is after it. */
const changeRow = (
  document: DocumentRow,
  action: DocumentChangeAction,
  actor: Viewer,
  at: Date,
  reason: string | null = null,
): Prisma.DocumentChangeUncheckedCreateInput => ({
  id: crypto.randomUUID(),
  documentId: document.id,
  // Only documents of a network are written by its admins.
  networkId: document.networkId ?? "",
  action,
  actorSub: actor.sub,
  actorName: actor.name,
  at,
  reason,
  document: JSON.parse(JSON.stringify(document)) as Prisma.InputJsonValue,
});

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, {
    nullable: true,
    description: "A document of the library; null when there is none or it is for members of a network you are not in.",
  })
  document(@Arg("id", () => ID) id: string, @Ctx() { loaders }: LibraryContext): Promise<Document | null> {
    return loaders.documentById.load(id);
  }

  @Mutation(() => Document, {
    description: "A network admin adds a document their network shares; recorded in Network.libraryChanges.",
  })
  async addLibraryDocument(
    @Arg("input", () => LibraryDocumentInput) input: LibraryDocumentInput,
    @Ctx() { viewer, loaders }: LibraryContext,
  ): Promise<Document> {
    const admin = requireViewer(viewer);
    const network = networkId(input.network, "input.network");
    requireAllowed(admin, isNetworkAdmin(admin, network), "add documents to a network you do not administer");
    const row = checkDocument(input);
    const id = crypto.randomUUID();
    const translationGroup = await this.translationGroup(input, loaders, id);
    const at = now();
    const created = await loaders.db.$transaction(async (tx) => {
      const document = await tx.document.create({
        data: { ...row, id, translationGroup, createdAt: at, updatedAt: at },
      });
      await tx.documentChange.create({ data: changeRow(document, DocumentChangeAction.ADDED, admin, at) });
      return document;
    }, transactionOptions);
    return documentFromRow(created);
  }

  @Mutation(() => Document, {
    description:
      "A network admin replaces a document of their network (of both, when it moves to another), if expectedVersion is still its version (else CONFLICT: reload it); recorded in Network.libraryChanges.",
  })
  async updateLibraryDocument(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => LibraryDocumentInput) input: LibraryDocumentInput,
    @CheckedArg("expectedVersion", () => Int, version, { nullable: true }) expectedVersion: number | null,
    @Ctx() { viewer, loaders }: LibraryContext,
  ): Promise<Document> {
    const admin = requireViewer(viewer);
    const existing = await this.ownDocument(id, admin, loaders, "change");
    const network = networkId(input.network, "input.network");
    requireAllowed(admin, isNetworkAdmin(admin, network), "move documents to a network you do not administer");
    const row = checkDocument(input);
    const translationGroup = await this.translationGroup(input, loaders, existing.translationGroup);
    const version = this.expected(existing, expectedVersion);
    const at = now();
    const updated = await loaders.db.$transaction(async (tx) => {
      // Only the version seen may change: of two concurrent updates one matches nothing.
      const { count } = await tx.document.updateMany({
        where: { id, version, withdrawnAt: null },
        data: { ...row, translationGroup, updatedAt: at, version: { increment: 1 } },
      });
      if (count === 0) throw this.stale(id, version);
      const document = await tx.document.findUniqueOrThrow({ where: { id } });
      await tx.documentChange.create({ data: changeRow(document, DocumentChangeAction.UPDATED, admin, at) });
      return document;
    }, transactionOptions);
    loaders.documentById.clear(id);
    return documentFromRow(updated);
  }

  @Mutation(() => Document, {
    description:
      "A network admin withdraws a document of their network, with the reason: it leaves every search and list, and only the network's admins still see it; recorded in Network.libraryChanges.",
  })
  async withdrawLibraryDocument(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String) reason: string,
    @CheckedArg("expectedVersion", () => Int, version, { nullable: true }) expectedVersion: number | null,
    @Ctx() { viewer, loaders }: LibraryContext,
  ): Promise<Document> {
    const admin = requireViewer(viewer);
    const existing = await this.ownDocument(id, admin, loaders, "withdraw");
    const why = requiredText(reason, "reason", 1000);
    const version = this.expected(existing, expectedVersion);
    const at = now();
    const withdrawn = await loaders.db.$transaction(async (tx) => {
      const { count } = await tx.document.updateMany({
        where: { id, version, withdrawnAt: null },
        data: { withdrawnAt: at, withdrawnReason: why, updatedAt: at, version: { increment: 1 } },
      });
      if (count === 0) throw this.stale(id, version);
      const document = await tx.document.findUniqueOrThrow({ where: { id } });
      await tx.documentChange.create({ data: changeRow(document, DocumentChangeAction.WITHDRAWN, admin, at, why) });
      return document;
    }, transactionOptions);
    loaders.documentById.clear(id);
    return documentFromRow(withdrawn);
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country it is from (members subgraph)." })
  country(@Root() document: Document): Country | null {
    return document.countryCode ? { code: document.countryCode } : null;
  }

  @FieldResolver(() => Network, { nullable: true, description: "The network that shares it." })
  network(@Root() document: Document): Network | null {
    return document.networkId ? { id: document.networkId } : null;
  }

  @FieldResolver(() => [Document], { description: "Its other language versions, by language." })
  async translations(@Root() document: Document, @Ctx() { loaders }: LibraryContext): Promise<Document[]> {
    const versions = await loaders.documentsByTranslationGroup.load(document.translationGroup);
    return versions.filter((version) => version.id !== document.id);
  }

  @FieldResolver(() => [TreatyArticle], {
    description: "The articles of the Budapest Convention and its Second Additional Protocol it concerns.",
  })
  articles(@Root() document: Document): TreatyArticle[] {
    return document.articleCodes.map(storedArticle);
  }

  @FieldResolver(() => Material, {
    nullable: true,
    description: "The training subgraph's material that is this same document, where there is one.",
  })
  trainingMaterial(@Root() document: Document): Material | null {
    return document.materialId ? { id: document.materialId } : null;
  }

  /** A document of a network the viewer administers, not withdrawn; else NOT_FOUND, FORBIDDEN or CONFLICT. */
  private async ownDocument(id: string, admin: Viewer, loaders: LibraryContext["loaders"], what: string) {
    // A document the viewer may not see is not found, as `document(id)` answers null for it.
    const existing = found(await loaders.db.document.findUnique({ where: { id } }), `document "${id}"`);
    if (existing.networkId === null)
      throw graphError("FORBIDDEN", `not allowed to ${what} the library's own reference documents (from its seed)`);
    requireAllowed(
      admin,
      isNetworkAdmin(admin, existing.networkId),
      `${what} documents of a network you do not administer`,
    );
    if (existing.withdrawnAt !== null)
      throw graphError("CONFLICT", `document "${id}" was withdrawn on ${existing.withdrawnAt.toISOString()}`);
    return existing;
  }

  /** The version a write may change: the one the caller saw, else the current one. */
  private expected(existing: DocumentRow, expectedVersion: number | null): number {
    if (expectedVersion !== null && expectedVersion !== existing.version)
      throw this.stale(existing.id, expectedVersion);
    return existing.version;
  }

  private stale(id: string, version: number) {
    return graphError("CONFLICT", `document "${id}" has changed since version ${version}; reload it`, {
      field: "expectedVersion",
    });
  }

  /** The group of the document it is a translation of (one the viewer sees), else its own. */
  private async translationGroup(input: LibraryDocumentInput, loaders: LibraryContext["loaders"], own: string) {
    if (input.translationOf == null) return own;
    const original = await loaders.documentById.load(input.translationOf);
    if (!original || original.withdrawnAt !== null)
      throw badUserInput(`no document "${input.translationOf}"`, "input.translationOf");
    return original.translationGroup;
  }
}
