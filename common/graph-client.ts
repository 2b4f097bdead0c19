import { envPort, envString } from "./config";
import { graphError } from "./errors";
import { requestIdHeader } from "./http";
import { traceHeaders } from "./telemetry";

const lookupTimeoutMs = 5_000;

/** Where a subgraph reaches the graph: GATEWAY_URL, else the gateway on this machine's PORT (default 4000). */
export const gatewayUrl = () => envString("GATEWAY_URL", `http://127.0.0.1:${envPort("PORT", 4000)}/graphql`);

/**
 * A public query through the gateway, for a subgraph that must check a reference to another subgraph's entity before
 * it writes one. The gateway is the one place that knows every subgraph and its current data; a copied key list
 * would go stale between organisations. When the graph does not answer, `what` is refused, not written unchecked.
 */
export async function queryGraph<Data>(
  query: string,
  variables: Record<string, unknown>,
  what: string,
  requestId?: string,
): Promise<Data> {
  let body: { data?: Data; errors?: { message: string }[] };
  try {
    const response = await fetch(gatewayUrl(), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        // The check joins the trace of the write that asked for it.
        ...traceHeaders(),
        ...(requestId ? { [requestIdHeader]: requestId } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(lookupTimeoutMs),
    });
    body = (await response.json()) as typeof body;
  } catch {
    throw graphError("SERVICE_UNAVAILABLE", `cannot check ${what} now: the graph did not answer; nothing was saved`);
  }
  if (!body.data || body.errors?.length) {
    throw graphError(
      "SERVICE_UNAVAILABLE",
      `cannot check ${what} now: the graph answered with errors; nothing was saved`,
    );
  }
  return body.data;
}
