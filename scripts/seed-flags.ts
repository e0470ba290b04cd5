/**
 * Fills a database with N synthetic flags over synthetic stories and
 * articles: deterministic for a given seed, for development, the browser
 * tests (before a real corpus is analysed) and the flags benchmark.
 *
 *   npx tsx scripts/seed-flags.ts [--db FILE] [--flags N] [--seed S] [--triaged 0..1]
 */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { alignments, articles, flagEvents, flags, outlets, quotes, segments, stories } from "../db/schema";
import { FLAG_KINDS, type DiffOp, type Evidence, type FlagKind, type Severity } from "../lib/types";

const OUTLETS = ["Harbor Ledger", "Northwind Post", "Meridian Daily", "Civic Wire", "Granite Times", "Lakeside Herald", "Summit Report", "Riverbend News"];
const SPEAKERS = ["Mayor Ana Ruiz", "Dr. Lee Park", "Senator Omar Hale", "Chief Ines Moreau", "Minister Kofi Adu", "Professor Ruth Klein", null];
const WORDS = (
  "council budget harbor bridge water school funding vote report plan safety transit housing energy tax court ruling " +
  "hospital audit contract storm repair flood police union strike market price wages election policy climate permit"
).split(" ");
const VERBS = ["said", "told reporters", "wrote", "added", "argued", "warned"];

/** Small deterministic PRNG (mulberry32): same seed, same database. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions {
  /** Number of flags to create. */
  flags: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Flags per story, roughly (default 12). */
  flagsPerStory?: number;
  /** Time of the first story's analysis (default 2026-01-01T00:00:00Z); each next story is a minute later. */
  now?: Date;
  /** Share of flags (0..1) given a triage status (verified, unsupported or dismissed) by "Seed Editor" (default 0). */
  triaged?: number;
}

export interface SeedResult {
  stories: number;
  articles: number;
  flags: number;
}

interface Sentence {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  quote: { start: number; end: number; text: string } | null;
}

function makeArticle(rand: () => number, topic: string[], paragraphs: number): { body: string; blocks: { start: number; end: number }[]; sentences: Sentence[] } {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  let body = "";
  const blocks: { start: number; end: number }[] = [];
  const sentences: Sentence[] = [];
  for (let p = 0; p < paragraphs; p++) {
    if (p > 0) body += "\n\n";
    const blockStart = body.length;
    const n = 2 + Math.floor(rand() * 2);
    for (let s = 0; s < n; s++) {
      if (s > 0) body += " ";
      const words = Array.from({ length: 6 + Math.floor(rand() * 6) }, () => (rand() < 0.4 ? pick(topic) : pick(WORDS)));
      const speaker = rand() < 0.5 ? pick(SPEAKERS) : null;
      const start = body.length;
      let quote: Sentence["quote"] = null;
      if (speaker) {
        const said = `“${words.join(" ")},” ${speaker} ${pick(VERBS)}.`;
        quote = { start: start + 1, end: start + 1 + words.join(" ").length, text: words.join(" ") };
        body += said;
      } else {
        const w = words.join(" ");
        body += w.charAt(0).toUpperCase() + w.slice(1) + ".";
      }
      sentences.push({ start, end: body.length, text: body.slice(start, body.length), speaker, quote });
    }
    blocks.push({ start: blockStart, end: body.length });
  }
  return { body, blocks, sentences };
}

function reword(rand: () => number, text: string): { text: string; diff: DiffOp[] } {
  const words = text.split(" ");
  const i = Math.floor(rand() * words.length);
  const replacement = WORDS[Math.floor(rand() * WORDS.length)] + "s";
  const before = words.slice(0, i).join(" ");
  const after = words.slice(i + 1).join(" ");
  const diff: DiffOp[] = [];
  if (before) diff.push({ op: "equal", text: before + " " });
  diff.push({ op: "delete", text: words[i] }, { op: "insert", text: replacement });
  if (after) diff.push({ op: "equal", text: " " + after });
  return { text: [before, replacement, after].filter(Boolean).join(" "), diff };
}

