import { Kind, type TypeNode } from "graphql";
import type http from "node:http";
import type { Route } from "../common/http";
import { logger } from "../common/logger";
import type { CatalogueOperation } from "./catalogue";

// Any catalogue operation's answer as CSV: GET /export/<operation>.csv?<variable>=<value>. It is run through the graph
// itself (the gateway's own /graphql, with the request's Authorization and Accept-Language), so the token rules,
// limits and rate limits are those of any query. Only catalogue operations run here: never a document from the URL.
const exportPath = /^\/export\/([A-Za-z][A-Za-z0-9]{0,63})\.csv$/;
const timeoutMs = 30_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Row = Record<string, Json>;

/**
 * The answer as rows: one row per item of the innermost lists, with the fields of the objects around it repeated;
 * nested objects become dotted columns (`country.name`). Sibling lists would multiply, so a catalogue operation
 * selects one list per level.
 */
export function rowsOf(value: Json, prefix = ""): Row[] {
  if (Array.isArray(value)) return value.length === 0 ? [{}] : value.flatMap((item) => rowsOf(item, prefix));
  if (value !== null && typeof value === "object") {
    let rows: Row[] = [{}];
    for (const [key, field] of Object.entries(value)) {
      const fieldRows = rowsOf(field, prefix ? `${prefix}.${key}` : key);
      rows = rows.flatMap((row) => fieldRows.map((fieldRow) => ({ ...row, ...fieldRow })));
    }
    return rows;
  }
  return [{ [prefix]: value }];
}

/** RFC 4180 text; a text cell that a spreadsheet would take for a formula is prefixed with an apostrophe. */
export function toCsv(rows: Row[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: Json | undefined): string => {
    if (value === null || value === undefined) return "";
    let text = typeof value === "string" ? value : JSON.stringify(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.map(cell), ...rows.map((row) => columns.map((column) => cell(row[column])))]
    .map((line) => line.join(","))
    .join("\r\n")
    .concat("\r\n");
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/** Query-string values as the operation's variables, by their declared types; an unknown name is the client's error. */
function variablesOf(operation: CatalogueOperation, search: URLSearchParams): Record<string, unknown> | string {
  const declared = new Map(
    (operation.operation.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      namedType(definition.type),
    ]),
  );
  const variables: Record<string, unknown> = {};
  for (const [name, text] of search) {
    const type = declared.get(name);
    if (!type)
      return `${operation.name} has no variable ${name}; it takes: ${[...declared.keys()].join(", ") || "none"}`;
    variables[name] = type === "Int" || type === "Float" ? Number(text) : type === "Boolean" ? text === "true" : text;
  }
  return variables;
}

const statusOf = (code: unknown) =>
  code === "UNAUTHENTICATED" ? 401 : code === "FORBIDDEN" ? 403 : code === "RATE_LIMITED" ? 429 : 400;

const sendText = (response: http.ServerResponse, status: number, text: string) =>
  void response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(`${text}\n`);

/** This gateway's own /graphql, as the connection reached it (the gateway serves plain HTTP; subgraphs may not). */
function ownGraphqlUrl(request: http.IncomingMessage): string {
  const address = request.socket.localAddress ?? "127.0.0.1";
  const host = address.includes(":") ? `[${address}]` : address;
  return `http://${host}:${request.socket.localPort}/graphql`;
}

export function exportRoute(
  catalogue: Map<string, CatalogueOperation>,
  graphqlUrl: (request: http.IncomingMessage) => string = ownGraphqlUrl,
): Route {
  const usage = `exports: /export/<operation>.csv?<variable>=<value>, operation one of ${[...catalogue.keys()].join(", ")}`;
  return async (request, response) => {
    if (request.method !== "GET") return void response.writeHead(405, { allow: "GET" }).end();
    const url = new URL(request.url ?? "/", "http://localhost");
    const name = exportPath.exec(url.pathname)?.[1];
    const operation = name ? catalogue.get(name) : undefined;
    if (!operation) return sendText(response, 404, usage);
    const variables = variablesOf(operation, url.searchParams);
    if (typeof variables === "string") return sendText(response, 400, variables);
    let status: number;
    let body: { data?: Record<string, Json> | null; errors?: { message: string; extensions?: { code?: unknown } }[] };
    try {
      const answer = await fetch(graphqlUrl(request), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
          ...(typeof request.headers["accept-language"] === "string"
            ? { "accept-language": request.headers["accept-language"] }
            : {}),
        },
        body: JSON.stringify({ query: operation.document, operationName: operation.name, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = answer.status;
      body = (await answer.json()) as typeof body;
    } catch (error) {
      logger.warn({ err: error, operation: operation.name }, "export: the graph did not answer");
      return sendText(response, 502, "the graph did not answer");
    }
    // A CSV with a hole where a refused or failed field was would read as complete: any error refuses the export.
    if (body.errors?.length || !body.data) {
      const first = body.errors?.[0];
      const code = first?.extensions?.code;
      const text = (body.errors ?? []).map((error) => `${String(error.extensions?.code ?? "ERROR")}: ${error.message}`);
      return sendText(response, status >= 400 ? status : statusOf(code), text.join("\n") || "no answer");
    }
    response
      .writeHead(200, {
        "content-type": "text/csv; charset=utf-8; header=present",
        "content-disposition": `attachment; filename="${operation.name}.csv"`,
        "cache-control": "no-store",
      })
      .end(toCsv(rowsOf(Object.keys(body.data).length === 1 ? Object.values(body.data)[0] : body.data)));
  };
}
