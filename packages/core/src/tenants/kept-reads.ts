// Small reads every request needs (the host's province, a province's content version), kept in memory so a
// page view costs no query. A kept value is answered as it is for `freshMs`; after that it is still
// answered while one read — never more, however many requests arrive meanwhile — fetches the new one in
// the background, until it is `maxStaleMs` old, past which callers wait for that read. So the value a
// request sees is at most `maxStaleMs` old, and no request ever queues behind the database because a
// value has just expired (measured by npm run bench: waiting for the read, or one read per waiting
// request, was the 150–370 ms p99 of the cached pages under 100 connections).
export type KeptReads<K, V> = {
  get(key: K): Promise<V>;
  /** The next get of this key (or of every key) waits for a new read. */
  forget(key?: K): void;
};

type Entry<V> = { value: V; at: number } | { value?: undefined; at?: undefined };

export function keptReads<K, V>(o: { read: (key: K) => Promise<V>; freshMs: number; maxStaleMs: number; maxEntries?: number; clock?: () => number }): KeptReads<K, V> {
  const clock = o.clock ?? Date.now;
  const kept = new Map<K, Entry<V> & { pending: Promise<V> | null }>();
  let generation = 0;
  const refresh = (key: K, entry: Entry<V>): Promise<V> => {
    const started = clock();
    const mine = generation;
    const pending = o.read(key).then(
      (value) => {
        if (kept.get(key)?.pending === pending) {
          // A forget() while the read was on its way: its answer may predate the change; keep nothing.
          if (mine !== generation) kept.delete(key);
          else kept.set(key, { value, at: started, pending: null });
        }
        return value;
      },
      (error: unknown) => {
        const now = kept.get(key);
        if (now?.pending === pending) kept.set(key, { ...now, pending: null });
        throw error;
      },
    );
    if (o.maxEntries !== undefined && kept.size >= o.maxEntries && !kept.has(key)) kept.clear();
    kept.set(key, { ...entry, pending });
    return pending;
  };
  return {
    get(key) {
      const now = clock();
      const entry = kept.get(key);
      if (entry?.at !== undefined) {
        const age = now - entry.at;
        if (age < o.freshMs) return Promise.resolve(entry.value);
        if (age < o.maxStaleMs) {
          // The kept value now; a failed background read is tried again by the next request.
          if (!entry.pending) refresh(key, entry).catch(() => {});
          return Promise.resolve(entry.value);
        }
      }
      return entry?.pending ?? refresh(key, entry?.at !== undefined ? { value: entry.value, at: entry.at } : {});
    },
    forget(key) {
      generation++;
      if (key === undefined) kept.clear();
      else kept.delete(key);
    },
  };
}
