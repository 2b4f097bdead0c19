import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const repositoryRoot = path.join(__dirname, "..");

/** A service of the benchmark in its own process, so its memory is its own and can be read from /proc. */
export interface ServiceProcess {
  name: string;
  /** Its GraphQL endpoint. */
  url: string;
  pid: number;
  memory(): ProcessMemory;
  /** CPU time the process has used, user and system, in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export interface ProcessMemory {
  rssBytes: number;
  /** The highest RSS since the process started (VmHWM). */
  peakRssBytes: number;
}

/** Resident and peak resident memory of a process, from /proc (Linux). */
export function processMemory(pid: number): ProcessMemory {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status)?.[1] ?? NaN) * 1024;
  return { rssBytes: kilobytes("VmRSS"), peakRssBytes: kilobytes("VmHWM") };
}

/** User plus system CPU time of a process, from /proc/<pid>/stat (in clock ticks of 1/100 s on Linux). */
export function processCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces; fields after its closing parenthesis are space-separated.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A TCP port nothing listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a TypeScript entry point of this repository under node and waits until its GraphQL endpoint answers. The
 * last lines it printed are kept for the error when it exits or never answers.
 */
export async function startService(options: {
  name: string;
  script: string;
  args?: string[];
  env: Record<string, string>;
  url: string;
  timeoutMs?: number;
}): Promise<ServiceProcess> {
  // BENCH_CPU_PROF_DIR: each service writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
    : [];
  const child = spawn(
    process.execPath,
    [...profile, "-r", "@swc-node/register", path.join(repositoryRoot, options.script), ...(options.args ?? [])],
    {
      cwd: repositoryRoot,
      env: { ...process.env, LOG_LEVEL: "warn", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - 20));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const service: ServiceProcess = {
    name: options.name,
    url: options.url,
    pid: child.pid!,
    memory: () => processMemory(child.pid!),
    cpuSeconds: () => processCpuSeconds(child.pid!),
    stop: () => stopChild(child),
  };
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  while (!(await answers(options.url))) {
    if (exited || Date.now() > deadline) {
      await service.stop();
      throw new Error(`${options.name} ${exited ? "exited" : "did not answer"} while starting:\n${output.join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return service;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
