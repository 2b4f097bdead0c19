import DataLoader from "dataloader";

/**
 * A DataLoader for entities fetched by a unique key: one `fetch` per batch, results put back in key order,
 * `null` for keys that match nothing.
 */
export function entityLoader<Key, Entity>(
  fetch: (keys: readonly Key[]) => Promise<Entity[]>,
  keyOf: (entity: Entity) => Key,
): DataLoader<Key, Entity | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((entity) => [keyOf(entity), entity]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A DataLoader for one-to-many relations: one `fetch` per batch, rows grouped by their parent key. */
export function groupLoader<Key, Row>(
  fetch: (keys: readonly Key[]) => Promise<Row[]>,
  parentKeyOf: (row: Row) => Key,
): DataLoader<Key, Row[]> {
  return multiGroupLoader(fetch, (row) => [parentKeyOf(row)]);
}

/**
 * A DataLoader for rows that belong to several parents (array columns such as an event's networks): one `fetch` per
 * batch, each row listed under every asked parent it names.
 */
export function multiGroupLoader<Key, Row>(
  fetch: (keys: readonly Key[]) => Promise<Row[]>,
  parentKeysOf: (row: Row) => Key[],
): DataLoader<Key, Row[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<Key, Row[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) for (const parent of parentKeysOf(row)) groups.get(parent)?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
