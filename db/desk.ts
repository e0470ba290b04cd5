/**
 * The home page's reads: stories in the order they need an editor (lib/overview
 * orderByAttention), with their flag counts by severity and status. Read-only.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { orderByAttention, type StoryCounts } from "../lib/overview";
import { FLAG_STATUSES, SEVERITIES, type FlagStatus, type Severity } from "../lib/types";
import type { Db } from "./client";

export interface AttentionStory extends StoryCounts {
  title: string;
  articles: number;
  flags: number;
}

/** Stories that need attention first (open high, then open medium flags, then newest), at most `limit`, and the number of stories. */
export async function listStoriesByAttention(db: Db, limit = 20): Promise<{ rows: AttentionStory[]; total: number }> {
  const { flags, stories } = db.t;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new Error(`limit must be an integer in 1..500, got ${limit}`);
  const empty = (): StoryCounts["counts"] =>
    Object.fromEntries(SEVERITIES.map((s) => [s, Object.fromEntries(FLAG_STATUSES.map((st) => [st, 0]))])) as StoryCounts["counts"];
  const all = await db.select({ id: stories.id, updatedAt: stories.updatedAt }).from(stories);
  // The order needs only open high and medium counts: one narrow scan (flags_status_idx), not every flag.
  const open = new Map<number, StoryCounts["counts"]>();
  for (const r of await db
    .select({ storyId: flags.storyId, severity: flags.severity, n: count() })
    .from(flags)
    .where(and(eq(flags.status, "open"), inArray(flags.severity, ["high", "medium"])))
    .groupBy(flags.storyId, flags.severity)) {
    const c = open.get(r.storyId) ?? open.set(r.storyId, empty()).get(r.storyId)!;
    if (r.severity === "high" || r.severity === "medium") c[r.severity].open = r.n;
  }
  const none = empty(); // shared: the order only reads it
  const ordered = orderByAttention(all.map((s) => ({ ...s, counts: open.get(s.id) ?? none }))).slice(0, limit);
  if (ordered.length === 0) return { rows: [], total: 0 };
  const ids = ordered.map((s) => s.id);
  // Full counts by severity and status for the stories shown only (flags_story_idx).
  const counts = new Map<number, StoryCounts["counts"]>();
  for (const r of await db
    .select({ storyId: flags.storyId, severity: flags.severity, status: flags.status, n: count() })
    .from(flags)
    .where(inArray(flags.storyId, ids))
    .groupBy(flags.storyId, flags.severity, flags.status)) {
    const c = counts.get(r.storyId) ?? counts.set(r.storyId, empty()).get(r.storyId)!;
    if (r.severity in c && (FLAG_STATUSES as readonly string[]).includes(r.status)) c[r.severity as Severity][r.status as FlagStatus] += r.n;
  }
  const info = new Map(
    (
      await db.select({
        id: stories.id,
        title: stories.title,
        // Spelled out: drizzle leaves columns unqualified in a single-table select.
        articles: sql<number>`(select count(*) from articles a where a.story_id = "stories"."id" and a.current)`.mapWith(Number),
      })
      .from(stories)
      .where(inArray(stories.id, ids))
    ).map((s) => [s.id, s]),
  );
  const rows = ordered.map((o) => ({ ...o, counts: counts.get(o.id) ?? empty() })).map((s) => ({
    ...s,
    title: info.get(s.id)?.title ?? `Story ${s.id}`,
    articles: info.get(s.id)?.articles ?? 0,
    flags: SEVERITIES.reduce((n, sev) => n + FLAG_STATUSES.reduce((m, st) => m + s.counts[sev][st], 0), 0),
  }));
  return { rows, total: all.length };
}
