import {
  getNamedType,
  GraphQLBoolean,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLUnionType,
  isLeafType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import { Random } from "./random";
import { generateValue, toJson, type Pools, type Value, type ValueContext, type ValueMode } from "./values";

/** The four viewers every operation is sent as, in rotation. */
export const viewerNames = ["anonymous", "member", "admin", "analyst"] as const;
export type ViewerName = (typeof viewerNames)[number];

/** The gateway's limits the generator keeps to. */
export interface GeneratorLimits {
  maxAliases: number;
}

export const defaultLimits: GeneratorLimits = { maxAliases: 15 };

export interface RootField {
  kind: "query" | "mutation";
  name: string;
}

export interface Operation {
  seed: number;
  index: number;
  viewer: ViewerName;
  root: RootField;
  /** valid: real values only; edge: edge values mixed in; wrong: some of the wrong type or shape too. */
  mode: "valid" | "edge" | "wrong";
  query: string;
  /** The variables as sent: JSON text, so numbers JSON cannot hold go as written. */
  variables: string;
  headers: Record<string, string>;
  /** Set when the request around the operation is odd (see `envelopes`): the body is then not the plain one. */
  envelope?: string;
  body: string;
}

/**
 * Odd requests around an operation, one in thirty: what a careless or hostile client sends besides a clean body. Each
 * takes the query (as JSON text) and the variables (JSON text).
 */
const envelopes: { name: string; body: (query: string, variables: string) => string }[] = [
  { name: "unknown operationName", body: (q, v) => `{"query":${q},"variables":${v},"operationName":"NotThere"}` },
  { name: "variables as a string", body: (q, v) => `{"query":${q},"variables":${JSON.stringify(v)}}` },
  { name: "variables as a list", body: (q, v) => `{"query":${q},"variables":[${v}]}` },
  { name: "variables null", body: (q) => `{"query":${q},"variables":null}` },
  { name: "a batch", body: (q, v) => `[{"query":${q},"variables":${v}},{"query":${q},"variables":${v}}]` },
  { name: "query not a string", body: (_q, v) => `{"query":{"query":"{ __typename }"},"variables":${v}}` },
  { name: "no query", body: (_q, v) => `{"variables":${v}}` },
  { name: "truncated JSON", body: (q, v) => `{"query":${q},"variables":${v}`.slice(0, -1) },
  { name: "duplicate keys", body: (q, v) => `{"query":"{ __typename }","query":${q},"variables":${v}}` },
  {
    name: "unknown persisted query",
    body: (q, v) =>
      `{"query":${q},"variables":${v},"extensions":{"persistedQuery":{"version":1,"sha256Hash":"${"0".repeat(64)}"}}}`,
  },
  {
    name: "persisted query without query",
    body: (_q, v) =>
      `{"variables":${v},"extensions":{"persistedQuery":{"version":1,"sha256Hash":"${"a".repeat(64)}"}}}`,
  },
  { name: "extensions not an object", body: (q, v) => `{"query":${q},"variables":${v},"extensions":"x"}` },
];

/** Every Query and Mutation field, by kind and name: operation i covers field floor(i / 4) mod n, as each viewer. */
export function rootFields(schema: GraphQLSchema): RootField[] {
  const of = (kind: RootField["kind"], type: GraphQLObjectType | null | undefined) =>
    Object.keys(type?.getFields() ?? {})
      .filter((name) => !name.startsWith("_"))
      .sort()
      .map((name) => ({ kind, name }));
  return [...of("query", schema.getQueryType()), ...of("mutation", schema.getMutationType())];
}

const modes: { name: Operation["mode"]; weight: number; values: ValueMode }[] = [
  { name: "valid", weight: 0.45, values: { edge: 0, wrong: 0 } },
  { name: "edge", weight: 0.4, values: { edge: 0.35, wrong: 0 } },
  { name: "wrong", weight: 0.15, values: { edge: 0.2, wrong: 0.08 } },
];

const acceptLanguages = ["pt", "fr-CA,fr;q=0.9,en;q=0.5", "es", "de", "*", "xx-YY", "en;q=abc", ""];

class Builder {
  private variableDefinitions: string[] = [];
  private variableValues: string[] = [];
  aliasesLeft: number;

  constructor(
    private readonly rng: Random,
    private readonly values: ValueContext,
    private readonly maxDepth: number,
    aliases: number,
  ) {
    this.aliasesLeft = aliases;
  }

  get definitions(): string {
    return this.variableDefinitions.length > 0 ? `(${this.variableDefinitions.join(", ")})` : "";
  }

  get variables(): string {
    return `{${this.variableValues.join(",")}}`;
  }

  /** A new variable of the position's type holding `value` (sometimes declared but not given, where nullable). */
  variable(type: GraphQLInputType, value: Value): string {
    const name = `v${this.variableDefinitions.length}`;
    this.variableDefinitions.push(`$${name}: ${String(type)}`);
    if (type instanceof GraphQLNonNull || !this.rng.chance(0.05))
      this.variableValues.push(`${JSON.stringify(name)}:${toJson(value)}`);
    return `$${name}`;
  }

  /** The value as a GraphQL literal; parts of it may still be variables, where their type is known. */
  literal(value: Value, type: GraphQLInputType | undefined, top: boolean): string {
    if (!top && type && value.kind !== "null" && this.rng.chance(0.12)) return this.variable(type, value);
    const inner = type instanceof GraphQLNonNull ? type.ofType : type;
    switch (value.kind) {
      case "null":
        return "null";
      case "scalar":
        return value.literal;
      case "list": {
        const itemType = inner instanceof GraphQLList ? inner.ofType : undefined;
        return `[${value.items.map((item) => this.literal(item, itemType, false)).join(", ")}]`;
      }
      case "object": {
        const fields = inner instanceof GraphQLInputObjectType ? inner.getFields() : {};
        return `{${value.fields
          .map((field) => `${field.name}: ${this.literal(field.value, fields[field.name]?.type, false)}`)
          .join(", ")}}`;
      }
    }
  }

  /**
   * `(a: …, b: $v1)`: required arguments always (unless the value is wrong by shape), optional ones sometimes; and
   * the page size asked for, when `first` is given as a number.
   */
  arguments(field: GraphQLField<unknown, unknown>, optionalChance: number): { text: string; first?: number } {
    const idOwner = getNamedType(field.type).name;
    const parts: string[] = [];
    let first: number | undefined;
    for (const arg of field.args) {
      const required = arg.type instanceof GraphQLNonNull && arg.defaultValue === undefined;
      if (required ? this.rng.chance(this.values.mode.wrong) : !this.rng.chance(optionalChance)) continue;
      const value = generateValue(this.values, arg.type, arg.name, idOwner);
      if (arg.name === "first" && value.kind === "scalar" && Number.isFinite(Number(value.json)))
        first = Number(value.json);
      const text = this.rng.chance(0.5) ? this.variable(arg.type, value) : this.literal(value, arg.type, true);
      parts.push(`${arg.name}: ${text}`);
    }
    if (this.rng.chance(this.values.mode.wrong)) parts.push(`notAnArgument: 1`);
    return { text: parts.length > 0 ? `(${parts.join(", ")})` : "", first };
  }

  directive(): string {
    if (!this.rng.chance(0.02)) return "";
    const condition = this.rng.chance(0.5)
      ? String(this.rng.chance(0.8))
      : this.variable(new GraphQLNonNull(GraphQLBoolean), {
          kind: "scalar",
          literal: "true",
          json: "true",
        });
    return this.rng.chance(0.5)
      ? ` @include(if: ${condition})`
      : ` @skip(if: ${condition === "true" ? "false" : condition})`;
  }

  /**
   * `alias: name(args) @directive { … }`. `fanOut` is how many times the field can occur in the answer (the product
   * of the list sizes above it), to keep the answer's size, and so the gateway's cost, mostly within limits.
   */
  field(
    parent: GraphQLNamedType,
    field: GraphQLField<unknown, unknown>,
    depth: number,
    optionalChance: number,
    fanOut: number,
    alias?: string,
  ): string {
    const named = getNamedType(field.type);
    const args = this.arguments(field, optionalChance);
    let text = `${alias ? `${alias}: ` : ""}${field.name}${args.text}${this.directive()}`;
    if (!isLeafType(named)) text += ` ${this.selection(named, depth, fanOut * itemsOf(parent, field, args.first))}`;
    return text;
  }

  /**
   * `{ … }` of a composite type at `depth` (the root field is depth 1): a few leaves, fewer objects deeper down, and
   * lists only while the answer stays small (one in thirty goes beyond: a refusal by cost is an answer to check too).
   */
  selection(type: GraphQLNamedType, depth: number, fanOut: number): string {
    const rng = this.rng;
    if (type instanceof GraphQLUnionType) {
      const parts = rng
        .sample(type.getTypes(), rng.int(1, 2))
        .map((member) => `... on ${member.name} ${this.selection(member, depth, fanOut)}`);
      return `{ __typename ${parts.join(" ")} }`;
    }
    if (!(type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType)) return "{ __typename }";
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)));
    const affordable = (field: GraphQLField<unknown, unknown>) =>
      fanOut * itemsOf(type, field) <= maxFanOut || rng.chance(1 / 30);
    const objects = fields.filter((field) => !isLeafType(getNamedType(field.type)) && affordable(field));
    const chosen: string[] = [];
    for (const field of rng.sample(leaves, rng.int(1, 4))) chosen.push(this.field(type, field, depth + 1, 0.3, fanOut));
    if (depth < this.maxDepth) {
      const count = rng.int(depth <= 2 ? 1 : 0, depth <= 2 ? 3 : 2);
      for (const field of rng.sample(objects, count)) chosen.push(this.field(type, field, depth + 1, 0.3, fanOut));
    }
    // The same field twice under aliases, with other arguments.
    // (A type of objects only, all too costly here, has nothing to alias: LibraryFacets.)
    const aliasable = [...leaves, ...objects];
    if (this.aliasesLeft > 0 && aliasable.length > 0 && rng.chance(0.08)) {
      const field = rng.pick(aliasable);
      if (field && (isLeafType(getNamedType(field.type)) || depth < this.maxDepth)) {
        this.aliasesLeft -= 1;
        chosen.push(this.field(type, field, depth + 1, 0.6, fanOut, `a${this.aliasesLeft}`));
      }
    }
    if (chosen.length === 0 || rng.chance(0.08)) chosen.unshift("__typename");
    return `{ ${chosen.join(" ")} }`;
  }
}

