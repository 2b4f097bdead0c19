// What each process needs, from measured figures (README, "Running at scale", shows the arithmetic):
// - memory: peak RSS under the benchmark's 16-connection load on the `large` data set (bench/RESULTS.md, the larger of
//   its two runs, 2026-11-23 and 2026-11-30);
// - CPU: a Node process does its JavaScript on one core, and the benchmark's processes saturated at about one core
//   (members answered 459.7 req/s at 2.24 ms of CPU each: 1.03 cores); the replica test (`npm run test:replicas`)
//   measured the CPU each kind of process spends per request of a mix of reads and writes.

/** Peak RSS in MB under load, by process (bench/RESULTS.md). */
export const measuredPeakRssMb: Readonly<Record<string, number>> = {
  gateway: 393,
  members: 363,
  contacts: 430,
  requests: 391,
  events: 271,
  training: 172,
  ejcn: 160,
  gpen: 162,
};

/**
 * CPU milliseconds per request of the replica test's mix (a quarter each: a country's profile, the contact-point
 * finder, expiring preservations, a new cooperation request), by kind of process, from its run of 2026-11-30
 * on a shared machine (README, "Running at scale"). Subgraphs the mix barely reaches are left out.
 */
export const measuredCpuMsPerRequest: Readonly<Record<string, number>> = {
  gateway: 7.3,
  requests: 8.82,
  contacts: 5.58,
  members: 4.34,
  events: 2.42,
};

/** Peak requests a second through the graph: the networks' load, and a hundred times it (README shows how). */
export const peakRequestsPerSecond = { networks: 17.4, hundredfold: 1740 };

/** The CPU a replica may average before the autoscaler adds one: 70 % of the one core a Node process can use. */
export const targetCpuMillicores = 700;

/** Replicas for availability: one may be down (a PodDisruptionBudget keeps the other), whatever the load. */
export const minimumReplicas = 2;

/** The autoscaler's ceiling for a subgraph the mix does not measure: room to double, then an operator's decision. */
const unmeasuredMaxReplicas = 4;

/**
 * Connections each subgraph replica keeps to PostgreSQL (DATABASE_POOL_SIZE; 10 by default for one process a
 * subgraph). Replicas multiply it: 8 subgraphs × 2 replicas × 5 = 80 stay under PostgreSQL's default 100.
 */
export const databasePoolSize = 5;

export interface Sizing {
  memoryRequestMi: number;
  memoryLimitMi: number;
  cpuRequestMillicores: number;
  cpuLimitMillicores: number;
  minReplicas: number;
  maxReplicas: number;
}

const roundUp = (value: number, step: number) => Math.ceil(value / step) * step;

/**
 * A process's requests and limits and its replica range. Memory: the measured peak rounded up to 64 Mi as the
 * request, twice that as the limit (a first start's seed and bursts; the embedded first start peaked at about twice
 * a later one). A process not measured (a new subgraph, the library) gets
 * the largest measured subgraph's figure. CPU: what one replica uses at the networks' peak, at least 100m, limited
 * to one core; replicas up to what a hundred times the load needs at the autoscaler's target (at least 4).
 */
export function sizingOf(name: string): Sizing {
  const subgraphPeaks = Object.entries(measuredPeakRssMb)
    .filter(([process]) => process !== "gateway")
    .map(([, peak]) => peak);
  const peak = measuredPeakRssMb[name] ?? Math.max(...subgraphPeaks);
  const memoryRequestMi = roundUp(peak, 64);
  const memoryLimitMi = memoryRequestMi * 2;
  const cpuMs = measuredCpuMsPerRequest[name] ?? 0;
  const coresAt = (requestsPerSecond: number) => (requestsPerSecond * cpuMs) / 1000;
  return {
    memoryRequestMi,
    memoryLimitMi,
    cpuRequestMillicores: Math.max(
      100,
      roundUp((coresAt(peakRequestsPerSecond.networks) * 1000) / minimumReplicas, 50),
    ),
    cpuLimitMillicores: 1000,
    minReplicas: minimumReplicas,
    maxReplicas: Math.max(
      unmeasuredMaxReplicas,
      Math.ceil((coresAt(peakRequestsPerSecond.hundredfold) * 1000) / targetCpuMillicores),
    ),
  };
}
