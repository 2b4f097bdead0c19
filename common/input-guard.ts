import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { Kind, visit, type ValueNode } from "graphql";
import { badUserInput } from "./errors";

/**
 * Text the graph cannot store: a NUL character (PostgreSQL text cannot hold it) or half of a UTF-16 surrogate pair
 * (not Unicode at all, so not UTF-8 either).
 */
// eslint-disable-next-line no-control-regex -- the NUL character is what it looks for
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The argument or input field path (e.g. `filter.search`, `input.channels.1.value`) of the first unstorable text. */
function unstorableInValue(value: unknown, path: string): string | null {
  if (typeof value === "string") return unstorable.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, element] of value.entries()) {
      const found = unstorableInValue(element, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, element] of Object.entries(value)) {
      const found = unstorableInValue(element, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function unstorableInLiteral(node: ValueNode, path: string, variables: Record<string, unknown>): string | null {
  switch (node.kind) {
    case Kind.STRING:
      return unstorable.test(node.value) ? path : null;
    case Kind.VARIABLE:
      return unstorableInValue(variables[node.name.value], path);
    case Kind.LIST:
      for (const [index, element] of node.values.entries()) {
        const found = unstorableInLiteral(element, `${path}.${index}`, variables);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = unstorableInLiteral(field.value, `${path}.${field.name.value}`, variables);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

/**
 * Refuses unstorable text in any argument, written in the document or passed as a variable, before
 * anything runs: BAD_USER_INPUT naming the argument, where the database would otherwise answer with an encoding
 * error. The gateway and every subgraph use it, so a subgraph reached directly refuses it too.
 */
export const refuseUnstorableText: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const variables = request.variables ?? {};
        let fault: string | null = null;
        visit(document, {
          Argument(argument) {
            fault ??= unstorableInLiteral(argument.value, argument.name.value, variables);
          },
        });
        // Thrown before execution, it needs its status: Apollo Server answers such errors with 500 by default.
        if (fault)
          throw badUserInput(`${fault} must be well-formed Unicode text without the NUL character (U+0000)`, fault, {
            http: { status: 400 },
          });
      },
    };
  },
};
