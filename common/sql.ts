/** Raw SQL for what Prisma does not do: migrations, bulk seed upserts, readiness. */
export interface SqlDriver {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements at once, no parameters. */
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: SqlDriver) => Promise<T>): Promise<T>;
}
