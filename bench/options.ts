import path from "node:path";
import { dataSetSizes, type DataSetSize } from "./dataset";
import type { LoadSettings } from "./load";
import { repositoryRoot } from "./processes";

/** The command-line options every benchmark takes (`node:util` parseArgs specifications). */
export const sharedOptions = {
  size: { type: "string", default: "small" },
  database: {
    type: "string",
    default: process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/cybercrime_bench",
  },
  duration: { type: "string", default: "10" },
  warmup: { type: "string", default: "3" },
  connections: { type: "string", default: "16" },
  out: { type: "string", default: path.join(repositoryRoot, "bench", "results") },
} as const;

/** A numeric option, checked: the message names the option. */
export function numberOption(name: string, value: string | undefined, min: number): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min) throw new Error(`--${name} must be a number ≥ ${min}`);
  return parsed;
}

/** The shared options' values, checked. */
export function sharedSettings(values: Record<keyof typeof sharedOptions, string>): {
  size: DataSetSize;
  databaseUrl: string;
  settings: LoadSettings;
  outDirectory: string;
} {
  if (!(values.size in dataSetSizes)) throw new Error(`--size must be one of ${Object.keys(dataSetSizes).join(", ")}`);
  if (!/^postgres(ql)?:\/\//.test(values.database)) throw new Error("--database must be a postgresql:// URL");
  return {
    size: values.size as DataSetSize,
    databaseUrl: values.database,
    settings: {
      durationSeconds: numberOption("duration", values.duration, 1),
      warmupSeconds: numberOption("warmup", values.warmup, 0),
      connections: numberOption("connections", values.connections, 1),
    },
    outDirectory: values.out,
  };
}
