import DataLoader from "dataloader";
import type { Viewer } from "../../common/auth";
import type { SubgraphContext } from "../../common/context";
import { entityLoader, groupLoader } from "../../common/loaders";
import type { PrismaClient } from "../../prisma/library/generated/client";
import { documentFromRow } from "./domain";
import type { Document } from "./types/document";
import { libraryClientFor, librarySqlFor, type LibrarySql } from "./visibility";

/** The newest documents of one network or country: `first` of them, of the given kinds (all when none). */
export interface NewestDocuments {
  key: string;
  kinds: readonly string[];
  first: number;
}

/**
 * Newest documents per key, batched: one statement for every key asked with the same kinds and size (a list of
 * networks each with its library costs one), then the documents by id.
 */
function newestLoader(sql: LibrarySql, column: "networkId" | "countryCode", byId: DataLoader<string, Document | null>) {
  return new DataLoader<NewestDocuments, Document[], string>(
    async (asked) => {
      const groups = new Map<string, { kinds: readonly string[]; first: number; keys: string[] }>();
      for (const { key, kinds, first } of asked) {
        const group = groups.get(`${kinds.join(",")}|${first}`) ?? { kinds, first, keys: [] };
        group.keys.push(key);
        groups.set(`${kinds.join(",")}|${first}`, group);
      }
      const found = new Map<string, string[]>();
      for (const { kinds, first, keys } of groups.values()) {
        for (const { key, id } of await sql.newestByKey(column, keys, kinds, first)) {
          const slot = `${key}|${kinds.join(",")}|${first}`;
          found.set(slot, [...(found.get(slot) ?? []), id]);
        }
      }
      return Promise.all(
        asked.map(async ({ key, kinds, first }) => {
          const documents = await byId.loadMany(found.get(`${key}|${kinds.join(",")}|${first}`) ?? []);
          return documents.filter(
            (document): document is Document => document !== null && !(document instanceof Error),
          );
        }),
      );
    },
    { cacheKeyFn: ({ key, kinds, first }) => `${key}|${kinds.join(",")}|${first}` },
  );
}

/**
 * Per-request DataLoaders over the viewer's client (visibility.ts): a document the viewer may not see loads as null.
 * `db` is that client and `sql` the library's own statements (search, newest per key), for the resolvers.
 */
export function createLibraryLoaders(prisma: PrismaClient, viewer: Viewer | null) {
  const db = libraryClientFor(prisma, viewer);
  const sql = librarySqlFor(prisma, viewer);
  const documentById = entityLoader(
    async (ids: readonly string[]) =>
      (await db.document.findMany({ where: { id: { in: [...ids] } } })).map(documentFromRow),
    (document) => document.id,
  );
  return {
    db,
    sql,
    documentById,
    documentByMaterial: entityLoader(
      async (ids: readonly string[]) =>
        (await db.document.findMany({ where: { materialId: { in: [...ids] }, withdrawnAt: null } })).map(
          documentFromRow,
        ),
      // The query names materials, so every document it returns has one.
      (document) => document.materialId ?? "",
    ),
    /** Language versions, the document itself included, by language; withdrawn ones left out. */
    documentsByTranslationGroup: groupLoader(
      async (groups: readonly string[]) =>
        (
          await db.document.findMany({
            where: { translationGroup: { in: [...groups] }, withdrawnAt: null },
            orderBy: [{ language: "asc" }, { id: "asc" }],
          })
        ).map(documentFromRow),
      (document) => document.translationGroup,
    ),
    newestByNetwork: newestLoader(sql, "networkId", documentById),
    newestByCountry: newestLoader(sql, "countryCode", documentById),
  };
}

export type LibraryLoaders = ReturnType<typeof createLibraryLoaders>;

/**
 * The context as this subgraph's resolvers see it: the shared client (`prisma`) is left out on purpose, so that every
 * statement goes through `loaders.db` and `loaders.sql`, the viewer's (visibility.ts).
 */
export type LibraryContext = Omit<SubgraphContext<PrismaClient, LibraryLoaders>, "prisma">;
