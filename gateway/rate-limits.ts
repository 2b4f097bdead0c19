import { HeaderMap } from "@apollo/server";
import pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type IRateLimiterStoreOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { isNetworkAdminAnywhere, type Viewer } from "../common/auth";
import { envFlag, envOptional, envPositiveInt } from "../common/config";
import { graphError } from "../common/errors";

/**
 * Allowances in cost units (the objects an answer can hold, as the cost model counts them) per window, by who asks:
 * an anonymous client by its address, a signed-in viewer by the token's subject; analysts and network admins, whose
 * tools ask more, get more. README, "The edge of the graph".
 */
export interface RateLimits {
  anonymous: number;
  member: number;
  privileged: number;
  windowSeconds: number;
  /** A `postgresql://` URL: allowances are counted there, shared by every gateway that uses it. */
  databaseUrl?: string;
}

export function rateLimitsFromEnv(): RateLimits | null {
  if (!envFlag("GATEWAY_RATE_LIMIT", true)) return null;
  return {
    anonymous: envPositiveInt("GATEWAY_RATE_LIMIT_ANONYMOUS", 20_000),
    member: envPositiveInt("GATEWAY_RATE_LIMIT_MEMBER", 200_000),
    privileged: envPositiveInt("GATEWAY_RATE_LIMIT_PRIVILEGED", 1_000_000),
    windowSeconds: envPositiveInt("GATEWAY_RATE_LIMIT_WINDOW_SECONDS", 60),
    databaseUrl: envOptional("GATEWAY_RATE_LIMIT_DATABASE_URL"),
  };
}

type Tier = "anonymous" | "member" | "privileged";

const tierOf = (viewer: Viewer | undefined): Tier =>
  !viewer ? "anonymous" : viewer.analyst || isNetworkAdminAnywhere(viewer) ? "privileged" : "member";

/** Who is charged: the verified viewer, or the client's address when anonymous. */
export interface Payer {
  viewer?: Viewer;
  clientAddress?: string;
}

export interface RateLimiter {
  /** Charges an operation's cost, or throws RATE_LIMITED (HTTP 429, Retry-After) before anything runs. */
  charge(payer: Payer, cost: number): Promise<void>;
  close(): Promise<void>;
}

/** One limiter per tier, in memory or in a shared PostgreSQL table (`gateway_rate_limits`). */
export async function createRateLimiter(limits: RateLimits): Promise<RateLimiter> {
  const pool = limits.databaseUrl ? new pg.Pool({ connectionString: limits.databaseUrl, max: 4 }) : null;
  const limiterFor = async (tier: Tier): Promise<RateLimiterAbstract> => {
    const options: IRateLimiterStoreOptions = {
      keyPrefix: `graph_${tier}`,
      points: limits[tier],
      duration: limits.windowSeconds,
      storeClient: pool,
    };
    if (!pool) return new RateLimiterMemory(options);
    return new Promise((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        { ...options, tableName: "gateway_rate_limits", clearExpiredByTimeout: true },
        (error?: Error) => (error ? reject(error) : resolve(limiter)),
      );
    });
  };
  let tiers: Record<Tier, RateLimiterAbstract>;
  try {
    tiers = {
      anonymous: await limiterFor("anonymous"),
      member: await limiterFor("member"),
      privileged: await limiterFor("privileged"),
    };
  } catch (error) {
    await pool?.end();
    throw error;
  }
  return {
    async charge({ viewer, clientAddress }, cost) {
      const tier = tierOf(viewer);
      const key = viewer ? `viewer:${viewer.sub}` : `address:${clientAddress ?? "unknown"}`;
      // A free answer (introspection, only scalars of a root field) still counts as one request.
      const points = Math.max(1, Math.ceil(cost));
      try {
        await tiers[tier].consume(key, points);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        const limit = limits[tier];
        throw graphError(
          "RATE_LIMITED",
          points > limit
            ? `this operation costs ${points}, more than the ${limit} allowed every ${limits.windowSeconds} s: ask for less`
            : `over the limit of ${limit} cost units every ${limits.windowSeconds} s: retry in ${retryAfterSeconds} s`,
          {
            limit,
            windowSeconds: limits.windowSeconds,
            cost: points,
            retryAfterSeconds,
            http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) },
          },
        );
      }
    },
    async close() {
      await pool?.end();
    },
  };
}
