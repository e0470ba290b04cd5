/**
 * Polarity: the words that turn a statement into its opposite. Negations
 * ("not", "never", "didn't"), and pairs of general-English antonyms and
 * reversed comparatives or quantifiers ("rose"/"fell", "best"/"worst",
 * "more"/"fewer", "all"/"none"), and hedges that a certainty replaces
 * ("may"/"will"). No names or phrases from any corpus: everyday vocabulary only.
 */

const NEGATIONS = new Set([
  "not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without", "cannot",
  "cant", "dont", "doesnt", "didnt", "wont", "isnt", "arent", "wasnt", "werent", "shouldnt", "wouldnt",
  "couldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt",
]);

/** Pairs of opposites, each side a list of surface forms. */
const OPPOSITES: [string[], string[]][] = [
  [["increase", "increased", "increases", "rise", "rose", "risen", "rises", "grow", "grew", "grown", "grows", "climb", "climbed", "gain", "gained"],
    ["decrease", "decreased", "decreases", "fall", "fell", "fallen", "falls", "shrink", "shrank", "shrunk", "drop", "dropped", "decline", "declined"]],
  [["narrow", "narrowed", "narrowing"], ["widen", "widened", "widening"]],
  [["best"], ["worst"]],
  [["better"], ["worse"]],
  [["more", "most"], ["less", "fewer", "least", "fewest"]],
  [["higher", "highest"], ["lower", "lowest"]],
  [["larger", "largest", "bigger", "biggest"], ["smaller", "smallest"]],
  [["all", "every", "everyone", "always"], ["none", "nobody", "never"]],
  [["win", "won", "wins", "winning", "victory"], ["lose", "lost", "loses", "losing", "defeat"]],
  [["approve", "approved", "approves", "accept", "accepted", "accepts"], ["reject", "rejected", "rejects", "refuse", "refused", "veto", "vetoed"]],
  [["allow", "allowed", "allows", "permit", "permitted", "legalize", "legalized"], ["ban", "banned", "bans", "forbid", "forbade", "prohibit", "prohibited", "block", "blocked"]],
  [["support", "supported", "supports", "backed", "favor", "favour"], ["oppose", "opposed", "opposes", "against"]],
  [["guilty", "convicted"], ["innocent", "acquitted"]],
  [["before", "earlier"], ["after", "later"]],
  [["success", "successful", "succeeded"], ["failure", "failed", "unsuccessful"]],
  [["strong", "stronger", "strengthen", "strengthened"], ["weak", "weaker", "weaken", "weakened"]],
  [["open", "opened", "opens"], ["close", "closed", "closes", "shut"]],
  [["start", "started", "begin", "began", "begun"], ["end", "ended", "stop", "stopped", "halt", "halted"]],
  [["confirm", "confirmed", "confirms"], ["deny", "denied", "denies"]],
  [["legal", "lawful"], ["illegal", "unlawful"]],
  [["safe", "safer"], ["dangerous", "unsafe"]],
  [["true"], ["false"]],
  [["positive"], ["negative"]],
  [["majority"], ["minority"]],
  [["surplus"], ["deficit"]],
  [["profit", "profits"], ["loss", "losses"]],
];

/** Modal hedges and the certainties that replace them. */
const HEDGES = new Set(["may", "might", "could", "possibly", "perhaps", "likely", "probably", "reportedly", "allegedly", "apparently", "appears", "seems", "suggests", "expected"]);

const SIDE = new Map<string, { pair: number; side: 0 | 1 }>();
OPPOSITES.forEach(([a, b], pair) => {
  for (const w of a) if (!SIDE.has(w)) SIDE.set(w, { pair, side: 0 });
  for (const w of b) if (!SIDE.has(w)) SIDE.set(w, { pair, side: 1 });
});

/** True for a folded word that negates ("not", "never", "didn't"). */
export function isNegation(word: string): boolean {
  return NEGATIONS.has(word.replace(/['’]/g, "")) || /n['’]t$/.test(word);
}

/** True for a folded word that hedges ("may", "reportedly"). */
export function isHedge(word: string): boolean {
  return HEDGES.has(word);
}

/** The opposite-pair and side of a folded word, when it has an opposite. */
export function oppositeOf(word: string): { pair: number; side: 0 | 1 } | null {
  // Every form is listed, so no stemming here (this runs on every token of aligned statements).
  return SIDE.get(word) ?? null;
}

/** Prefixes that turn an English word into its opposite ("popular"/"unpopular", "possible"/"impossible"). */
const NEGATING_PREFIXES = ["un", "dis", "in", "im", "ir", "il", "non"];
/** Shortest base word a negating prefix is read on (shorter ones are other words: "in" + "form"). */
const MIN_PREFIXED_BASE = 5;

/**
 * The word a folded word negates by its prefix ("unpopular" -> "popular", "non-binding" ->
 * "binding"), or null. No prefix of the list starts another, so a word has at most one.
 */
export function negatedBase(word: string): string | null {
  for (const p of NEGATING_PREFIXES) {
    if (!word.startsWith(p)) continue;
    const rest = word.startsWith("-", p.length) ? word.slice(p.length + 1) : word.slice(p.length);
    return rest.length >= MIN_PREFIXED_BASE ? rest : null;
  }
  return null;
}

/**
 * True when one folded word is the other with a negating prefix ("proportionate" /
 * "disproportionate"): general English morphology, so no list of pairs is needed.
 */
export function arePrefixOpposites(a: string, b: string): boolean {
  return negatedBase(a) === b || negatedBase(b) === a;
}
