/**
 * The store options of the benchmark (scripts/bench.ts): which store, how many queue
 * workers, which corpus. Pure, so the refusals are tested (tests/bench/options.test.ts).
 */

export type BenchStore = "sqlite" | "postgres";
export type BenchCorpus = "synthetic" | "real";

export interface StoreOptions {
  store: BenchStore;
  /** Worker process counts to run in turn, each on a fresh database (postgres only). */
  workers: number[];
  corpus: BenchCorpus;
  /** A postgres:// URL to use instead of a throw-away cluster, or null. */
  db: string | null;
}

/** Most worker processes one run may start (each is a Node process with its own pool). */
export const MAX_BENCH_WORKERS = 32;

/**
 * Checks the raw --store, --workers, --corpus and --db values. Throws one message naming
 * the option: --workers or --db with SQLite, a worker count that is not 1..MAX, a
 * --db that is not a postgres:// URL.
 */
export function parseStoreOptions(raw: { store?: string; workers?: string; corpus?: string; db?: string }): StoreOptions {
  const store = raw.store ?? "sqlite";
  if (store !== "sqlite" && store !== "postgres") throw new Error(`bench: --store must be sqlite or postgres, got "${store.slice(0, 40)}"`);
  const corpus = raw.corpus ?? "synthetic";
  if (corpus !== "synthetic" && corpus !== "real") throw new Error(`bench: --corpus must be synthetic or real, got "${corpus.slice(0, 40)}"`);
  if (store === "sqlite" && raw.workers !== undefined) throw new Error("bench: --workers needs --store postgres (SQLite is analysed in-process by npm run analyze)");
  if (store === "sqlite" && raw.db !== undefined) throw new Error("bench: --db needs --store postgres (the SQLite bench always uses a fresh temporary file)");
  if (raw.db !== undefined && !/^postgres(ql)?:\/\//i.test(raw.db.trim())) throw new Error("bench: --db must be a postgres:// URL");
  const workers = (raw.workers ?? "2").split(",").map((part) => {
    const n = Number(part.trim());
    if (!/^\s*\d+\s*$/.test(part) || n < 1 || n > MAX_BENCH_WORKERS) throw new Error(`bench: --workers must be whole numbers from 1 to ${MAX_BENCH_WORKERS}, comma-separated, got "${raw.workers!.slice(0, 40)}"`);
    return n;
  });
  return { store, workers: store === "postgres" ? workers : [], corpus, db: raw.db?.trim() ?? null };
}
