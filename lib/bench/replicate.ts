/**
 * A benchmark corpus from real articles (scripts/bench.ts --corpus real): the records of
 * the development datasets, replicated to the requested size.
 *
 * A replica must look like new news, not a re-send of the same article: ingest folds an
 * identical title and body from another source into the first copy, and story grouping
 * merges articles on the same event within a week. So replica r (r >= 1) is the same
 * coverage moved r * (span + gap) days later (past the week grouping looks at, so replicas
 * never merge into one giant story), with its own address and a title suffix (so its
 * content hash differs). Within a replica the records keep their own outlets and dates,
 * so stories are exactly as big and as spread as in the real data.
 */
import type { SyntheticArticle } from "./corpus";

/** One real article, as the datasets' JSONL records carry it. */
export interface RealRecord {
  outlet: string;
  title: string;
  body: string;
  /** ISO 8601 date or date-time. */
  published: string;
  /** The true story, used only to score grouping. */
  event: string;
}

/** Days between the end of one replica and the start of the next: more than grouping's 7-day span. */
export const REPLICA_GAP_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * The first `count` articles of the records repeated as time-shifted replicas (see the
 * module comment). Records with an unreadable date or no body are skipped. Throws when
 * nothing usable is left or `count` is not a positive integer.
 */
export function replicateRecords(records: RealRecord[], count: number): SyntheticArticle[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`replicateRecords: count must be a positive integer, got ${count}`);
  const usable = records
    .map((r) => ({ ...r, ms: Date.parse(r.published) }))
    .filter((r) => Number.isFinite(r.ms) && r.body.trim() !== "" && r.title.trim() !== "");
  if (usable.length === 0) throw new Error("replicateRecords: no record has a title, a body and a readable date");
  const first = Math.min(...usable.map((r) => r.ms));
  const last = Math.max(...usable.map((r) => r.ms));
  const shiftDays = Math.ceil((last - first) / DAY_MS) + REPLICA_GAP_DAYS;
  const events = new Map<string, number>();
  for (const r of usable) if (!events.has(r.event)) events.set(r.event, events.size);
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const rec = usable[i % usable.length];
    const replica = Math.floor(i / usable.length);
    out.push({
      key: `r${replica}-a${i % usable.length}`,
      story: replica * events.size + events.get(rec.event)!,
      family: "sample",
      outlet: rec.outlet,
      title: replica === 0 ? rec.title : `${rec.title} (${replica + 1})`,
      body: rec.body,
      publishedAt: new Date(rec.ms + replica * shiftDays * DAY_MS).toISOString(),
    });
  }
  return out;
}
