/**
 * Outlets as editors see them: the list with article and flag counts, and
 * renaming, where a name another outlet already has merges the two (two
 * spellings of one outlet). A rename keeps the old name as an alias, so
 * ingesting the same files or pages again finds the renamed outlet.
 */
import type { OutletOrigin } from "@/lib/ingest";
import { checkOutletName } from "@/lib/ingest/outlet-name";
import type { Db } from "./client";
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
export function listOutlets(db: Db): OutletSummary[] {
  const rows = db.$client
    .prepare(
      `SELECT o.id, o.name, o.host, o.name_origin AS origin,
         (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id AND a.current = 1) AS articles,
         (SELECT count(DISTINCT a.story_id) FROM articles a WHERE a.outlet_id = o.id AND a.current = 1) AS stories,
         (SELECT count(*) FROM flags f JOIN articles a ON a.id = f.article_id WHERE a.outlet_id = o.id) AS flags,
         (SELECT json_group_array(al.name) FROM (SELECT name FROM outlet_aliases WHERE outlet_id = o.id ORDER BY name) al) AS aliases
       FROM outlets o ORDER BY o.name COLLATE NOCASE, o.id`,
    )
    .all() as (Omit<OutletSummary, "aliases"> & { aliases: string })[];
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
export function renameOutlet(db: Db, id: number, rawName: string): RenameOutcome {
  const checked = checkOutletName(rawName);
  if (!checked.ok) throw new OutletError(`Not renamed: ${checked.problem}.`);
  const name = checked.name;
  const c = db.$client;
  const write = c.transaction((): RenameOutcome => {
    const src = c.prepare("SELECT id, name, host, name_origin AS origin FROM outlets WHERE id = ?").get(id) as Row | undefined;
    if (!src) throw new OutletError(`Outlet ${id} does not exist (it may just have been merged into another); reload the page.`);
    const target = c.prepare("SELECT id, name, host, name_origin AS origin FROM outlets WHERE name = ? COLLATE NOCASE AND id <> ? ORDER BY name = ? DESC, id LIMIT 1").get(name, id, name) as
      | Row
      | undefined;
    if (!target && src.name === name) {
      if (src.origin !== "editor") c.prepare("UPDATE outlets SET name_origin = 'editor' WHERE id = ?").run(id);
      return { outlet: { id, name }, merged: null, stories: [], changed: src.origin !== "editor" };
    }
    const keep = target ?? src;
    const renamed = new Map<string, string>([[src.name, name]]);
    if (target) renamed.set(target.name, name);
    let moved = 0;
    // The typed name belongs to this outlet now, whichever outlet had it as an old name.
    c.prepare("DELETE FROM outlet_aliases WHERE name = ?").run(name);
    if (target) {
      moved = c.prepare("UPDATE articles SET outlet_id = ? WHERE outlet_id = ?").run(target.id, src.id).changes;
      c.prepare("UPDATE outlet_aliases SET outlet_id = ? WHERE outlet_id = ?").run(target.id, src.id);
      c.prepare("DELETE FROM outlets WHERE id = ?").run(src.id);
      if (!target.host && src.host) c.prepare("UPDATE outlets SET host = ? WHERE id = ?").run(src.host, target.id);
    }
    c.prepare("UPDATE outlets SET name = ?, name_origin = 'editor' WHERE id = ?").run(name, keep.id);
    const alias = c.prepare("INSERT INTO outlet_aliases (name, outlet_id) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET outlet_id = excluded.outlet_id");
    for (const old of renamed.keys()) if (old !== name) alias.run(old, keep.id);

    // Flags that name the old spellings, in the stories of the outlet's articles (any revision: evidence may cite one).
    const stories = (c.prepare("SELECT DISTINCT story_id AS id FROM articles WHERE outlet_id = ? AND story_id IS NOT NULL ORDER BY story_id").all(keep.id) as { id: number }[]).map((r) => r.id);
    const byCounterpart = new Map([...renamed].map(([o, n]) => [asCounterpart(o), asCounterpart(n)]));
    const flagsOf = c.prepare("SELECT f.id, f.counterparts, f.evidence, o.name AS own FROM flags f JOIN articles a ON a.id = f.article_id JOIN outlets o ON o.id = a.outlet_id WHERE f.story_id = ?");
    const update = c.prepare("UPDATE flags SET counterparts = ?, evidence = ? WHERE id = ?");
    const dirty = c.prepare("UPDATE stories SET dirty = 1 WHERE id = ?");
    for (const storyId of stories) {
      for (const f of flagsOf.all(storyId) as { id: number; counterparts: string; evidence: string; own: string }[]) {
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
        if (counterparts !== f.counterparts || evidence !== f.evidence) update.run(counterparts, evidence, f.id);
      }
      dirty.run(storyId);
    }
    return { outlet: { id: keep.id, name }, merged: target ? { from: src.name, articles: moved } : null, stories, changed: true };
  });
  return write.immediate();
}