/** Inserts synthetic stories, articles, segments, quotes, alignments and `opts.flags` flags in one transaction. */
export function seedFlags(db: Db, opts: SeedOptions): SeedResult {
  if (!Number.isInteger(opts.flags) || opts.flags < 0) throw new Error(`seedFlags: flags must be an integer >= 0, got ${opts.flags}`);
  const rand = rng(opts.seed ?? 1);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const perStory = Math.max(1, opts.flagsPerStory ?? 12);
  const nStories = Math.max(1, Math.ceil(opts.flags / perStory));
  const t0 = (opts.now ?? new Date("2026-01-01T00:00:00Z")).getTime();
  const triaged = opts.triaged ?? 0;
  if (!(triaged >= 0 && triaged <= 1)) throw new Error(`seedFlags: triaged must be between 0 and 1, got ${triaged}`);
  const eventBatch: (Omit<typeof flagEvents.$inferInsert, "flagId"> & { fingerprint: string })[] = [];
  let at = new Date(t0).toISOString();
  const severities: Severity[] = ["low", "medium", "high"];
  let articleCount = 0;
  let flagCount = 0;

  db.transaction((tx) => {
    const outletIds = new Map<string, number>();
    for (const name of OUTLETS) {
      tx.insert(outlets).values({ name, host: name.toLowerCase().replace(/\s+/g, "") + ".example" }).onConflictDoNothing().run();
      outletIds.set(name, tx.select({ id: outlets.id }).from(outlets).where(eq(outlets.name, name)).get()!.id);
    }
    const flagBatch: (typeof flags.$inferInsert)[] = [];
    const flush = () => {
      for (let i = 0; i < flagBatch.length; i += 400) tx.insert(flags).values(flagBatch.slice(i, i + 400)).run();
      flagBatch.length = 0;
      // Events name their flag by fingerprint: resolve the ids the insert just gave.
      for (let i = 0; i < eventBatch.length; i += 400) {
        const chunk = eventBatch.slice(i, i + 400);
        const ids = new Map(
          tx
            .select({ id: flags.id, fingerprint: flags.fingerprint })
            .from(flags)
            .where(inArray(flags.fingerprint, chunk.map((e) => e.fingerprint)))
            .all()
            .map((r) => [r.fingerprint, r.id]),
        );
        tx.insert(flagEvents)
          .values(chunk.map(({ fingerprint, ...e }) => ({ ...e, flagId: ids.get(fingerprint)! })))
          .run();
      }
      eventBatch.length = 0;
    };
    for (let s = 0; s < nStories; s++) {
      at = new Date(t0 + s * 60_000).toISOString();
      const topic = [pick(WORDS), pick(WORDS), pick(WORDS)];
      const storyId = tx
        .insert(stories)
        .values({ title: `Synthetic story ${s + 1}: ${topic.join(", ")}`, createdAt: at, updatedAt: at, dirty: false, analyzedAt: at })
        .returning({ id: stories.id })
        .get().id;
      const start = Math.floor(rand() * OUTLETS.length);
      const outletNames = [0, 1, 2].map((k) => OUTLETS[(start + k * 3) % OUTLETS.length]);
      const arts = outletNames.map((outlet, k) => {
        const a = makeArticle(rand, topic, 3 + Math.floor(rand() * 3));
        const id = tx
          .insert(articles)
          .values({
            outletId: outletIds.get(outlet)!,
            storyId,
            source: `synthetic://${opts.seed ?? 1}/story-${s + 1}/${k}`,
            title: `${topic[0]} ${topic[1]}: ${outlet} report`,
            body: a.body,
            contentHash: `synthetic-${opts.seed ?? 1}-${s}-${k}`,
            ingestedAt: at,
            publishedAt: at,
            language: "en",
          })
          .returning({ id: articles.id })
          .get().id;
        articleCount++;
        tx.insert(segments)
          .values(a.blocks.map((b, i) => ({ articleId: id, kind: "paragraph", ordinal: i, start: b.start, end: b.end })))
          .run();
        const qs = a.sentences.filter((x) => x.quote);
        if (qs.length)
          tx.insert(quotes)
            .values(qs.map((x, i) => ({ articleId: id, ordinal: i, start: x.quote!.start, end: x.quote!.end, text: x.quote!.text, style: "double", speaker: x.speaker, cue: "said" })))
            .run();
        return { id, outlet, ...a };
      });
      // Coverage: the first three sentences of each article against the others.
      const covs = ["verbatim", "reworded", "cut", "absent"] as const;
      const alignRows: (typeof alignments.$inferInsert)[] = [];
      for (const src of arts)
        for (const sen of src.sentences.slice(0, 3))
          for (const tgt of arts)
            if (tgt.id !== src.id) {
              const coverage = pick(covs);
              alignRows.push({
                storyId,
                unit: sen.quote ? "quote" : "claim",
                sourceArticleId: src.id,
                sourceStart: sen.quote?.start ?? sen.start,
                sourceEnd: sen.quote?.end ?? sen.end,
                targetArticleId: tgt.id,
                coverage,
                score: coverage === "absent" ? 0 : coverage === "verbatim" ? 1 : 0.6,
                targetStart: coverage === "absent" ? null : tgt.sentences[0].start,
                targetEnd: coverage === "absent" ? null : tgt.sentences[0].end,
              });
            }
      tx.insert(alignments).values(alignRows).run();

      const nFlags = Math.min(perStory, opts.flags - flagCount);
      for (let f = 0; f < nFlags; f++) {
        const art = arts[f % arts.length];
        const sen = art.sentences[Math.floor(rand() * art.sentences.length)];
        const kind: FlagKind = sen.quote ? pick(FLAG_KINDS.slice(0, 3)) : pick(FLAG_KINDS.slice(3));
        const span = sen.quote ?? sen;
        const severity = pick(severities);
        const others = arts.filter((a) => a.id !== art.id);
        const evidence: Evidence[] = others.map((o) => {
          const r = reword(rand, span.text);
          const t = o.sentences[0];
          return { articleId: o.id, outlet: o.outlet, start: t.start, end: t.end, text: r.text, diff: r.diff };
        });
        const triage = rand() < triaged ? pick(["verified", "unsupported", "dismissed"] as const) : null;
        const triagedAt = triage ? new Date(t0 + s * 60_000 + 3_600_000 + Math.floor(rand() * 86_400_000)).toISOString() : at;
        flagBatch.push({
          ...(triage ? { status: triage, version: 2, note: `Seeded ${triage} note` } : {}),
          fingerprint: `synthetic-${opts.seed ?? 1}-${flagCount}`,
          storyId,
          articleId: art.id,
          kind,
          severity,
          severityRank: severities.indexOf(severity),
          confidence: Math.round((0.5 + rand() * 0.5) * 100) / 100,
          text: span.text,
          start: span.start,
          end: span.end,
          speaker: sen.speaker,
          explanation: `${kind.replace(/_/g, " ")}: the ${art.outlet} wording differs from ${others.map((o) => o.outlet).join(" and ")}.`,
          evidence: JSON.stringify(evidence),
          counterparts: others.map((o) => o.outlet).join(","),
          createdAt: at,
          updatedAt: triagedAt,
        });
        if (triage) eventBatch.push({ fingerprint: `synthetic-${opts.seed ?? 1}-${flagCount}`, editor: "Seed Editor", actorKind: "editor", at: triagedAt, action: "status", fromStatus: "open", toStatus: triage, note: `Seeded ${triage} note` });
        flagCount++;
      }
      if (flagBatch.length >= 2000) flush();
    }
    flush();
  });
  return { stories: nStories, articles: articleCount, flags: flagCount };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const get = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const n = Number(get("--flags") ?? "200");
  const seed = Number(get("--seed") ?? "1");
  const triaged = Number(get("--triaged") ?? "0");
  if (!Number.isInteger(n) || n < 0) throw new Error(`--flags must be a whole number, got ${get("--flags")}`);
  const { openDb } = await import("../db/client");
  const db = openDb(get("--db"));
  const t = Date.now();
  const r = seedFlags(db, { flags: n, seed, triaged });
  console.log(`seeded ${r.flags} flags over ${r.stories} stories and ${r.articles} articles in ${Date.now() - t} ms`);
  db.$client.close();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
