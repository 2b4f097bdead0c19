import { GraphQLError } from "graphql";
import { SignJWT, createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { InvalidClaims, secretFromEnv, viewerClaims, viewerFromClaims, type Viewer } from "../common/auth";
import { envOptional } from "../common/config";

/** The development secret that `npm run token` signs with and a local gateway accepts when JWT_SECRET is unset. */
export const developmentJwtSecret = "development-only JWT secret, never in production";

export const jwtSecretFromEnv = () => secretFromEnv("JWT_SECRET", developmentJwtSecret);

/** A client token signed with JWT_SECRET, as `npm run token` and the benchmark hand out; lifetime like "1h". */
export function signClientToken(viewer: Viewer, lifetime: string): Promise<string> {
  return new SignJWT(viewerClaims(viewer))
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(lifetime)
    .setIssuer(envOptional("JWT_ISSUER") ?? "development")
    .setAudience(envOptional("JWT_AUDIENCE") ?? "cybercrime-networks-graph")
    .sign(jwtSecretFromEnv());
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });

/**
 * Reads `Authorization: Bearer <JWT>`: no header is anonymous (null); a token that is malformed, expired, wrongly
 * signed or with claims of the wrong shape is UNAUTHENTICATED. HS256 with JWT_SECRET by default; RS256/ES256 from a
 * JWKS when JWT_JWKS_URL is set. JWT_ISSUER and JWT_AUDIENCE are checked when set.
 */
export function viewerVerifierFromEnv(): (authorization: string | undefined) => Promise<Viewer | null> {
  const jwksUrl = envOptional("JWT_JWKS_URL");
  const key: Uint8Array | JWTVerifyGetKey = jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : jwtSecretFromEnv();
  const options = {
    algorithms: jwksUrl ? ["RS256", "ES256"] : ["HS256"],
    issuer: envOptional("JWT_ISSUER"),
    audience: envOptional("JWT_AUDIENCE"),
  };
  return async (authorization) => {
    if (authorization === undefined || authorization === "") return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated("the Authorization header must be 'Bearer <token>'");
    try {
      const { payload } = await jwtVerify(match[1], key as Uint8Array, options);
      return viewerFromClaims(payload);
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated("the token has expired");
      if (error instanceof InvalidClaims) throw unauthenticated(`the token's claims are invalid: ${error.message}`);
      throw unauthenticated("the token is not valid");
    }
  };
}
