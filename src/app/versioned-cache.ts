/**
 * Answers computed from the database and kept, per database handle and key, until a version
 * counter in the database moves (the points boards' `points_version`, the ledger's
 * `ledger_version`). Every request reads the version first — one row, from whichever server — so a
 * cached answer is never older than the version says, across server instances and any writer.
 *
 * The promise is kept, not its value: requests for an answer being computed wait for that one
 * computation instead of each starting their own (50 at once would otherwise run 50 queries). A
 * failed computation is forgotten. Values are shared between requests: callers must not mutate them.
 */
export class VersionedCache<T> {
  private readonly byHandle = new WeakMap<
    object,
    Map<string, { version: number; value: Promise<T> }>
  >();

  /** `size`: the most answers kept per handle; the oldest is dropped first. */
  constructor(private readonly size: number) {}

  get(handle: object, version: number, key: string, compute: () => Promise<T>): Promise<T> {
    let entries = this.byHandle.get(handle);
    if (!entries) {
      entries = new Map();
      this.byHandle.set(handle, entries);
    }
    const hit = entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = compute();
    if (hit) entries.delete(key);
    else if (entries.size >= this.size) entries.delete(entries.keys().next().value!);
    const entry = { version, value };
    entries.set(key, entry);
    const owner = entries;
    value.catch(() => {
      if (owner.get(key) === entry) owner.delete(key);
    });
    return value;
  }
}
