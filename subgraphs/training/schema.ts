import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema, keyOnly } from "../../common/federation";
import type { TrainingContext } from "./loaders";
import {
  CountryTrainingSessionsResolver,
  CourseResolver,
  MaterialResolver,
  NetworkCoursesResolver,
  TrainingSessionResolver,
} from "./resolvers/course";
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
    ],
    orphanedTypes: [Country, Network, Event],
    referenceResolvers: {
      Course: ({ id }, { loaders }) => (typeof id === "string" ? loaders.courseById.load(id) : null),
      Country: keyOnly("code"),
      Network: keyOnly("id"),
    },
  });
}
