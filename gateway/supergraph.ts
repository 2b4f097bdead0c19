import type { SupergraphManager, SupergraphSdlHook } from "@apollo/gateway";
import crypto from "node:crypto";
import fs from "node:fs";
import { logger } from "../common/logger";
import { scalarsWithoutRule } from "./scalars";

/** Where the gateway takes its supergraph from: a file it watches, a URL it polls, or fixed text (tests). */
export type SupergraphOrigin =
  | { kind: "file"; path: string; pollMs?: number }
  | { kind: "url"; url: string; pollMs: number }
  | { kind: "fixed"; sdl: string };

export interface LoadedSupergraph {
  sdl: string;
  /** SHA-256 of the text, as /ready and /metrics show it. */
  hash: string;
  loadedAt: Date;
}

const log = logger.child({ service: "gateway" });
const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/**
 * The supergraph the gateway serves, replaced without a restart: a new text that parses, composes and whose scalars
 * the gateway can check replaces the old one atomically (requests in flight finish on the plan they started with);
 * one that does not is refused and logged, and the old one keeps serving.
 */
export class LiveSupergraph implements SupergraphManager {
  private loaded: LoadedSupergraph | null = null;
  private stopWatching: () => void = () => undefined;

  constructor(private readonly origin: SupergraphOrigin) {}

  get current(): LoadedSupergraph {
    if (!this.loaded) throw new Error("the supergraph is not loaded yet");
    return this.loaded;
  }

  async initialize({
    update,
  }: Parameters<SupergraphSdlHook>[0]): Promise<{ supergraphSdl: string; cleanup(): Promise<void> }> {
    const first = await this.read();
    if (first === null) throw new Error("the supergraph could not be read");
    this.refuseUncheckedScalars(first);
    this.loaded = { sdl: first, hash: sha256(first), loadedAt: new Date() };
    this.stopWatching = this.watch((sdl) => {
      const hash = sha256(sdl);
      if (hash === this.loaded?.hash) return;
      try {
        this.refuseUncheckedScalars(sdl);
        update(sdl);
        this.loaded = { sdl, hash, loadedAt: new Date() };
        log.info({ supergraph: hash }, "serving a new supergraph");
      } catch (error) {
        log.error(
          { err: error, refused: hash, serving: this.loaded?.hash },
          "new supergraph refused; the old one serves",
        );
      }
    });
    return { supergraphSdl: first, cleanup: async () => this.stopWatching() };
  }

  private refuseUncheckedScalars(sdl: string): void {
    const unchecked = scalarsWithoutRule(sdl);
    if (unchecked.length > 0)
      throw new Error(`the gateway has no parsing rule for the scalars ${unchecked.join(", ")}`);
  }

  private async read(): Promise<string | null> {
    switch (this.origin.kind) {
      case "fixed":
        return this.origin.sdl;
      case "file":
        return fs.readFileSync(this.origin.path, "utf8");
      case "url": {
        const response = await fetch(this.origin.url);
        if (!response.ok) throw new Error(`the supergraph URL answered ${response.status}`);
        this.etag = response.headers.get("etag");
        return response.text();
      }
    }
  }

  private etag: string | null = null;

  /** Calls `changed` with each new text; returns how to stop. */
  private watch(changed: (sdl: string) => void): () => void {
    const origin = this.origin;
    if (origin.kind === "fixed") return () => undefined;
    if (origin.kind === "file") {
      // Polling the file's status works where change events do not (bind mounts, editors that replace the file).
      const onChange = (current: fs.Stats, previous: fs.Stats) => {
        if (current.mtimeMs === previous.mtimeMs && current.size === previous.size) return;
        try {
          changed(fs.readFileSync(origin.path, "utf8"));
        } catch (error) {
          log.error({ err: error }, "the supergraph file could not be read; the old one serves");
        }
      };
      // Never what keeps a process alive: the gateway's stop unwatches it.
      fs.watchFile(origin.path, { interval: origin.pollMs ?? 1000 }, onChange).unref();
      return () => fs.unwatchFile(origin.path, onChange);
    }
    const timer = setInterval(() => {
      void (async () => {
        try {
          const response = await fetch(origin.url, { headers: this.etag ? { "if-none-match": this.etag } : {} });
          if (response.status === 304) return;
          if (!response.ok) throw new Error(`the supergraph URL answered ${response.status}`);
          this.etag = response.headers.get("etag");
          changed(await response.text());
        } catch (error) {
          log.error({ err: error }, "the supergraph could not be fetched; the old one serves");
        }
      })();
    }, origin.pollMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
