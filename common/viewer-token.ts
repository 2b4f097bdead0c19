import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  type KeyLike,
} from "jose";
import { LRUCache } from "lru-cache";
import fs from "node:fs";
import type { Agent } from "node:http";
import { viewerClaims, viewerFromClaims, type Viewer } from "./auth";
import { envOptional, envPositiveInt, envString, isProduction } from "./config";
import { gatewayUrl } from "./graph-client";

/**
 * The gateway passes the viewer on to a subgraph as a short-lived token it signs with its own private key (ES256),
 * for that subgraph alone (audience = the subgraph's name). Subgraphs verify it with the gateway's public keys (its
 * JWKS at /.well-known/jwks.json, or a copy in a file) and trust nothing else: no secret is shared with any subgraph,
 * so a subgraph run by one network cannot mint tokens that another subgraph accepts.
 */
export const viewerTokenHeader = "x-viewer-token";
export const jwksPath = "/.well-known/jwks.json";
const issuer = "gateway";
const algorithm = "ES256";
const lifetimeSeconds = 60;
/** Viewer tokens signed or verified, kept for reuse: one entry per viewer and subgraph in use. */
const cachedTokens = 10_000;

/** The gateway's keys: `signing` signs; `published` holds the public keys of all, two during a rotation. */
export interface SigningKeys {
  signing: { kid: string; key: KeyLike | Uint8Array };
  published: JSONWebKeySet;
}

/** A new private signing key as a JWK, with its `kid` (`npm run --silent signing-key` prints one). */
export async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(algorithm, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return {
    ...jwk,
    kid: `gateway-${new Date().toISOString().slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}`,
    alg: algorithm,
    use: "sig",
  };
}

/** Signing keys from a JWK set of private keys: the first signs, every one is published. */
export async function signingKeysFrom(privateSet: { keys: JWK[] }, origin = "the key set"): Promise<SigningKeys> {
  if (!Array.isArray(privateSet.keys) || privateSet.keys.length === 0)
    throw new Error(`${origin}: "keys" must list one or more keys`);
  const published: JWK[] = [];
  for (const [index, jwk] of privateSet.keys.entries()) {
    if (jwk.kty !== "EC" || jwk.crv !== "P-256" || !jwk.d || !jwk.kid) {
      throw new Error(`${origin}: key ${index} must be a private EC P-256 key (ES256) with a kid`);
    }
    const { d: _private, ...publicJwk } = jwk;
    published.push({ ...publicJwk, alg: algorithm, use: "sig" });
  }
  const [first] = privateSet.keys;
  return {
    signing: { kid: first.kid!, key: await importJWK({ ...first, alg: algorithm }, algorithm) },
    published: { keys: published },
  };
}

/**
 * The gateway's keys from GATEWAY_SIGNING_KEYS_FILE (a JWK set of private keys); outside production, without it, a
 * key made at start (its subgraphs fetch the JWKS again when they meet its new `kid`).
 */
export async function signingKeysFromEnv(): Promise<SigningKeys> {
  const file = envOptional("GATEWAY_SIGNING_KEYS_FILE");
  if (file)
    return signingKeysFrom(JSON.parse(fs.readFileSync(file, "utf8")) as { keys: JWK[] }, "GATEWAY_SIGNING_KEYS_FILE");
  if (isProduction()) throw new Error("GATEWAY_SIGNING_KEYS_FILE must be set when NODE_ENV=production");
  return signingKeysFrom({ keys: [await newSigningKey()] });
}

export function signViewerToken(viewer: Viewer, subgraph: string, keys: SigningKeys): Promise<string> {
  return new SignJWT(viewerClaims(viewer))
    .setProtectedHeader({ alg: algorithm, kid: keys.signing.kid, typ: "JWT" })
    .setIssuer(issuer)
    .setAudience(subgraph)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(keys.signing.key);
}

export type ViewerTokenSigner = (viewer: Viewer, subgraph: string) => Promise<string>;

