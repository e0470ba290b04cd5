/**
 * Outlets as editors see them: the list with article and flag counts, and
 * renaming, where a name another outlet already has merges the two (two
 * spellings of one outlet). A rename keeps the old name as an alias, so
 * ingesting the same files or pages again finds the renamed outlet.
 */
import type { OutletOrigin } from "@/lib/ingest";
import { checkOutletName } from "@/lib/ingest/outlet-name";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "./client";
import { INGEST_LOCK } from "./ingest";
import { execute, inTransaction, queryRow, queryRows } from "./store";
import { asCounterpart, joinCounterparts, splitCounterparts } from "./counterparts";

/** A refusal an editor can act on (unknown outlet, bad name); the message says what to do. */
export class OutletError extends Error {}

export interface OutletSummary {
  id: number;
  name: string;
  host: string | null;
  origin: OutletOrigin;
  /** Current articles (latest revisions) of the outlet. */
  articles: number;
  stories: number;
  /** Flags raised on its articles. */
  flags: number;
  /** Names it had before renames and merges. */
  aliases: string[];
}

/** Every outlet, by name (case-insensitive), with its counts. */
export async function listOutlets(db: Db): Promise<OutletSummary[]> {
  // The aliases come back as one comma-free JSON array per outlet (SQLite json_group_array, Postgres json_agg).
  const aliases =
    db.engine === "pg"
      ? sql`(SELECT coalesce(json_agg(al.name ORDER BY al.name), '[]'::json)::text FROM outlet_aliases al WHERE al.outlet_id = o.id)`
      : sql`(SELECT json_group_array(al.name) FROM (SELECT name FROM outlet_aliases WHERE outlet_id = o.id ORDER BY name) al)`;
  const rows = await queryRows<Omit<OutletSummary, "aliases"> & { aliases: string }>(
    db,
    sql`SELECT o.id, o.name, o.host, o.name_origin AS origin,
         (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id AND a.current) AS articles,
         (SELECT count(DISTINCT a.story_id) FROM articles a WHERE a.outlet_id = o.id AND a.current) AS stories,
         (SELECT count(*) FROM flags f JOIN articles a ON a.id = f.article_id WHERE a.outlet_id = o.id) AS flags,
         ${aliases} AS aliases
       FROM outlets o ORDER BY lower(o.name), o.id`,
  );
  return rows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
}

export interface RenameOutcome {
  /** The outlet that now carries the name. */
  outlet: { id: number; name: string };
  /** Set when the name was another outlet's: the outlet merged into it and the articles it brought. */
  merged: { from: string; articles: number } | null;
  /** Stories marked for re-analysis (explanations name outlets; a merge changes who carries what). */
  stories: number[];
  /** False when the outlet already had exactly this name (nothing changed). */
  changed: boolean;
}

type Row = { id: number; name: string; host: string | null; origin: OutletOrigin };


/**
 * Renames outlet `id` to `rawName`, in one transaction. When another outlet is
 * called that already (ignoring case), the two are merged: articles, aliases and
 * host move to it, it takes the typed spelling, and `id` is deleted. The old
 * names become aliases. Flags' counterparts and evidence name the new outlet at
 * once; the stories involved are marked dirty, so the next analysis rewrites the
 * explanations (and, after a merge, judges the articles as one outlet's).
 * Throws OutletError for an unknown outlet or a bad name.
 */
