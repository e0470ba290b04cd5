/**
 * Turns the sample corpus's parsed articles into sample stories for the
 * generator. Articles that come with a group (the folder they sit in) form the
 * stories; articles without one (a mixed JSONL file) join the story whose
 * words they share most, so the generator never needs the sample's labels.
 */
import { tokenizeFloor } from "./floor";
import type { SampleStory } from "./corpus";

export interface SampleInput {
  title: string;
  body: string;
  /** Story key when the input names one (e.g. its folder), else null. */
  group: string | null;
}

function wordSet(text: string): Set<string> {
  return new Set(tokenizeFloor(text).filter((w) => w.length > 3));
}

/** Jaccard overlap of two word sets. */
function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Groups sample articles into stories, in the order groups first appear.
 * Throws when no article names a group (there is nothing to attach the rest to).
 */
export function groupSamples(inputs: readonly SampleInput[]): SampleStory[] {
  const groups = new Map<string, SampleInput[]>();
  for (const a of inputs) {
    if (a.group === null) continue;
    const list = groups.get(a.group) ?? [];
    list.push(a);
    groups.set(a.group, list);
  }
  if (groups.size === 0 && inputs.length > 0) throw new Error("groupSamples: no sample article names a story group");
  const keys = [...groups.keys()];
  const vocab = keys.map((k) => wordSet(groups.get(k)!.map((a) => a.title + " " + a.body).join(" ")));
  for (const a of inputs) {
    if (a.group !== null) continue;
    const words = wordSet(a.title + " " + a.body);
    let best = 0;
    for (let i = 1; i < keys.length; i++) if (overlap(words, vocab[i]) > overlap(words, vocab[best])) best = i;
    groups.get(keys[best])!.push(a);
  }
  return keys.map((k) => ({ articles: groups.get(k)!.map(({ title, body }) => ({ title, body })) }));
}
