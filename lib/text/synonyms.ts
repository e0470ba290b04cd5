/**
 * Near-synonyms of everyday news-writing vocabulary, so that "it is crucial"
 * supports "it is important" and "Russia accepted" supports "Russia agreed".
 * General English only: no names or phrases from any corpus. Used for support,
 * grouping and recognising a heavily reworded quote as the same statement; never
 * for deciding which words inside a quote changed (there a changed word IS the finding).
 */
import { stem } from "./stem";

const GROUPS: string[][] = [
  ["important", "crucial", "key", "vital", "essential", "critical", "significant", "major"],
  ["say", "says", "said", "saying", "stated", "stating", "tell", "tells", "told", "telling", "remark", "remarked",
    "declare", "declared", "noted", "explain", "explained", "comment", "commented", "claim", "claimed", "assert", "asserted"],
  ["agree", "agreed", "agrees", "accept", "accepted", "accepts", "consent", "consented"],
  ["big", "large", "huge", "massive", "enormous", "vast"],
  ["small", "little", "tiny", "minor"],
  ["begin", "began", "begun", "start", "started", "launch", "launched", "commence", "commenced"],
  ["end", "ended", "finish", "finished", "conclude", "concluded"],
  ["help", "helped", "assist", "assisted", "aid", "aided"],
  ["buy", "bought", "purchase", "purchased", "acquire", "acquired"],
  ["reveal", "revealed", "disclose", "disclosed", "show", "showed", "shown", "demonstrate", "demonstrated"],
  ["use", "used", "utilize", "utilized", "employ", "employed"],
  ["try", "tried", "attempt", "attempted"],
  ["want", "wanted", "wish", "wished", "desire", "desired"],
  ["need", "needed", "require", "required"],
  ["rise", "rose", "risen", "increase", "increased", "grow", "grew", "grown", "climb", "climbed", "surge", "surged"],
  ["fall", "fell", "fallen", "decrease", "decreased", "decline", "declined", "drop", "dropped", "plunge", "plunged"],
  ["talks", "discussion", "discussions", "negotiation", "negotiations"],
  ["guarantee", "guarantees", "assurance", "assurances"],
  ["warn", "warned", "caution", "cautioned"],
  ["criticize", "criticized", "criticise", "criticised", "slam", "slammed", "condemn", "condemned", "blast", "blasted"],
  ["allow", "allowed", "permit", "permitted", "let"],
  ["plan", "planned", "intend", "intended"],
  ["ask", "asked", "request", "requested"],
  ["leader", "leaders", "head", "chief"],
  ["quick", "quickly", "fast", "rapid", "rapidly", "swift", "swiftly"],
  ["country", "countries", "nation", "nations"],
  ["law", "laws", "legislation", "statute"],
  ["car", "cars", "vehicle", "vehicles", "automobile"],
  ["child", "children", "kid", "kids"],
  ["people", "persons", "individuals"],
  ["provide", "provided", "give", "gave", "given", "offer", "offered", "supply", "supplied"],
  ["ready", "prepared", "willing"],
  ["troops", "soldiers", "forces"],
  ["attack", "attacked", "strike", "assault"],
  ["arrest", "arrested", "detain", "detained"],
  ["investigation", "probe", "inquiry"],
  ["die", "died", "perish", "perished"],
  ["kill", "killed", "slay", "slain"],
  ["meet", "met", "meeting"],
  ["former", "ex", "previous"],
  ["big", "bigger", "larger"],
  ["chance", "possibility"],
  ["hope", "hoped", "hopefully"],
];

const TABLE = new Map<string, string>();
for (const group of GROUPS) {
  const canon = "~" + stem(group[0]);
  for (const w of group) {
    if (!TABLE.has(w)) TABLE.set(w, canon);
  }
}

/**
 * The canonical term of a folded word or of a stem, or null when the word is in
 * no synonym group. Canonical terms start with "~" so they never collide with stems.
 * Only listed surface forms map, so "states" (United States) is never read as "stated".
 */
export function canonicalTerm(wordOrStem: string): string | null {
  return TABLE.get(wordOrStem) ?? null;
}
