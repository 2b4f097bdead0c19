import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema, keyOnly } from "../../common/federation";
import { countryCodeOrNull } from "../../common/validation";
import type { EjcnContext } from "./loaders";
import { BoardResolver, CountryEjcnBoardResolver } from "./resolvers/board";
import { EventEjcnResolver, OutcomeReportResolver, RestrictedMaterialResolver } from "./resolvers/plenary";
import { EjcnProductResolver } from "./resolvers/product";
import { NetworkWorkProgrammesResolver, WorkProgrammeResolver } from "./resolvers/work-programme";
import { Country, Event, Network } from "./types/stubs";

/** Entity representations come from the gateway but are untrusted: a key of the wrong shape resolves to null. */
export function buildEjcnSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<EjcnContext>({
    resolvers: [
      WorkProgrammeResolver,
      NetworkWorkProgrammesResolver,
      BoardResolver,
      CountryEjcnBoardResolver,
      EventEjcnResolver,
      OutcomeReportResolver,
      RestrictedMaterialResolver,
      EjcnProductResolver,
    ],
    orphanedTypes: [Country, Network, Event],
    referenceResolvers: {
      WorkProgramme: ({ id }, { loaders }) => (typeof id === "string" ? loaders.workProgrammeById.load(id) : null),
      Country: ({ code }) => {
        const known = countryCodeOrNull(code);
        return known ? { code: known } : null;
      },
      Network: keyOnly("id"),
      Event: keyOnly("id"),
    },
  });
}
