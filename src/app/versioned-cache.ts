/**
 * Answers computed from the database and kept, per database handle and key, until a version
 * counter in the database moves (the points boards' `points_version`, the ledger's
 * `ledger_version`). Every request reads the version first — one row, from whichever server — so a
 * cached answer is never older than the version says, across server instances and any writer.
 *
 * The promise is kept, not its value: requests for an answer being computed wait for that one
 * computation instead of each starting their own (50 at once would otherwise run 50 queries). A
 * failed computation is forgotten. Values are shared between requests: callers must not mutate them.
 *
 * The cache holds at most `capacity` in weight (by default each answer weighs 1; a board weighs
 * its rows, so a province's boards cannot fill the memory); the oldest answers go first.
 */
export class VersionedCache<T> {
  private readonly byHandle = new WeakMap<object, Store<T>>();

  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: T) => number = () => 1,
  ) {}

  get(handle: object, version: number, key: string, compute: () => Promise<T>): Promise<T> {
    let store = this.byHandle.get(handle);
    if (!store) {
      store = { entries: new Map(), weight: 0 };
      this.byHandle.set(handle, store);
    }
    const hit = store.entries.get(key);
    if (hit && hit.version === version) return hit.value;
    if (hit) drop(store, key, hit);
    const entry: Entry<T> = { version, value: compute(), weight: 0 };
    store.entries.set(key, entry);
    const owner = store;
    entry.value.then(
      (value) => {
        if (owner.entries.get(key) !== entry) return;
        entry.weight = Math.max(1, this.weigh(value));
        owner.weight += entry.weight;
        // The oldest first; the answer just computed stays even when it alone exceeds the capacity.
        for (const [k, e] of owner.entries) {
          if (owner.weight <= this.capacity || e === entry) break;
          drop(owner, k, e);
        }
      },
      () => {
        if (owner.entries.get(key) === entry) drop(owner, key, entry);
      },
    );
    return entry.value;
  }
}

interface Entry<T> {
  version: number;
  value: Promise<T>;
  /** 0 until the value has arrived. */
  weight: number;
}

interface Store<T> {
  entries: Map<string, Entry<T>>;
  weight: number;
}

function drop<T>(store: Store<T>, key: string, entry: Entry<T>): void {
  store.entries.delete(key);
  store.weight -= entry.weight;
}

const derivedAnswers = new WeakMap<object, Map<string, object>>();

/**
 * An answer made from a cached value (a page of a board, masked for the public), kept as long as
 * that value is and frozen: every request the cache answers gets the same object, and the
 * serializer makes its JSON once. `key` must name everything else the answer depends on.
 */
export function derive<T extends object>(source: object, key: string, make: () => T): T {
  let answers = derivedAnswers.get(source);
  if (!answers) {
    answers = new Map();
    derivedAnswers.set(source, answers);
  }
  let answer = answers.get(key) as T | undefined;
  if (!answer) {
    answer = Object.freeze(make());
    answers.set(key, answer);
  }
  return answer;
}
