import type { JWTPayload } from "jose";
import { createMethodMiddlewareDecorator } from "type-graphql";
import { envFlag, envOptional, isProduction } from "./config";
import { graphError } from "./errors";
import { logger } from "./logger";

/**
 * Identity and access, shared by the gateway and every subgraph: institution facts are public,
 * person facts are for members of a network the viewer shares, network admins manage their own network.
 */
export const networkRoles = ["MEMBER", "CONTACT_POINT", "NETWORK_ADMIN"] as const;
export type NetworkRole = (typeof networkRoles)[number];

export interface Viewer {
  sub: string;
  name: string | null;
  /** Network id → roles in that network. */
  networks: Record<string, NetworkRole[]>;
  authorityId: string | null;
  analyst: boolean;
}

export class InvalidClaims extends Error {}

/** The viewer a token's claims describe; throws InvalidClaims when they do not have the documented shape. */
export function viewerFromClaims(claims: JWTPayload): Viewer {
  const { sub, name, networks = {}, authorityId, analyst = false } = claims as Record<string, unknown>;
  if (typeof sub !== "string" || sub === "") throw new InvalidClaims("claim sub must be a non-empty string");
  if (name !== undefined && typeof name !== "string") throw new InvalidClaims("claim name must be a string");
  if (authorityId !== undefined && authorityId !== null && typeof authorityId !== "string")
    throw new InvalidClaims("claim authorityId must be a string");
  if (typeof analyst !== "boolean") throw new InvalidClaims("claim analyst must be a boolean");
  if (typeof networks !== "object" || networks === null || Array.isArray(networks)) {
    throw new InvalidClaims("claim networks must be an object of network id → roles");
  }
  const checkedNetworks: Record<string, NetworkRole[]> = {};
  for (const [networkId, roles] of Object.entries(networks)) {
    if (!Array.isArray(roles) || !roles.every((role) => networkRoles.includes(role))) {
      throw new InvalidClaims(`claim networks.${networkId} must list roles among ${networkRoles.join(", ")}`);
    }
    checkedNetworks[networkId] = [...new Set(roles as NetworkRole[])];
  }
  return {
    sub,
    name: name ?? null,
    networks: checkedNetworks,
    authorityId: (authorityId as string | undefined) ?? null,
    analyst,
  };
}

export function viewerClaims(viewer: Viewer): JWTPayload {
  return {
    sub: viewer.sub,
    name: viewer.name ?? undefined,
    networks: viewer.networks,
    authorityId: viewer.authorityId ?? undefined,
    analyst: viewer.analyst,
  };
}

/** True outside production: development defaults for secrets are allowed there only. */
export const developmentMode = () => !isProduction();

/** A secret from the environment, a fixed development default outside production, and an error in production. */
export function secretFromEnv(variable: string, developmentDefault: string): Uint8Array {
  const value = envOptional(variable);
  if (value) {
    if (value.length < 32) throw new Error(`${variable} must be at least 32 characters`);
    return new TextEncoder().encode(value);
  }
  if (!developmentMode()) throw new Error(`${variable} must be set when NODE_ENV=production`);
  return new TextEncoder().encode(developmentDefault);
}

/** An interface only this machine reaches. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export const allowDevelopmentSecretsVariable = "ALLOW_DEVELOPMENT_SECRETS_BEYOND_LOOPBACK";

/**
 * Refuses to listen beyond this machine while a secret is the development default printed in this repository: anyone
 * on the network could sign a network admin's token. Loopback is the default; another interface needs real secrets,
 * or an explicit opt-in that is logged as a warning at every start.
 */
export function checkSecretsForInterface(service: string, host: string, secretVariables: string[]): void {
  const defaulted = secretVariables.filter((variable) => envOptional(variable) === undefined);
  if (isLoopbackHost(host) || defaulted.length === 0) return;
  const risk = `${service} listens on ${host} with the development ${defaulted.join(" and ")} of this repository: anyone who can reach it can sign tokens`;
  if (!envFlag(allowDevelopmentSecretsVariable, false)) {
    throw new Error(
      `${risk}. Set ${defaulted.join(" and ")}, listen on 127.0.0.1, or set ${allowDevelopmentSecretsVariable}=true to accept the risk.`,
    );
  }
  logger.warn({ service, host, secrets: defaulted }, `INSECURE: ${risk} (${allowDevelopmentSecretsVariable}=true)`);
}

// The rules. Each takes the viewer (null when anonymous).
export const rolesIn = (viewer: Viewer | null, networkId: string): NetworkRole[] => viewer?.networks[networkId] ?? [];
export const isMemberOf = (viewer: Viewer | null, networkId: string) => rolesIn(viewer, networkId).length > 0;
export const isNetworkAdmin = (viewer: Viewer | null, networkId: string) =>
  rolesIn(viewer, networkId).includes("NETWORK_ADMIN");
export const isNetworkAdminAnywhere = (viewer: Viewer | null) =>
  Object.values(viewer?.networks ?? {}).some((roles) => roles.includes("NETWORK_ADMIN"));

/** The signed-in viewer, or UNAUTHENTICATED. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw graphError("UNAUTHENTICATED", "sign in to do this");
  return viewer;
}

/** Anonymous → UNAUTHENTICATED; signed in but not allowed → FORBIDDEN. */
export function requireAllowed(viewer: Viewer | null, allowed: boolean, what: string): Viewer {
  const signedIn = requireViewer(viewer);
  if (!allowed) throw graphError("FORBIDDEN", `not allowed to ${what}`);
  return signedIn;
}

/**
 * Guards one field (also when reached through `_entities`): when the rule says no, the field is null with a
 * FORBIDDEN error at its path and the rest of the answer stays. The field must be nullable.
 */
export function Guard<Root = unknown>(
  rule: (viewer: Viewer | null, root: Root) => boolean | Promise<boolean>,
  what: string,
): MethodDecorator {
  return createMethodMiddlewareDecorator<{ viewer: Viewer | null }>(async ({ context, root }, next) => {
    if (!(await rule(context.viewer, root as Root))) {
      throw graphError("FORBIDDEN", `not allowed to read ${what}`);
    }
    return next();
  });
}
