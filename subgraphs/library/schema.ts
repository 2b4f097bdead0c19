import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema, keyOnly } from "../../common/federation";
import { countryCodeOrNull } from "../../common/validation";
import type { LibraryContext } from "./loaders";
import { DocumentResolver } from "./resolvers/document";
import { CountryLibraryResolver, MaterialDocumentResolver, NetworkLibraryResolver } from "./resolvers/entities";
import { LibrarySearchResolver } from "./resolvers/search";
import { Country, Material, Network } from "./types/stubs";

/**
 * Entity representations come from the gateway but are untrusted: a members-only document resolves only for members
 * of its network (the viewer's client decides), a key of the wrong shape to null.
 */
export function buildLibrarySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<LibraryContext>({
    resolvers: [
      DocumentResolver,
      LibrarySearchResolver,
      CountryLibraryResolver,
      NetworkLibraryResolver,
      MaterialDocumentResolver,
    ],
    orphanedTypes: [Country, Network, Material],
    referenceResolvers: {
      Document: ({ id }, { loaders }) => (typeof id === "string" ? loaders.documentById.load(id) : null),
      Country: ({ code }) => {
        const known = countryCodeOrNull(code);
        return known ? { code: known } : null;
      },
      Network: keyOnly("id"),
      Material: keyOnly("id"),
    },
  });
}
