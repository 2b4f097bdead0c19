import type { ApolloServerPlugin } from "@apollo/server";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { LRUCache } from "lru-cache";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isNetworkAdminAnywhere, type Viewer } from "../common/auth";
import { envOptional, envString, isProduction } from "../common/config";
import { graphError } from "../common/errors";

/**
 * Trusted documents: the operations client apps ship as manifests (the format of
 * `@apollo/generate-persisted-query-manifest`), run by id as persisted queries. `off` runs any document and lets any
 * client register one (automatic persisted queries); `allow` adds the manifests' ids; `required` (the production
 * default) runs only the manifests' operations, except for analysts and network admins, and registers nothing.
 */
export type TrustedDocumentsMode = "off" | "allow" | "required";

export const trustedDocumentsDir = path.join(__dirname, "..", "trusted-documents");

export function trustedDocumentsModeFromEnv(): TrustedDocumentsMode {
  const mode = envString("GATEWAY_TRUSTED_DOCUMENTS", isProduction() ? "required" : "off");
  if (mode !== "off" && mode !== "allow" && mode !== "required")
    throw new Error(`GATEWAY_TRUSTED_DOCUMENTS must be off, allow or required, got "${mode}"`);
  return mode;
}

interface ManifestOperation {
  id: string;
  body: string;
  name?: string;
  type?: string;
}

/** Operation bodies by id, from every `*.json` manifest of the folder; also by the SHA-256 of each body. */
export function loadManifests(dir: string): Map<string, string> {
  const bodies = new Map<string, string>();
  if (!fs.existsSync(dir)) return bodies;
  for (const file of fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as {
      format?: unknown;
      version?: unknown;
      operations?: ManifestOperation[];
    };
    if (manifest.format !== "apollo-persisted-query-manifest" || manifest.version !== 1 || !manifest.operations)
      throw new Error(`${file}: not an apollo-persisted-query-manifest of version 1`);
    for (const operation of manifest.operations) {
      if (typeof operation.id !== "string" || typeof operation.body !== "string")
        throw new Error(`${file}: each operation needs an id and a body`);
      bodies.set(operation.id, operation.body);
      bodies.set(sha256(operation.body), operation.body);
    }
  }
  return bodies;
}

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/** Apollo Server prefixes its persisted-query keys ("apq:"): the hash is what follows. */
const hashOf = (key: string) => key.slice(key.lastIndexOf(":") + 1);

/**
 * The persisted-query store: the manifests' operations first; in `off` and `allow` modes also what clients register
 * (bounded, in memory); in `required` mode nothing is registered.
 */
export function persistedQueryStore(mode: TrustedDocumentsMode, manifests: Map<string, string>): KeyValueCache<string> {
  const registered = new LRUCache<string, string>({ max: 10_000 });
  return {
    async get(key) {
      return manifests.get(hashOf(key)) ?? (mode === "required" ? undefined : registered.get(key));
    },
    async set(key, value) {
      if (mode !== "required") registered.set(key, value);
    },
    async delete(key) {
      registered.delete(key);
    },
  };
}

const mayRunFreeDocuments = (viewer: Viewer | undefined) =>
  !!viewer && (viewer.analyst || isNetworkAdminAnywhere(viewer));

/** In `required` mode, refuses a document that is in no manifest, unless the viewer is an analyst or network admin. */
export function trustedDocumentsPlugin<Context extends { viewer?: Viewer }>(
  mode: TrustedDocumentsMode,
  manifests: Map<string, string>,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      if (mode !== "required") return;
      return {
        async didResolveOperation({ queryHash, contextValue }) {
          if (manifests.has(queryHash) || mayRunFreeDocuments(contextValue.viewer)) return;
          throw graphError(
            "TRUSTED_DOCUMENT_REQUIRED",
            "this gateway runs only the operations of registered client apps: send the id of a manifest operation " +
              "(extensions.persistedQuery.sha256Hash)",
            { http: { status: 400 } },
          );
        },
      };
    },
  };
}

export const trustedDocumentsDirFromEnv = () => envOptional("GATEWAY_TRUSTED_DOCUMENTS_DIR") ?? trustedDocumentsDir;
