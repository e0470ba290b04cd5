/**
 * Who said a quote, as attribution checks need it: a personal name. A quote
 * credited to a role ("the chairman", "the fire chief") is resolved to the one
 * person the story names in that role ("Chairman Douglas Faircloth", "The fire
 * chief, Alison Marwood"); a quote introduced by a clause ending in a colon
 * ("Chief Marwood also had a warning: ...") is credited to the one person that
 * clause names. Anything less certain stays unknown: an attribution conflict is
 * a serious flag and is only raised between two known people.
 */
import type { StoryAlignment } from "@/lib/align";
import { escapeRe } from "./common";
import { extractNames, speakerKeyOf } from "@/lib/text";
import type { Quote } from "@/lib/types";

export interface ResolvedSpeaker {
  name: string;
  key: string;
  /** How the name was found: as written, through a role the story names, or from the clause that introduces the quote. */
  via: "name" | "role" | "intro";
}

const DETERMINERS = /^(?:the|a|an|its|his|her|their|our|this|that)\s+/i;
/** Roles too vague to stand for one person. */
const VAGUE = /^(?:official|officials|source|sources|spokesman|spokeswoman|spokesperson|person|people|man|woman|expert|analyst|resident|witness|statement|group|member)s?$/i;


const NAME = "((?:\\p{Lu}[\\p{L}'’.-]+\\s+){0,2}\\p{Lu}[\\p{L}'’-]+)";

