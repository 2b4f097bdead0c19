import { HEALTH_CHECK_QUERY } from "@apollo/gateway";
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import type { SubgraphSource } from "./subgraph-source";

/** How long /ready waits for each subgraph's answer. */
const readinessTimeoutMs = 3000;

/**
 * The subgraphs that do not answer `{ __typename }` in time, by name: the gateway's /ready lists them. Asked
 * through each subgraph's own client, so TLS, the CA and the timeout are those of real requests.
 */
export async function unavailableSubgraphs(sources: ReadonlyMap<string, SubgraphSource>): Promise<string[]> {
  const checks = [...sources].map(async ([name, source]) => {
    let timer: NodeJS.Timeout | undefined;
    const answered = await Promise.race([
      source
        .process({
          kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
          request: { query: HEALTH_CHECK_QUERY },
          context: {},
        })
        .then(
          (response) => !response.errors?.length,
          () => false,
        ),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), readinessTimeoutMs))),
    ]);
    clearTimeout(timer);
    return answered ? null : name;
  });
  return (await Promise.all(checks)).filter((name): name is string => name !== null);
}
