import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema, keyOnly } from "../../common/federation";
import { countryCodeOrNull } from "../../common/validation";
import type { TrainingContext } from "./loaders";
import {
  CountryTrainingSessionsResolver,
  CourseResolver,
  MaterialResolver,
  NetworkCoursesResolver,
  TrainingSessionResolver,
} from "./resolvers/course";
import { TrainingCoverageResolver } from "./resolvers/coverage";
import { Country, Event, Network } from "./types/stubs";

/** Entity representations are untrusted: keys of the wrong shape resolve to null. */
export function buildTrainingSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<TrainingContext>({
    resolvers: [
      CourseResolver,
      TrainingSessionResolver,
      MaterialResolver,
      NetworkCoursesResolver,
      CountryTrainingSessionsResolver,
      TrainingCoverageResolver,
    ],
    orphanedTypes: [Country, Network, Event],
    referenceResolvers: {
      Course: ({ id }, { loaders }) => (typeof id === "string" ? loaders.courseById.load(id) : null),
      Material: ({ id }, { loaders }) => (typeof id === "string" ? loaders.materialById.load(id) : null),
      // A code that is not ISO 3166-1 alpha-2 names no country: null, as in the members subgraph.
      Country: ({ code }) => {
        const known = countryCodeOrNull(code);
        return known ? { code: known } : null;
      },
      Network: keyOnly("id"),
    },
  });
}
