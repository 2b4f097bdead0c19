// Configuration read from the environment, in one place, with errors that name the variable at fault.

export function envString(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === "" ? fallback : value;
}

export function envPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number between 0 and 65535, got "${raw}"`);
  }
  return port;
}

export function envFlag(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

/** `MEMBERS_URL` for the subgraph `members`, `FORUM_CIBERCRIME_URL` for `forum-cibercrime`. */
export function subgraphEnvName(subgraph: string, suffix: string): string {
  return `${subgraph.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_${suffix}`;
}

export function envPositiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

/** A variable that may be unset: undefined when unset or empty. */
export function envOptional(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** NODE_ENV=production: development defaults (secrets, Sandbox, introspection) are off. */
export const isProduction = () => process.env.NODE_ENV === "production";
