/** Page chrome learnt from one outlet: lines that recur across its articles. */
import { normalizeLine, splitLines } from "./lines";

/**
 * Lines that recur (after `normalizeLine`) in at least two of the given bodies,
 * which must come from ONE outlet: share prompts, notices, section labels.
 */
export function collectRecurringLines(bodies: readonly string[]): Set<string> {
  if (!Array.isArray(bodies)) throw new TypeError("collectRecurringLines: bodies must be an array of strings");
  const seen = new Map<string, number>();
  for (const body of bodies) if (typeof body !== "string") throw new TypeError("collectRecurringLines: every body must be a string");
  // the same text twice (a duplicate ingest) would make every line "recurring"
  for (const body of new Set(bodies)) {
    const mine = new Set<string>();
    for (const l of splitLines(body)) {
      const n = normalizeLine(l.text);
      if (n.length >= 2) mine.add(n);
    }
    for (const n of mine) seen.set(n, (seen.get(n) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [n, c] of seen) if (c >= 2) out.add(n);
  return out;
}

/** Lines longer than this (characters) are prose, never indexed as cross-story chrome. */
export const MAX_CHROME_LINE = 300;

/**
 * Normalised line → the stories whose articles carry it (as a line, or as an article's
 * headline), each with how many of its articles do: counts, so an article that moves to
 * another story or stops being current can be taken out again (updateStoryLines).
 */
export type StoryLineIndex = Map<string, Map<number, number>>;

/** The normalised lines an article contributes to the index: its headline and its short lines with letters. */
export function storyLineKeys(title: string, body: string): string[] {
  const keys = new Set<string>();
  const add = (text: string) => {
    if (text.length > MAX_CHROME_LINE) return;
    const n = normalizeLine(text);
    if (n.length < 2 || !/\p{L}/u.test(n)) return;
    keys.add(n);
  };
  if (title) add(stripListMarker(title));
  for (const l of splitLines(body)) add(stripListMarker(l.text));
  return [...keys];
}

/** Adds (`change` 1) or removes (`change` -1) one article's lines (storyLineKeys) under `story`. */
export function updateStoryLines(index: StoryLineIndex, keys: readonly string[], story: number, change: 1 | -1): void {
  for (const n of keys) {
    let stories = index.get(n);
    if (!stories) {
      if (change < 0) continue;
      index.set(n, (stories = new Map()));
    }
    const c = (stories.get(story) ?? 0) + change;
    if (c > 0) stories.set(story, c);
    else stories.delete(story);
    if (!stories.size) index.delete(n);
  }
}

/**
 * Indexes the short lines and headlines of every article by story, so that page chrome an
 * outlet repeats in other stories (share bars, "related coverage" links, notices, reading-time
 * lines) can be recognised even when the outlet label differs between files: a line that
 * another story's article also carries, or that is another story's headline, is not news about
 * this story.
 */
export function indexStoryLines(articles: Iterable<{ story: number; title: string; body: string }>): StoryLineIndex {
  const index: StoryLineIndex = new Map();
  for (const a of articles) updateStoryLines(index, storyLineKeys(a.title, a.body), a.story, 1);
  return index;
}

/**
 * The lines of `body` (normalised as the segmenter compares them) that articles of stories
 * other than `story` carry too. The article's own headline is never among them.
 */
export function crossStoryLines(index: StoryLineIndex, story: number, body: string, title: string): Set<string> {
  const out = new Set<string>();
  const own = normalizeLine(stripListMarker(title));
  for (const l of splitLines(body)) {
    if (l.text.length > MAX_CHROME_LINE) continue;
    const n = normalizeLine(stripListMarker(l.text));
    if (n === own) continue;
    const stories = index.get(n);
    if (!stories) continue;
    for (const s of stories.keys()) {
      if (s !== story) {
        // The segmenter compares whole lines, list marker included.
        out.add(normalizeLine(l.text));
        out.add(n);
        break;
      }
    }
  }
  return out;
}

/** A line without its list marker ("- ", "1. "), so a linked headline meets the headline itself. */
function stripListMarker(text: string): string {
  return text.replace(/^\s*(?:[-*•·]|\d{1,2}[.)])\s+/, "");
}