/**
 * The gateway's signer: a viewer's token for a subgraph is signed once and reused while more than half its lifetime
 * is left. An ES256 signature per subgraph call was the largest part of the gateway's own CPU on the benchmark's
 * queries; a reused token lives no longer than a fresh one, and a change in the viewer's claims is a new token.
 */
export function viewerTokenSigner(keys: SigningKeys): ViewerTokenSigner {
  const tokens = new LRUCache<string, Promise<string>>({ max: cachedTokens, ttl: (lifetimeSeconds / 2) * 1000 });
  return (viewer, subgraph) => {
    const key = `${subgraph}\n${JSON.stringify(viewerClaims(viewer))}`;
    let token = tokens.get(key);
    if (!token) {
      token = signViewerToken(viewer, subgraph, keys);
      tokens.set(key, token);
      token.catch(() => tokens.delete(key));
    }
    return token;
  };
}

/** Where a subgraph finds the gateway's public keys. */
export type ViewerKeys = JWTVerifyGetKey;

export const viewerKeysFrom = (published: JSONWebKeySet): ViewerKeys => createLocalJWKSet(published);

/**
 * The gateway's public keys for a subgraph: GATEWAY_PUBLIC_KEYS_FILE (a JWK set, for hosts that may not call the
 * gateway), else the JWKS at GATEWAY_JWKS_URL (default: the gateway's, beside GATEWAY_URL), fetched when first needed,
 * kept GATEWAY_JWKS_CACHE_SECONDS (default 600), and fetched again when a token names a `kid` it does not hold (at most
 * every 30 s). A rotation therefore publishes a new key at least that long before it signs with it.
 */
export function viewerKeysFromEnv(agent?: Agent): ViewerKeys {
  const file = envOptional("GATEWAY_PUBLIC_KEYS_FILE");
  if (file) return viewerKeysFrom(JSON.parse(fs.readFileSync(file, "utf8")) as JSONWebKeySet);
  let remote: ViewerKeys | undefined;
  return (header, token) => {
    const cacheSeconds = envPositiveInt("GATEWAY_JWKS_CACHE_SECONDS", 600);
    remote ??= createRemoteJWKSet(new URL(envString("GATEWAY_JWKS_URL", new URL(jwksPath, gatewayUrl()).toString())), {
      agent,
      cacheMaxAge: cacheSeconds * 1000,
      cooldownDuration: Math.min(30, cacheSeconds) * 1000,
    });
    return remote(header, token);
  };
}

/** The viewer of a token the gateway signed for this subgraph, and when the token expires; null for anything else. */
async function verifiedViewerToken(token: string | undefined, subgraph: string, keys: ViewerKeys) {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer,
      audience: subgraph,
      algorithms: [algorithm],
      requiredClaims: ["exp"],
    });
    return { viewer: viewerFromClaims(payload), expiresAt: payload.exp! * 1000 };
  } catch {
    return null;
  }
}

/**
 * A subgraph's verifier, giving the viewer of a token the gateway signed for this subgraph, or null (anonymous) for
 * anything else. A token it has verified is trusted again, without checking its signature, until it expires
 * (the gateway reuses a viewer's token for half its lifetime). Only valid tokens are kept, each with a frozen viewer
 * shared by the requests that carry it; a token is refused once expired, as jose would. A key the gateway withdraws
 * stops signing new tokens at once; those it signed before stay trusted until they expire, at most 60 s.
 */
export function viewerTokenVerifier(
  subgraph: string,
  keys: ViewerKeys,
): (token: string | undefined) => Promise<Viewer | null> {
  const verified = new LRUCache<string, { viewer: Viewer; expiresAt: number }>({
    max: cachedTokens,
    ttl: lifetimeSeconds * 1000,
  });
  return async (token) => {
    if (!token) return null;
    const known = verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.viewer;
    const fresh = await verifiedViewerToken(token, subgraph, keys);
    if (!fresh) return null;
    deepFreeze(fresh.viewer);
    verified.set(token, fresh);
    return fresh.viewer;
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === "object") deepFreeze(inner as object);
  return Object.freeze(value);
}
