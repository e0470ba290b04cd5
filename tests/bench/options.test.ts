import { describe, expect, it } from "vitest";
import { parseStoreOptions } from "../../lib/bench/options";
import { replicateRecords, REPLICA_GAP_DAYS } from "../../lib/bench/replicate";

describe("parseStoreOptions", () => {
  it("defaults to the SQLite bench on the synthetic corpus", () => {
    expect(parseStoreOptions({})).toEqual({ store: "sqlite", workers: [], corpus: "synthetic", db: null });
  });
  it("reads a list of worker counts for postgres", () => {
    expect(parseStoreOptions({ store: "postgres", workers: "1,2,4" }).workers).toEqual([1, 2, 4]);
  });
  it("refuses --workers and --db with SQLite, and bad values", () => {
    expect(() => parseStoreOptions({ workers: "2" })).toThrow(/--workers needs --store postgres/);
    expect(() => parseStoreOptions({ db: "postgres://x@h/db" })).toThrow(/--db needs --store postgres/);
    expect(() => parseStoreOptions({ store: "postgres", workers: "0" })).toThrow(/--workers/);
    expect(() => parseStoreOptions({ store: "postgres", workers: "2,x" })).toThrow(/--workers/);
    expect(() => parseStoreOptions({ store: "postgres", db: "/tmp/a.db" })).toThrow(/postgres:\/\//);
    expect(() => parseStoreOptions({ store: "mysql" })).toThrow(/--store/);
    expect(() => parseStoreOptions({ corpus: "other" })).toThrow(/--corpus/);
  });
});

describe("replicateRecords", () => {
  const records = [
    { outlet: "A", title: "T1", body: "B1", published: "2021-01-01", event: "e1" },
    { outlet: "B", title: "T2", body: "B2", published: "2021-01-03", event: "e1" },
    { outlet: "C", title: "T3", body: "B3", published: "2021-01-11", event: "e2" },
  ];
  it("keeps the first copy as it is and shifts later replicas past grouping's window, with their own titles and stories", () => {
    const out = replicateRecords(records, 7);
    expect(out).toHaveLength(7);
    expect(out[0]).toMatchObject({ title: "T1", story: 0, publishedAt: "2021-01-01T00:00:00.000Z" });
    expect(out[3]).toMatchObject({ title: "T1 (2)", story: 2, publishedAt: new Date(Date.parse("2021-01-01") + (10 + REPLICA_GAP_DAYS) * 86_400_000).toISOString() });
    expect(out[5].story).toBe(3);
    expect(new Set(out.map((a) => a.key)).size).toBe(7);
    expect(new Set(out.map((a) => `${a.title}|${a.body}`)).size).toBe(7);
  });
  it("refuses a bad count and records with nothing usable", () => {
    expect(() => replicateRecords(records, 0)).toThrow(/count/);
    expect(() => replicateRecords([{ ...records[0], published: "soon" }], 1)).toThrow(/no record/);
  });
});