/** Names the bodies give to holders of `role` ("chairman" → "Douglas Faircloth"), as distinct speaker keys. */
function roleHolders(role: string, bodies: readonly string[]): Map<string, string> {
  // The role in any case ("Chairman", "fire chief"); the name in capitals (so no "i" flag).
  const r = escapeRe(role)
    .replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`)
    .replace(/\s+/g, "\\s+");
  const before = new RegExp(`\\b${r}\\s+${NAME}`, "gu");
  const after = new RegExp(`${NAME},\\s+(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)?\\s*(?:[\\p{L}'’-]+\\s+){0,3}${r}\\b`, "gu");
  const out = new Map<string, string>();
  for (const body of bodies) {
    for (const re of [before, after]) {
      re.lastIndex = 0;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const name = m[1].trim();
        if (!isPersonName(name) || name.split(/\s+/).length < 2) continue;
        out.set(speakerKeyOf(name), name);
      }
    }
  }
  return out;
}

const ROLE_CACHE = new WeakMap<StoryAlignment, Map<string, ResolvedSpeaker | null>>();

/** The person the story names in `role`, when exactly one person is named in it. */
export function resolveRole(al: StoryAlignment, role: string): ResolvedSpeaker | null {
  const head = role.replace(DETERMINERS, "").replace(/^[\p{L}'’-]+['’]s\s+/u, "").trim().toLowerCase();
  if (!head || VAGUE.test(head) || head.split(/\s+/).length > 3) return null;
  let cache = ROLE_CACHE.get(al);
  if (!cache) ROLE_CACHE.set(al, (cache = new Map()));
  if (cache.has(head)) return cache.get(head)!;
  const holders = roleHolders(head, al.index.articles.map((p) => p.analysis.article.body));
  const only = holders.size === 1 ? [...holders][0] : null;
  const out: ResolvedSpeaker | null = only ? { name: only[1], key: only[0], via: "role" } : null;
  cache.set(head, out);
  return out;
}

/** The one person named in the clause that introduces a quote with a colon, if there is exactly one. */
function introSpeaker(body: string, q: Quote): ResolvedSpeaker | null {
  const lineStart = body.lastIndexOf("\n", q.start) + 1;
  const before = body.slice(Math.max(lineStart, q.start - 240), q.start);
  const intro = before.match(/([^.!?”"]*):\s*["“‘']?\s*$/u);
  if (!intro) return null;
  // Two words at least ("Chief Marwood", "Ines Calloway"): a lone capitalised word may be anything ("Critics").
  const names = extractNames(intro[1]).map((n) => n.text).filter((n) => isPersonName(n) && n.trim().split(/\s+/).length >= 2 && !/\d/.test(n));
  const keys = new Map(names.map((n) => [speakerKeyOf(n), n]));
  if (keys.size !== 1) return null;
  const [key, name] = [...keys][0];
  return { name, key, via: "intro" };
}

const RESOLVED = new WeakMap<StoryAlignment, Map<string, ResolvedSpeaker | null>>();

/** The person quote `qi` of article `ai` is credited to, or null when that is not certain (once per story). */
export function resolveSpeaker(al: StoryAlignment, ai: number, qi: number): ResolvedSpeaker | null {
  let m = RESOLVED.get(al);
  if (!m) RESOLVED.set(al, (m = new Map()));
  const k = `${ai}:${qi}`;
  if (!m.has(k)) m.set(k, resolveUncached(al, ai, qi));
  return m.get(k)!;
}

function resolveUncached(al: StoryAlignment, ai: number, qi: number): ResolvedSpeaker | null {
  const a = al.index.articles[ai].analysis;
  const q = a.quotes[qi];
  // "the union's Callum Drysdale", "Labour's Dorota Halvik": the person is the name after the possessive.
  const owned = q.speaker ? /['’]s\s+(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+)+)$/u.exec(q.speaker) : null;
  if (owned && isPersonName(owned[1])) return { name: owned[1], key: speakerKeyOf(owned[1]), via: "name" };
  if (q.speaker && isPersonName(q.speaker)) {
    // A lone capitalised word is a surname only when the article gives the full name somewhere
    // ("Nuland" after "Victoria Nuland"); otherwise it may be "Critics" or "Twenty-three".
    const single = q.speaker.replace(/^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+/, "").trim();
    if (!/\s/.test(single) && !new RegExp(`\\p{Lu}[\\p{L}'’.-]+\\s+${escapeRe(single)}\\b`, "u").test(a.article.body)) return null;
    return { name: q.speaker, key: speakerKeyOf(q.speaker), via: "name" };
  }
  if (q.speaker) return resolveRole(al, q.speaker);
  return introSpeaker(a.article.body, q);
}

const NOT_NAME_WORDS = new Set(["the", "a", "an", "his", "her", "their", "its", "our", "one", "this", "that", "these", "those", "another", "every", "some"]);

// Words that make a capitalised phrase an organisation, body or place rather than a person.
const ORG_WORDS = new Set([
  "services", "service", "agency", "ministry", "department", "council", "company", "inc", "corp", "corporation", "group",
  "office", "commission", "committee", "association", "institute", "university", "authority", "board", "police", "government",
  "party", "campaign", "court", "news", "press", "times", "post", "network", "bank", "fund", "union", "foundation", "center",
  "centre", "house", "hospital", "school", "club", "team", "league", "organization", "organisation", "ltd", "llc", "co",
  // a party member described by place and party ("the West Virginia Democrat") is a description, not a name
  "democrat", "democrats", "republican", "republicans", "conservative", "conservatives", "liberal", "liberals", "socialist", "independent",
]);

/** True for a speaker string that reads as a personal name ("Mr. Witkoff", "Ursula von der Leyen"). */
export function isPersonName(s: string): boolean {
  const words = s.replace(/[’']s$/, "").trim().split(/\s+/);
  if (!words.length || words.length > 5) return false;
  if (words.some((w) => ORG_WORDS.has(w.toLowerCase().replace(/[.,]/g, "")))) return false;
  if (/[\d,;:!?()]/.test(s)) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || /^(von|van|der|den|de|del|da|di|du|la|le|bin|al|el|ibn)$/.test(w)) &&
    !words.some((w) => NOT_NAME_WORDS.has(w.toLowerCase()));
}


/** Organisation words: a capitalised speaker holding one is a body, not a person. */
const ORG_HEAD = /\b(?:union|association|alliance|group|council|committee|coalition|federation|party|league|society|institute|foundation|ministry|department|agency|office|action|network|campaign|trust|board|commission|company|corporation|bank)\b/i;
const AFFILIATION = /\b(?:spokes(?:man|woman|person)|member|chair(?:man|woman|person)?|director|head|leader|president|secretary|founder|organi[sz]er|representative|official)\s+(?:for|of|at|with)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’&-]*\s+){0,4}\p{Lu}[\p{L}'’&-]*)/u;

/**
 * The organisation a quote is credited to: the speaker itself when it is a body ("the Tenants
 * Union said"), or the body a named speaker speaks for ("Maya Sorensen, a spokesperson for
 * Kelsford Housing Action"), read from the attribution sentence.
 */
export function resolveOrganisation(al: StoryAlignment, ai: number, qi: number): string | null {
  const a = al.index.articles[ai].analysis;
  const q = a.quotes[qi];
  if (q.speaker && /^(?:the\s+)?\p{Lu}/iu.test(q.speaker) && ORG_HEAD.test(q.speaker) && !isPersonName(q.speaker)) {
    return q.speaker.replace(/^the\s+/i, "").trim();
  }
  const s = a.segmentation.sentences[q.sentence];
  if (!s) return null;
  // The attribution clause around the quote (the sentence that holds it and its end).
  const around = a.article.body.slice(Math.max(0, s.start - 40), Math.min(a.article.body.length, Math.max(s.end, q.end) + 200));
  const m = around.match(AFFILIATION);
  return m && ORG_HEAD.test(m[1]) ? m[1].trim() : null;
}
