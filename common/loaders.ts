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
  return new DataLoader(async (keys) => {
    const groups = new Map<Key, Row[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(parentKeyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