/** The most items a path of the selection may multiply to (lists of lists); beyond, the gateway's cost refuses. */
const maxFanOut = 2500;

/** A `<Name>Connection`: a page of items under `edges`. */
const isConnection = (type: GraphQLNamedType) =>
  type instanceof GraphQLObjectType && type.name.endsWith("Connection") && "edges" in type.getFields();

const isListField = (field: GraphQLField<unknown, unknown>) =>
  (field.type instanceof GraphQLNonNull ? field.type.ofType : field.type) instanceof GraphQLList;

/**
 * How many items a field of `parent` can return: a page (`first`, else 20) for a connection or a paged list, one
 * for the edges of a connection (its page is counted already) and for an object, a full page of 100 for a list.
 */
function itemsOf(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, first?: number): number {
  const page = first !== undefined ? Math.max(1, first) : 20;
  if (isConnection(parent) && field.name === "edges") return 1;
  if (isConnection(getNamedType(field.type))) return page;
  if (!isListField(field)) return 1;
  return field.args.some((arg) => arg.name === "first") ? page : 100;
}

export interface GeneratorSetup {
  schema: GraphQLSchema;
  pools: Pools;
  fields: RootField[];
  limits: GeneratorLimits;
}

/** Operation `index` of the run seeded with `seed`: a function of the two and the setup only, so it can be replayed. */
export function generateOperation(setup: GeneratorSetup, seed: number, index: number): Operation {
  const rng = Random.forOperation(seed, index);
  const viewer = viewerNames[index % viewerNames.length];
  const root = setup.fields[Math.floor(index / viewerNames.length) % setup.fields.length];
  let roll = rng.next();
  const mode = modes.find((candidate) => (roll -= candidate.weight) < 0) ?? modes[0];
  const headers: Record<string, string> = {};
  if (rng.chance(0.15)) headers["accept-language"] = rng.pick(acceptLanguages);

  const maxDepth = rng.int(2, 5);
  const values: ValueContext = { rng, pools: setup.pools, mode: mode.values, hugeLeft: 1 };
  const builder = new Builder(rng, values, maxDepth, Math.min(rng.int(0, 4), setup.limits.maxAliases));
  const type = root.kind === "query" ? setup.schema.getQueryType()! : setup.schema.getMutationType()!;
  const selections = [builder.field(type, type.getFields()[root.name], 1, 0.6, 1)];
  // Queries sometimes ask for other root fields beside, under aliases; a mutation has one root field, so that the
  // data check knows which one failed.
  if (root.kind === "query" && rng.chance(0.15)) {
    const others = setup.fields.filter((field) => field.kind === "query");
    for (let i = 0; i < rng.int(1, 2) && builder.aliasesLeft > 0; i++) {
      builder.aliasesLeft -= 1;
      selections.push(builder.field(type, type.getFields()[rng.pick(others).name], 1, 0.6, 1, `also${i}`));
    }
  }
  const operationType = root.kind === "query" ? (rng.chance(0.3) ? "" : "query") : "mutation";
  const head = operationType || builder.definitions ? `${operationType || "query"} Fuzz${builder.definitions} ` : "";
  const query = `${head}{ ${selections.join(" ")} }`;
  const variables = builder.variables;
  const envelope = rng.chance(1 / 30) ? rng.pick(envelopes) : undefined;
  const body = envelope
    ? envelope.body(JSON.stringify(query), variables)
    : `{"query":${JSON.stringify(query)},"variables":${variables}}`;
  return { seed, index, viewer, root, mode: mode.name, query, variables, headers, envelope: envelope?.name, body };
}
