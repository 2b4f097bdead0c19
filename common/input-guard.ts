import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { Kind, visit, type ValueNode } from "graphql";
import { badUserInput } from "./errors";

/** The one character no text of the graph may hold: PostgreSQL text cannot store it. */
const nul = "\u0000";

/** The argument or input field path (e.g. `filter.search`, `input.channels.1.value`) of the first NUL in a value. */
function nulInValue(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes(nul) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, element] of value.entries()) {
      const found = nulInValue(element, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, element] of Object.entries(value)) {
      const found = nulInValue(element, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function nulInLiteral(node: ValueNode, path: string, variables: Record<string, unknown>): string | null {
  switch (node.kind) {
    case Kind.STRING:
      return node.value.includes(nul) ? path : null;
    case Kind.VARIABLE:
      return nulInValue(variables[node.name.value], path);
    case Kind.LIST:
      for (const [index, element] of node.values.entries()) {
        const found = nulInLiteral(element, `${path}.${index}`, variables);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = nulInLiteral(field.value, `${path}.${field.name.value}`, variables);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

/**
 * Refuses text with a NUL character in any argument, written in the document or passed as a variable, before
 * anything runs: BAD_USER_INPUT naming the argument, where the database would otherwise answer with an encoding
 * error. The gateway and every subgraph use it, so a subgraph reached directly refuses it too.
 */
export const refuseNulCharacters: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const variables = request.variables ?? {};
        let fault: string | null = null;
        visit(document, {
          Argument(argument) {
            fault ??= nulInLiteral(argument.value, argument.name.value, variables);
          },
        });
        // Thrown before execution, it needs its status: Apollo Server answers such errors with 500 by default.
        if (fault)
          throw badUserInput(`${fault} must not contain the NUL character (U+0000)`, fault, { http: { status: 400 } });
      },
    };
  },
};