export async function renameOutlet(db: Db, id: number, rawName: string): Promise<RenameOutcome> {
  const checked = checkOutletName(rawName);
  if (!checked.ok) throw new OutletError(`Not renamed: ${checked.problem}.`);
  const name = checked.name;
  // Postgres: renames go one at a time and never beside an ingest (which finds outlets by name).
  return inTransaction(db, async (tx): Promise<RenameOutcome> => {
    const one = <T>(q: SQL) => queryRow<T>(tx, q);
    const run = (q: SQL) => execute(tx, q);
    const src = await one<Row>(sql`SELECT id, name, host, name_origin AS origin FROM outlets WHERE id = ${id}`);
    if (!src) throw new OutletError(`Outlet ${id} does not exist (it may just have been merged into another); reload the page.`);
    // The same name ignoring (ASCII) case, as SQLite's NOCASE compares, the exact spelling first.
    const target = await one<Row>(sql`SELECT id, name, host, name_origin AS origin FROM outlets WHERE lower(name) = lower(${name}) AND id <> ${id} ORDER BY name = ${name} DESC, id LIMIT 1`);
    if (!target && src.name === name) {
      if (src.origin !== "editor") await run(sql`UPDATE outlets SET name_origin = 'editor' WHERE id = ${id}`);
      return { outlet: { id, name }, merged: null, stories: [], changed: src.origin !== "editor" };
    }
    const keep = target ?? src;
    const renamed = new Map<string, string>([[src.name, name]]);
    if (target) renamed.set(target.name, name);
    let moved = 0;
    // The typed name belongs to this outlet now, whichever outlet had it as an old name.
    await run(sql`DELETE FROM outlet_aliases WHERE name = ${name}`);
    if (target) {
      moved = await run(sql`UPDATE articles SET outlet_id = ${target.id} WHERE outlet_id = ${src.id}`);
      await run(sql`UPDATE outlet_aliases SET outlet_id = ${target.id} WHERE outlet_id = ${src.id}`);
      await run(sql`DELETE FROM outlets WHERE id = ${src.id}`);
      if (!target.host && src.host) await run(sql`UPDATE outlets SET host = ${src.host} WHERE id = ${target.id}`);
    }
    await run(sql`UPDATE outlets SET name = ${name}, name_origin = 'editor' WHERE id = ${keep.id}`);
    for (const old of renamed.keys())
      if (old !== name) await run(sql`INSERT INTO outlet_aliases (name, outlet_id) VALUES (${old}, ${keep.id}) ON CONFLICT(name) DO UPDATE SET outlet_id = excluded.outlet_id`);

    // Flags that name the old spellings, in the stories of the outlet's articles (any revision: evidence may cite one).
    const stories = (await queryRows<{ id: number }>(tx, sql`SELECT DISTINCT story_id AS id FROM articles WHERE outlet_id = ${keep.id} AND story_id IS NOT NULL ORDER BY story_id`)).map((r) => r.id);
    const byCounterpart = new Map([...renamed].map(([o, n]) => [asCounterpart(o), asCounterpart(n)]));
    for (const storyId of stories) {
      const flagRows = await queryRows<{ id: number; counterparts: string; evidence: string; own: string }>(
        tx,
        sql`SELECT f.id, f.counterparts, f.evidence, o.name AS own FROM flags f JOIN articles a ON a.id = f.article_id JOIN outlets o ON o.id = a.outlet_id WHERE f.story_id = ${storyId}`,
      );
      for (const f of flagRows) {
        const parts = splitCounterparts(f.counterparts);
        const own = asCounterpart(f.own);
        const next = [...new Set(parts.map((p) => byCounterpart.get(p) ?? p))].filter((p) => p !== own);
        let evidence = f.evidence;
        try {
          const ev = JSON.parse(f.evidence) as { outlet?: unknown }[];
          if (Array.isArray(ev) && ev.some((e) => typeof e?.outlet === "string" && renamed.has(e.outlet)))
            evidence = JSON.stringify(ev.map((e) => (typeof e?.outlet === "string" && renamed.has(e.outlet) ? { ...e, outlet: renamed.get(e.outlet) } : e)));
        } catch {
          // Evidence is written by the analysis as JSON; unreadable evidence is left for the re-analysis to replace.
        }
        const counterparts = joinCounterparts(next);
        if (counterparts !== f.counterparts || evidence !== f.evidence) await run(sql`UPDATE flags SET counterparts = ${counterparts}, evidence = ${evidence} WHERE id = ${f.id}`);
      }
      await run(sql`UPDATE stories SET dirty = true WHERE id = ${storyId}`);
    }
    return { outlet: { id: keep.id, name }, merged: target ? { from: src.name, articles: moved } : null, stories, changed: true };
  }, INGEST_LOCK);
}
