// The values of each deployable unit: the gateway, and each subgraph on its own (a network deploys only its
// subgraph, with its own values). Defaults come from the supergraph (name, port) and deploy/sizing.ts; a values file
// (YAML or JSON, deploy/values/<unit>.yaml or `--values`) overrides any of them.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import packageJson from "../package.json";
import { sizingOf } from "./sizing";

const dnsLabel = z
  .string()
  .regex(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/, "lower-case letters, digits and hyphens, starting with a letter");
const secretKey = z.object({ name: dnsLabel, key: z.string().regex(/^[-._a-zA-Z0-9]+$/) });
const quantity = z.string().regex(/^\d+(\.\d+)?(m|Mi|Gi)?$/, "a Kubernetes quantity such as 500m, 512Mi or 1Gi");

const common = {
  namespace: dnsLabel.default("cybercrime-graph"),
  image: z.string().min(1).default(`cybercrime-networks-graph:${packageJson.version}`),
  replicas: z
    .object({ min: z.number().int().min(1), max: z.number().int().min(1) })
    .refine((range) => range.min <= range.max, "replicas.min must not exceed replicas.max")
    .optional(),
  resources: z
    .object({
      cpu: z.object({ request: quantity, limit: quantity }).partial().default({}),
      memory: z.object({ request: quantity, limit: quantity }).partial().default({}),
    })
    .partial()
    .default({}),
  /** More environment variables, e.g. `LOG_LEVEL` or a subgraph's own settings (README, "Configuration"). */
  env: z.record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/), z.string()).default({}),
};

export const subgraphValuesSchema = z.strictObject({
  ...common,
  /** The Secret key holding its `postgresql://` URL (with `?schema=` where it shares a database). */
  database: secretKey.optional(),
  /** Where the subgraph reaches the gateway: its JWKS, and the graph for reference checks. */
  gatewayUrl: z.url().optional(),
});

export const gatewayValuesSchema = z.strictObject({
  ...common,
  port: z.number().int().min(1).max(65535).default(4000),
  /** Where the gateway reaches each subgraph, by name; by default its Service in this namespace. */
  subgraphUrls: z.record(z.string(), z.url()).default({}),
  /** The JWK set of the gateway's private keys (`npm run --silent signing-key`), as a Secret mounted as a file. */
  signingKeys: secretKey.default({ name: "gateway-signing-keys", key: "keys.json" }),
  /** HS256 secret of client tokens; or set JWT_JWKS_URL in `env` for an identity provider and leave it out. */
  jwtSecret: secretKey.nullable().default({ name: "gateway-secrets", key: "jwt-secret" }),
  /** Where every gateway replica counts the same rate-limit allowances (a `postgresql://` URL). */
  rateLimitDatabase: secretKey.nullable().default({ name: "gateway-secrets", key: "rate-limit-database-url" }),
});

export type SubgraphValues = z.infer<typeof subgraphValuesSchema>;
export type GatewayValues = z.infer<typeof gatewayValuesSchema>;

/** A unit's values file: `file` when given, else deploy/values/<unit>.yaml when it exists, else nothing. */
export function readValuesFile(unit: string, file?: string): unknown {
  const chosen = file ?? path.join(__dirname, "values", `${unit}.yaml`);
  if (!file && !fs.existsSync(chosen)) return {};
  const parsed: unknown = parse(fs.readFileSync(chosen, "utf8"));
  return parsed ?? {};
}

/** Values checked against their schema; a bad one names its field. */
export function checkValues<Schema extends z.ZodType>(unit: string, schema: Schema, raw: unknown): z.infer<Schema> {
  const result = schema.safeParse(raw);
  if (!result.success)
    throw new Error(
      `values of ${unit}: ${result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ")}`,
    );
  return result.data;
}

/** Requests, limits, heap and replica range: the values' where given, else the measured sizing. */
export function resourcesOf(unit: string, values: SubgraphValues | GatewayValues) {
  const sizing = sizingOf(unit);
  const memoryLimit = values.resources.memory?.limit ?? `${sizing.memoryLimitMi}Mi`;
  return {
    cpu: {
      request: values.resources.cpu?.request ?? `${sizing.cpuRequestMillicores}m`,
      limit: values.resources.cpu?.limit ?? `${sizing.cpuLimitMillicores}m`,
    },
    memory: { request: values.resources.memory?.request ?? `${sizing.memoryRequestMi}Mi`, limit: memoryLimit },
    heapMi: Math.floor(mebibytes(memoryLimit) * 0.75),
    replicas: values.replicas ?? { min: sizing.minReplicas, max: sizing.maxReplicas },
  };
}

function mebibytes(memory: string): number {
  const [, amount, unit] = /^(\d+(?:\.\d+)?)(Mi|Gi)?$/.exec(memory) ?? [];
  if (!amount) throw new Error(`memory ${memory}: give it in Mi or Gi`);
  return unit === "Gi" ? Number(amount) * 1024 : unit === "Mi" ? Number(amount) : Number(amount) / 2 ** 20;
}
