/** Venue of an attribution: the outlet or programme a quote was said to or on. */

/** A named thing that may be a venue ("Fox News Sunday", "the BBC"): up to five capitalised words. */
const NP = "((?:the[ \\t]+)?\\p{Lu}[\\p{L}\\p{N}&\\-]*(?:[ \\t]+(?:of[ \\t]+|the[ \\t]+|&[ \\t]+)?\\p{Lu}[\\p{L}\\p{N}&\\-]*){0,4})";
// Compiled once (no /g flag, so exec keeps no state between calls).
const TITLED = new RegExp(`\\b(?:on|to|with)\\s+(?:${NP}(?:’s|'s)\\s+)?[“"]([^”"]{2,60}?)[,.]?[”"]`, "u");
const INTERVIEW = new RegExp(`\\b(?:interview|appearance|conversation|speaking|appearing)\\s+(?:with|on|to)\\s+${NP}`, "u");
const TOLD = new RegExp(`\\btold\\s+${NP}`, "u");
const ON = new RegExp(`\\b(?:said|says|told\\s+\\S+|spoke|speaking|appeared|appearing)\\s+on\\s+${NP}`, "u");

/**
 * Venue of an attribution in a sentence: "told CNN", "on “Fox News Sunday”",
 * "speaking on CNN’s “State of the Union”", "in an interview with X".
 */
export function findVenue(body: string, from: number, to: number): string | null {
  const s = body.slice(from, to);
  const titled = TITLED.exec(s);
  if (titled && /^\p{Lu}/u.test(titled[2]) && titled[2].split(/\s+/).length <= 7) return titled[1] ? `${titled[1]}’s ${titled[2]}` : titled[2];
  const interview = INTERVIEW.exec(s);
  if (interview && !isDayLike(interview[1])) return stripThe(interview[1]);
  const told = TOLD.exec(s);
  if (told && !isDayLike(told[1]) && !/^(the\s+)?(Mr|Mrs|Ms|Dr|President|Senator)\b/.test(told[1]) && /\p{Lu}{2}|News|Times|Post|Journal|Radio|TV|Television|Network|Channel|Press|Agency|Magazine|Daily|Herald|Tribune|Guardian|Telegraph|Show|Today/u.test(told[1])) return stripThe(told[1]);
  const on = ON.exec(s);
  if (on && !isDayLike(on[1]) && /\p{Lu}{2}|News|Radio|TV|Network|Channel|Show/u.test(on[1])) return stripThe(on[1]);
  return null;
}

function stripThe(s: string): string {
  return s.replace(/^the\s+/, "").replace(/[.,]$/, "");
}

function isDayLike(s: string): boolean {
  return /^(the\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Tonight)\b/.test(s);
}
