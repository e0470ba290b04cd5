/**
 * Attribution: who said a quote, with which verb, and where (venue). Works on
 * the text around the quote inside its sentence (before and after), the way
 * news copy attributes speech: `“...,” Mr. X said`, `X said: “...”`,
 * `“...,” said X`, `according to X`, `X, a senior adviser, told CNN`.
 */
import type { Span } from "../types";

/** Speech verbs, inflected, that attribute a quote to a subject. */
const VERB_STEMS = [
  "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added", "adding",
  "state", "states", "stated", "note", "notes", "noted", "noting", "describe", "describes", "described",
  "explain", "explains", "explained", "explaining", "write", "writes", "wrote", "writing", "tweet", "tweets",
  "tweeted", "ask", "asks", "asked", "asking", "warn", "warns", "warned", "insist", "insists",
  "insisted", "argue", "argues", "argued", "arguing", "claim", "claims", "claimed", "continue", "continues",
  "continued", "recall", "recalls", "recalled", "acknowledge", "acknowledges", "acknowledged", "emphasize",
  "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised", "declare", "declares", "declared",
  "announce", "announces", "announced", "reply", "replies", "replied", "respond", "responds", "responded",
  "remark", "remarks", "remarked", "observe", "observes", "observed", "suggest", "suggests", "suggested",
  "contend", "contends", "contended", "predict", "predicts", "predicted", "conclude", "concludes", "concluded",
  "admit", "admits", "admitted", "complain", "complains", "complained", "joke", "jokes", "joked", "quip",
  "quips", "quipped", "shout", "shouts", "shouted", "urge", "urges", "urged", "stress", "stresses", "stressed",
  "confirm", "confirms", "confirmed", "reveal", "reveals", "revealed", "posted", "testify",
  "testifies", "testified", "muse", "mused", "cautions", "cautioned", "charged",
  "countered", "boast", "boasted", "vow", "vows", "vowed", "promise", "promised", "pledge", "pledged", "affirm",
  "affirmed", "maintain", "maintains", "maintained", "lament", "lamented", "exclaim", "exclaimed", "whisper",
  "whispered", "assure", "assured", "opine", "opined", "report", "reports", "reported", "report", "indicate",
  "indicated", "indicates", "retort", "retorted", "scoffed", "chimed", "yelled", "screamed", "told", "recount",
  "recounted", "concede", "conceded", "concedes", "allege", "alleged", "alleges", "deny", "denied", "denies",
  "proclaim", "proclaimed", "thunder", "thundered", "demand", "demanded", "demands", "pointed", "points",
  "put", "stating", "explaining", "adding", "arguing", "insisting", "telling", "clarify", "clarified", "clarifies",
  "reiterate", "reiterated", "reiterates", "underscored", "mentioned", "commented", "comments", "wondered", "noting",
  "saying", "asserted", "asserts", "assert", "acknowledging", "conceding", "describing", "stressing",
  "call", "calls", "called", "calling", "cite", "cites", "cited", "citing", "criticize", "criticizes", "criticized",
  "criticise", "criticised", "dismiss", "dismisses", "dismissed", "blast", "blasts", "blasted", "slam", "slams",
  "slammed", "accuse", "accuses", "accused", "accusing", "denounce", "denounces", "denounced", "denouncing",
  "label", "labels", "labeled", "labelled", "dubbed", "branded", "praise", "praised", "praises", "mock", "mocks",
  "mocked", "mocking", "sing", "sings", "sang", "singing", "chant", "chanted", "chanting", "decry", "decried",
  "lashed", "rip", "rips", "ripped", "hail", "hailed", "hails", "promising", "claiming", "vowing", "pledging",
  "urging", "demanding", "questioned", "questions", "wonders", "blamed", "blames", "touted", "touts", "tweeting",
  "writes", "emailed", "texted", "messaged", "joking", "quipping", "boasting", "responding", "replying",
  "condemn", "condemns", "condemned", "scold", "scolds", "scolded", "liken", "likens", "likened", "laud", "lauds",
  "lauded", "reads", "read", "recalling", "recounting", "posited", "posits", "exhorted", "quipped", "shot",
  "yells", "yelling", "shouts", "screams", "cries", "cried", "characterized", "characterizes", "characterised",
];
// Case-sensitive on purpose: "States" in "United States" or "Reveals" in a title-case heading is not a speech verb.
export const SPEECH_VERB = new RegExp(`\\b(${[...new Set(VERB_STEMS)].join("|")})\\b`);
const SPEECH_VERB_G = new RegExp(`\\b(${[...new Set(VERB_STEMS)].join("|")})\\b`, "g");

const PRONOUNS = /^(he|she|they|i|we|it)(['’](s|d|ll|ve|re))?$/i;

/** Words that can sit between a subject and its speech verb ("Witkoff also said", "she has repeatedly said"). */
const ADVERB = /^(also|later|then|again|previously|recently|once|repeatedly|reportedly|has|have|had|was|were|is|would|will|had|further|earlier|separately|similarly|simply|flatly|bluntly|quickly|finally|first|once|just|told|would|later|often|has|never|publicly|privately|emphatically|openly|specifically)$/i;

/** Words that never end a subject noun phrase. */
const FUNCTION_WORD = /^(and|or|but|that|which|who|whom|to|of|in|on|at|by|for|with|from|as|than|then|so|if|when|while|the|a|an|is|was|are|were|be|been|has|have|had|not|no|also|this|these|those|there|here|it's)$/i;

/** Honorifics kept in the name as written; role words are stripped off the front. */
const HONORIFIC = /^(Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Rev)\.?$/;
const ROLE =
  /^(President|Vice|Prime|Minister|Chancellor|Secretary|Envoy|Senator|Sen\.?|Rep\.?|Gov\.?|Governor|Mayor|Director|Chairman|Chairwoman|Chair|Spokesman|Spokeswoman|Spokesperson|Ambassador|General|Gen\.?|Lt\.?|Col\.?|Maj\.?|Capt\.?|Sgt\.?|Adm\.?|Adviser|Advisor|Leader|Chief|CEO|Commissioner|Judge|Justice|Attorney|Representative|Speaker|Deputy|Fellow|Professor|Candidate|Nominee|Manager|Officer|Editor|Analyst|Economist|Strategist|Pollster|Correspondent|Reporter|Host|Anchor|Founder|Chairperson|Head|Treasurer|Sheriff|Coach|Pope|King|Queen|Prince|Princess|Emir|Sheikh|Cardinal|Bishop|Rabbi|Imam|Premier|Congressman|Congresswoman|Councilman|Councilwoman|Delegate|Dean|Provost|Superintendent|Commander|Marshal|Colonel|Lieutenant|Sergeant|Captain|Admiral|Major|Private|Corporal|Detective|Inspector|Officer|Counsel|Solicitor|Prosecutor|Senior|Junior|Special|Presidential|Foreign|Defense|Defence|State|Interior|Finance|Press|White|House)$/;

/** Name particles that may sit lower-case inside a name ("Ursula von der Leyen"). */
const PARTICLE = /^(von|van|der|den|de|del|della|di|da|du|la|le|bin|ibn|al|el|ben|dos|das|ter|zu|y)$/;

/** Capitalised words that are not names (sentence openers, months, days). */
const NOT_NAME =
  /^(The|A|An|This|That|These|Those|It|Its|In|On|At|But|And|Or|So|If|When|While|After|Before|However|Meanwhile|Yet|As|For|From|With|By|To|Of|Then|There|Here|Now|Still|Also|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|Tonight|Last|Next|Earlier|Later|According|Regarding|Speaking|During|Asked|When|Where|What|Who|Why|How|Some|Many|Most|All|Both|Several|One|Two|Three|His|Her|Their|Our|My|Your|We|I|He|She|They|You|Sources?|Though|Although|Once|Because|Since|Until|Unless|Whether|Even|Only|Just|Not|No|Yes|Instead|Indeed|Perhaps|Maybe|Both|Either|Neither|Such|Every|Each|Any|Other|Another|Among|Without|Within|Under|Over|Above|Between|Against|Through|Despite|Like|Unlike|Further|Furthermore|Moreover|Additionally|Overall|Initially|Finally|Ultimately|Currently|Recently|Previously|Few|More|Less|Much|New|Many|Thus|Hence|Therefore|Nevertheless|Nonetheless|Otherwise|Also|Again|Already|Always|Never|Often|Sometimes|Here|Following|Prior|Given|Amid|Across|Around|Behind|Beyond|Inside|Outside|Upon|Via)$/;

export interface SpeakerMatch {
  /** The mention as written. */
  text: string;
  span: Span;
  pronoun: boolean;
  cue: string;
  cueSpan: Span;
}

interface Tok {
  text: string;
  start: number;
  end: number;
}

function tokens(body: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}\p{M}.’'\-]*|[^\s\p{L}\p{N}]/gu;
  re.lastIndex = 0;
  const s = body.slice(from, to);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let t = m[0];
    // keep the final period only for abbreviations and initials ("Mr.", "J.", "U.S."), not at a sentence end
    if (t.length > 1 && t.endsWith(".") && !/^(\p{Lu}|(\p{L}\.)+\p{L}|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|St|Jr|Sr|Rev|Mx)\.$/u.test(t)) t = t.slice(0, -1);
    if (t.length > 1 && /['’]$/.test(t)) t = t.slice(0, -1);
    out.push({ text: t, start: from + m.index, end: from + m.index + t.length });
  }
  return out;
}

/** The "." token is an abbreviation's dot ("Rep.", "D-Wis.") rather than a sentence end. */
function isAbbrevDot(body: string, t: Tok): boolean {
  return /[\p{L}]/u.test(body[t.start - 1] ?? "") && /^\s*[\p{Ll}(,)]/u.test(body.slice(t.end, t.end + 3));
}

/** Words that are speech verbs or plural nouns ("claims", "remarks"); after a determiner or adjective they are nouns. */
const NOUN_OR_VERB = /^(claims|comments|remarks|notes|reports|calls|tweets|questions|demands|states|posts|points|warns|promises|pledges|vows|quotes|replies|answers|statements)$/;

/** "32% of Republican claims", "the protests demands": a noun, not a speech verb. */
function nounUse(toks: Tok[], v: number): boolean {
  // "Kim's mental state is ...", "the state of": a speech-verb spelling used as a noun
  if (/^(state|states|note|notes|report|reports|claim|claims|comment|comments|remark|remarks|call|calls|tweet|tweets|post|posts|promise|pledge|quote|quotes|answer|reply|demand|demands|question|questions)$/.test(toks[v].text) && /^(is|was|are|were|has|had|of)$/.test(toks[v + 1]?.text ?? "")) return true;
  if (!NOUN_OR_VERB.test(toks[v].text)) return false;
  let k = v - 1;
  while (k >= 0 && /^\p{Lu}/u.test(toks[k].text) && v - k <= 2) k--;
  const before = toks[k]?.text ?? "";
  return k < v - 1 ? /^(of|the|a|an|his|her|their|its|our|my|these|those|some|many|and|\d+%?|%)$/i.test(before) : /^(the|his|her|their|its|our|my|these|those|some|many|and|of)$/i.test(before);
}

/** "9/11 widow Terry Strada", "conservative talk radio host Rush Limbaugh": skip a short lower-case descriptor to the name. */
function nameAfterDescriptor(toks: Tok[], from: number): { first: number; last: number; pronoun: boolean } | null {
  for (let k = from + 1; k < Math.min(toks.length, from + 7); k++) {
    if (/^[,.;:“"”]$/.test(toks[k - 1].text)) return null;
    if (isNameToken(toks[k].text)) {
      const np = npStartingAt(toks, k);
      return np && !np.pronoun ? np : null;
    }
  }
  return null;
}

/** An appositive after a name opens with a determiner, a role or a capitalised title ("Flynn, a top Trump surrogate, said"). */
function isAppositiveStart(t: string | undefined): boolean {
  if (!t) return false;
  return /^(a|an|the|his|her|their|its|who|whose|former|then|now|one|also|senior|chief|deputy|top|spokesman|spokeswoman|spokesperson)$/i.test(t) || /^\p{Lu}/u.test(t) || LOWER_ROLE_TEST.test(t);
}
const LOWER_ROLE_TEST = /^(president|envoy|special|minister|secretary|leader|chancellor|senator|governor|chief|general|adviser|advisor|candidate|nominee|director|chairman|official|ambassador|commissioner|representative|professor|fellow|analyst|economist|strategist|pollster|author|attorney|lawyer|executive|founder|host|editor|reporter|correspondent)$/i;

const TIME_WORD = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend|month|year|earlier|later|recently)$/;

/** Step back over a time phrase between a subject and its verb ("Mr. Obama on Thursday said"). */
function skipTemporal(toks: Tok[], e: number): number {
  let k = e;
  while (k >= 0 && TIME_WORD.test(toks[k].text)) {
    k--;
    while (k >= 0 && /^(on|last|this|late|early|earlier|that|the|in|of|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)$/.test(toks[k].text)) k--;
  }
  return k === e ? e : k;
}

/** Step back over a parenthetical "(D-Wis.)" that ends at token e. */
function skipParenthetical(toks: Tok[], e: number): number {
  if (e < 0 || toks[e].text !== ")") return e;
  let k = e;
  while (k >= 0 && toks[k].text !== "(") k--;
  return k > 0 ? k - 1 : e;
}

function isCap(t: string): boolean {
  return /^\p{Lu}/u.test(t);
}

function isNameToken(t: string): boolean {
  return isCap(t) && !NOT_NAME.test(t);
}

/**
 * The noun phrase that ENDS at token index `last` (inclusive), read backwards:
 * a capitalised name run (with honorifics, particles and roles; roles then
 * stripped), a pronoun, or a short determiner phrase ("the source", "a spokesman").
 */
function npEndingAt(toks: Tok[], last: number): { first: number; last: number; pronoun: boolean } | null {
  if (last < 0) return null;
  const t = toks[last].text;
  if (!/^[\p{L}\p{N}]/u.test(t) || FUNCTION_WORD.test(t)) return null;
  if (PRONOUNS.test(t)) return { first: last, last, pronoun: true };
  if (isNameToken(t) || HONORIFIC.test(t)) {
    let first = last;
    while (first - 1 >= 0) {
      const p = toks[first - 1].text;
      if (isNameToken(p) || HONORIFIC.test(p)) first--;
      else if (PARTICLE.test(p)) {
        // "von der Leyen": accept a chain of particles when a capitalised name precedes it
        let q = first - 1;
        while (q >= 0 && PARTICLE.test(toks[q].text)) q--;
        if (q >= 0 && isNameToken(toks[q].text) && first - q <= 3) first = q;
        else break;
      } else break;
    }
    // a possessive is an owner, not a subject ("Trump’s stated willingness")
    if (/['’]s$/.test(toks[last].text) || toks[last + 1]?.text === "’" || toks[last + 1]?.text === "'") return null;
    // drop owners ("CNN’s Jake Tapper") and leading roles ("President Trump", "Secretary of State Marco Rubio")
    for (let k = last - 1; k >= first; k--) {
      if (/['’]s$/.test(toks[k].text) || toks[k + 1]?.text === "’" || toks[k + 1]?.text === "'") {
        first = k + 1;
        break;
      }
    }
    let lastRole = -1;
    for (let k = first; k < last; k++) if (ROLE.test(toks[k].text)) lastRole = k;
    if (lastRole >= 0) first = lastRole + 1;
    while (first < last && (PARTICLE.test(toks[first].text) || NOT_NAME.test(toks[first].text))) first++;
    // a long run is usually "Organisation Role Name": keep the last three tokens at most (plus honorific)
    if (last - first > 3) first = last - 2;
    return { first, last, pronoun: false };
  }
  // lower-case phrase: "the source", "a campaign spokesman", "officials", "the Post" handled above
  let first = last;
  let n = 0;
  while (first - 1 >= 0 && n < 4) {
    const p = toks[first - 1].text;
    if (!/^[\p{L}\p{N}][\p{L}\p{N}\-’']*$/u.test(p) || SPEECH_VERB.test(p) && p.length > 2 && /^(said|says|told)$/i.test(p)) break;
    if (/^(that|and|but|or|as|while|when|who|which|because|if|so|than|then|where|after|before|since)$/i.test(p)) break;
    first--;
    n++;
    if (/^(the|a|an|his|her|their|its|one|another|some|many|other|two|three|several|both|these|those|our)$/i.test(p)) break;
  }
  const head = toks[first].text;
  // "Obama's former campaign strategist": a possessive name works as a determiner
  const possHead = /^\p{Lu}/u.test(head) && /['’]s$/.test(head);
  if (!possHead && !/^(the|a|an|his|her|their|its|one|another|some|many|other|two|three|several|both|these|those|our)$/i.test(head) && first !== last) {
    // without a determiner accept only a bare plural ("officials said", "sources say")
    if (!/s$/i.test(t)) return null;
    return { first: last, last, pronoun: false };
  }
  if (first === last && !/s$/i.test(t)) return null;
  return { first, last, pronoun: false };
}

/** The noun phrase that STARTS at token index `i`: for verb-first attributions ("said Mr. Witkoff", "says Støre"). */
function npStartingAt(toks: Tok[], i: number): { first: number; last: number; pronoun: boolean } | null {
  if (i >= toks.length) return null;
  const t = toks[i].text;
  if (PRONOUNS.test(t)) return { first: i, last: i, pronoun: true };
  if (isNameToken(t) || HONORIFIC.test(t)) {
    let last = i;
    while (last + 1 < toks.length) {
      const n = toks[last + 1].text;
      if (isNameToken(n) || HONORIFIC.test(n) || (PARTICLE.test(n) && last + 2 < toks.length && isCap(toks[last + 2].text))) last++;
      else break;
    }
    const np = npEndingAt(toks.slice(0, last + 1), last);
    if (np && np.first >= i) return np;
    return { first: i, last, pronoun: false };
  }
  if (/^(the|a|an|his|her|their|its|one|another)$/i.test(t)) {
    let last = i;
    while (last + 1 < toks.length && last - i < 5 && /^[\p{L}\p{N}][\p{L}\p{N}\-.’']*$/u.test(toks[last + 1].text) && !/^(in|on|at|after|before|who|which|that|during|to|from|with|of|and|for)$/i.test(toks[last + 1].text)) last++;
    if (last === i) return null;
    // continue through "of X" / "for X" once when followed by a name ("a spokesman for the Clinton campaign")
    return { first: i, last, pronoun: false };
  }
  return null;
}

function mk(body: string, toks: Tok[], np: { first: number; last: number; pronoun: boolean }, cue: Tok, cueText?: string, cueEnd?: number): SpeakerMatch {
  const start = toks[np.first].start;
  const end = toks[np.last].end;
  return {
    text: body.slice(start, end),
    span: { start, end },
    pronoun: np.pronoun,
    cue: cueText ?? cue.text,
    cueSpan: { start: cue.start, end: cueEnd ?? cue.end },
  };
}

/**
 * Attribution AFTER a quote: the clause from the closing mark up to the next
 * quote / sentence end. `“...,” he said`, `“...,” said Mr. X`, `“...,” X told CNN`.
 */
export function attributionAfter(body: string, from: number, to: number): SpeakerMatch | null {
  const toks = tokens(body, from, to);
  // skip the punctuation right after the quote
  let i = 0;
  while (i < toks.length && /^[,.;:!?”"’'»)\]–—―-]$/.test(toks[i].text)) i++;
  // "“...” ― Name": a dash then a bare name closes a quote in letters, vox pops and epigraphs
  if (i > 0 && /^[―—–-]$/.test(toks[i - 1].text) && i < toks.length) {
    const np = npStartingAt(toks, i);
    const after = np ? toks[np.last + 1] : undefined;
    if (np && !np.pronoun && (!after || /^[.,;(“"”]$/.test(after.text))) return mk(body, toks, np, toks[i - 1], toks[i - 1].text);
  }
  const clause = toks.slice(i, i + 40);
  const stop = clause.findIndex((t) => /^[;!?“"«„]$/.test(t.text) || (t.text === "." && !isAbbrevDot(body, t)));
  const win = (stop >= 0 ? clause.slice(0, stop) : clause).slice(0, 26);
  if (win.length === 0) return null;
  // "Name, <long appositive>, said": a name right after the quote, a comma, and a speech verb later in the sentence after a comma
  const lead = npStartingAt(clause, 0);
  if (lead && !lead.pronoun && clause[lead.last + 1]?.text === ",") {
    for (let v = lead.last + 2; v < clause.length; v++) {
      const tv = clause[v].text;
      if (/^[;!?“"«„]$/.test(tv) || (tv === "." && !isAbbrevDot(body, clause[v]))) break;
      if (SPEECH_VERB.test(tv) && tv.length > 2 && clause[v - 1].text === ",") return mk(body, clause, lead, clause[v]);
    }
  }
  // "according to X"
  if (/^according$/i.test(win[0].text) && win[1] && /^to$/i.test(win[1].text)) {
    const np = npStartingAt(win, 2);
    if (np) return mk(body, win, np, win[0], "according to", win[1].end);
    const np2 = nameAfterDescriptor(win, 2);
    if (np2) return mk(body, win, np2, win[0], "according to", win[1].end);
  }
  // verb first: "said Mr. Witkoff", "says Støre after the meeting"
  if (SPEECH_VERB.test(win[0].text) && win[0].text.length > 2) {
    const np = npStartingAt(win, 1);
    if (np) return mk(body, win, np, win[0]);
    // "said 9/11 widow Terry Strada": a short lower-case descriptor, then the name
    const np2 = nameAfterDescriptor(win, 1);
    if (np2) return mk(body, win, np2, win[0]);
  }
  // subject then verb: "he said", "Mr. Witkoff said on", "Flynn, a top Trump surrogate, said"
  for (let v = 1; v < win.length; v++) {
    if (!SPEECH_VERB.test(win[v].text) || win[v].text.length <= 2) continue;
    if (nounUse(win, v)) continue;
    let e = v - 1;
    while (e >= 0 && (ADVERB.test(win[e].text) || /^\p{Ll}+ly$/u.test(win[e].text))) e--;
    e = skipTemporal(win, skipParenthetical(win, e));
    if (e >= 0 && win[e].text === ",") {
      // appositive: "Flynn, a top Trump surrogate, said"
      let c = e - 1;
      while (c >= 0 && win[c].text !== ",") c--;
      if (c > 0 && (isAppositiveStart(win[c + 1]?.text) || (isNameToken(win[c - 1].text) && !/^(including|such|especially|particularly|like|and|but)$/i.test(win[c + 1]?.text ?? ""))))
        e = skipParenthetical(win, c - 1);
    }
    const np = e >= 0 ? npEndingAt(win.slice(0, e + 1), e) : null;
    if (np && np.first === 0) return mk(body, win, np, win[v]);
    // a descriptor may precede the name ("Tulsa police Chief Chuck Jordan said")
    if (np && np.first <= 8 && !win.slice(0, np.first).some((t) => /^(on|in|at|for|to|with|by|from|including|about|over|after|into|against)$/.test(t.text)) && win.slice(0, np.first).every((t) => /^[,\-–—]$/.test(t.text) || /^[\p{L}\p{N}][\p{L}\p{N}.’'\-]*$/u.test(t.text)) && !win.slice(0, np.first).some((t) => SPEECH_VERB.test(t.text) || /^(and|but|while|as|when|because|after|before)$/i.test(t.text)))
      return mk(body, win, np, win[v]);
    break;
  }
  return null;
}

/**
 * Attribution BEFORE a quote, inside the same sentence: `X said: “...”`,
 * `X told CNN that “...”`, `According to X, “...”`, `X: “...”`.
 * The nearest speech verb before the quote wins.
 */
export function attributionBefore(body: string, from: number, to: number, sentStart?: number): SpeakerMatch | null {
  const toks = tokens(body, from, to);
  if (toks.length === 0) return null;
  // "X: “...”" — a bare name and colon right before the quote
  const lastTok = toks[toks.length - 1];
  for (let v = toks.length - 1; v >= 0; v--) {
    const t = toks[v];
    if (/^according$/i.test(t.text) && toks[v + 1] && /^to$/i.test(toks[v + 1].text)) {
      const np = npStartingAt(toks, v + 2);
      if (np) return mk(body, toks, np, t, "according to", toks[v + 1].end);
      const np2 = nameAfterDescriptor(toks, v + 2);
      if (np2) return mk(body, toks, np2, t, "according to", toks[v + 1].end);
      continue;
    }
    if (!SPEECH_VERB.test(t.text) || t.text.length <= 2) continue;
    if (nounUse(toks, v)) continue;
    let e = v - 1;
    while (e >= 0 && (ADVERB.test(toks[e].text) || /^\p{Ll}+ly$/u.test(toks[e].text))) e--;
    e = skipTemporal(toks, skipParenthetical(toks, e));
    // "outlined his plan and vowed", "took to Twitter to accuse", "mocked the complaint, saying": the clause subject speaks
    if (e >= 0 && (/^(and|to|by)$/i.test(toks[e].text) || (toks[e].text === "," && /ing$/.test(t.text)))) {
      const subj = sentenceSubject(body, sentStart ?? from, t.start);
      if (subj) return { ...subj, cue: t.text, cueSpan: { start: t.start, end: t.end } };
      continue;
    }
    if (e >= 0 && toks[e].text === ",") {
      let c = e - 1;
      while (c >= 0 && toks[c].text !== ",") c--;
      if (c > 0 && e - c <= 12 && (isAppositiveStart(toks[c + 1]?.text) || (isNameToken(toks[c - 1].text) && !/^(including|such|especially|particularly|like|and|but)$/i.test(toks[c + 1]?.text ?? ""))))
        e = skipParenthetical(toks, c - 1);
    }
    if (e >= 0 && /^(with|as)$/i.test(toks[e].text)) e--; // "with Putin saying"
    const np = e >= 0 ? npEndingAt(toks.slice(0, e + 1), e) : null;
    if (np) return mk(body, toks, np, t);
    // verb first before the quote: "said Mr. X: “...”" (only a name directly followed by ':' or ',' or the quote)
    if (/^(said|says|asked|asks|added|adds|wrote|writes|continued|recalled|explained)$/.test(t.text)) {
      const np2 = npStartingAt(toks, v + 1);
      const after = np2 ? toks[np2.last + 1] : undefined;
      if (np2 && !np2.pronoun && (!after || /^[:,]$/.test(after.text))) return mk(body, toks, np2, t);
    }
  }
  if (lastTok.text === ":" && toks.length >= 2) {
    const np = npEndingAt(toks.slice(0, toks.length - 1), toks.length - 2);
    if (np && !np.pronoun && np.first <= 2) return mk(body, toks, np, lastTok, ":");
  }
  // "Trump’s claim that ... “...”": a possessive name before a speech noun
  for (let v = toks.length - 1; v >= 1; v--) {
    if (!SPEECH_NOUN.test(toks[v].text)) continue;
    const owner = toks[v - 1];
    if (!/['’]s$/.test(owner.text) || !isNameToken(owner.text)) continue;
    let first = v - 1;
    while (first - 1 >= 0 && (isNameToken(toks[first - 1].text) || HONORIFIC.test(toks[first - 1].text)) && !ROLE.test(toks[first - 1].text)) first--;
    const start = toks[first].start;
    const end = owner.end - 2;
    return { text: body.slice(start, end), span: { start, end }, pronoun: false, cue: toks[v].text, cueSpan: { start: toks[v].start, end: toks[v].end } };
  }
  return null;
}

/** Nouns that report speech: "Trump’s claim", "Clinton’s remarks". */
const SPEECH_NOUN = /^(claim|claims|statement|statements|remark|remarks|comment|comments|words|description|warning|promise|pledge|assertion|accusation|tweet|tweets|message|argument|insistence|suggestion|characterization|phrase|quote|line|slogan|response|answer|reply|plea|vow|demand|question|speech|testimony|interview|post|letter|announcement)$/i;

/**
 * Named subjects of speech verbs across a text (for pronoun resolution): each
 * "Name said/says/told ..." and "said Name" mention, in order.
 */
export function namedSpeakers(body: string, from: number, to: number): SpeakerMatch[] {
  const out: SpeakerMatch[] = [];
  SPEECH_VERB_G.lastIndex = 0;
  const s = body.slice(from, to);
  for (let m = SPEECH_VERB_G.exec(s); m; m = SPEECH_VERB_G.exec(s)) {
    const vStart = from + m.index;
    const before = attributionBefore(body, Math.max(from, vStart - 120), vStart + m[0].length);
    if (before && !before.pronoun && before.cueSpan.start === vStart) out.push(before);
  }
  return out;
}

/** Normalised key for a speaker: the last name token, lower-case, without accents or possessive. */
export function speakerKey(name: string): string {
  const toks = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/['’]s\b/g, "")
    .split(/\s+/)
    .map((t) => t.replace(/[^\p{L}\p{N}\-]/gu, ""))
    .filter((t) => t && !/^(jr|sr|ii|iii|iv)$/i.test(t));
  return (toks[toks.length - 1] ?? "").toLowerCase();
}

/**
 * Venue of an attribution in a sentence: "told CNN", "on “Fox News Sunday”",
 * "speaking on CNN’s “State of the Union”", "in an interview with X".
 */
export function findVenue(body: string, from: number, to: number): string | null {
  const s = body.slice(from, to);
  const NP = "((?:the[ \\t]+)?\\p{Lu}[\\p{L}\\p{N}&\\-]*(?:[ \\t]+(?:of[ \\t]+|the[ \\t]+|&[ \\t]+)?\\p{Lu}[\\p{L}\\p{N}&\\-]*){0,4})";
  const titled = new RegExp(`\\b(?:on|to|with)\\s+(?:${NP}(?:’s|'s)\\s+)?[“"]([^”"]{2,60}?)[,.]?[”"]`, "u").exec(s);
  if (titled && /^\p{Lu}/u.test(titled[2]) && titled[2].split(/\s+/).length <= 7) return titled[1] ? `${titled[1]}’s ${titled[2]}` : titled[2];
  const interview = new RegExp(`\\b(?:interview|appearance|conversation|speaking|appearing)\\s+(?:with|on|to)\\s+${NP}`, "u").exec(s);
  if (interview && !isDayLike(interview[1])) return stripThe(interview[1]);
  const told = new RegExp(`\\btold\\s+${NP}`, "u").exec(s);
  if (told && !isDayLike(told[1]) && !/^(the\s+)?(Mr|Mrs|Ms|Dr|President|Senator)\b/.test(told[1]) && /\p{Lu}{2}|News|Times|Post|Journal|Radio|TV|Television|Network|Channel|Press|Agency|Magazine|Daily|Herald|Tribune|Guardian|Telegraph|Show|Today/u.test(told[1])) return stripThe(told[1]);
  const on = new RegExp(`\\b(?:said|says|told\\s+\\S+|spoke|speaking|appeared|appearing)\\s+on\\s+${NP}`, "u").exec(s);
  if (on && !isDayLike(on[1]) && /\p{Lu}{2}|News|Radio|TV|Network|Channel|Show/u.test(on[1])) return stripThe(on[1]);
  return null;
}

function stripThe(s: string): string {
  return s.replace(/^the\s+/, "").replace(/[.,]$/, "");
}

function isDayLike(s: string): boolean {
  return /^(the\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Tonight)\b/.test(s);
}

/** Last tokens that make a capitalised run an organisation or place rather than a person. */
const ORG_TAIL =
  /^(Union|States|House|Department|Ministry|Agency|Council|Commission|Party|Committee|Congress|Senate|Court|Office|Times|Post|News|Kingdom|Nations|Federation|Republic|Government|Administration|Institute|University|Bank|Fund|Organization|Organisation|Association|Group|Company|Corporation|Inc|Network|Service|Forces|Army|Police|Street|City|County|Center|Centre|Foundation|Campaign|Journal|Press|Radio|Television|Channel|Magazine|Review|Daily|Herald|Tribune|Guardian|Telegraph|Independent|Axios|Reuters|Politico|Club|Board|Authority|Alliance|Coalition|Movement|Front|Treaty|Charter|Summit|Conference|Assembly|Parliament|Cabinet|Kremlin|Pentagon)$/;

/** True when a name mention plausibly denotes a person (for resolving he/she). */
export function isPersonLike(name: string, surnames: ReadonlySet<string>): boolean {
  const toks = name.split(/\s+/).filter(Boolean);
  if (toks.length === 0) return false;
  const lastTok = toks[toks.length - 1].replace(/[^\p{L}\-]/gu, "");
  if (ORG_TAIL.test(lastTok) || /^\p{Lu}+$/u.test(lastTok)) return false;
  if (!toks.every((t) => /^\p{Lu}/u.test(t) || PARTICLE.test(t))) return false;
  if (HONORIFIC.test(toks[0])) return true;
  if (toks.length >= 2) return true;
  return surnames.has(lastTok);
}

/** Surnames: last tokens of multi-word capitalised names in the text ("Steve Witkoff" → "Witkoff"). */
export function collectSurnames(body: string, spans: readonly Span[]): Set<string> {
  const out = new Set<string>();
  for (const sp of spans) {
    const toks = tokens(body, sp.start, sp.end);
    for (let i = 0; i + 1 < toks.length; i++) {
      if (!(isNameToken(toks[i].text) || HONORIFIC.test(toks[i].text))) continue;
      const n = toks[i + 1].text;
      if (isNameToken(n) && !/^\p{Lu}+$/u.test(n) && !ORG_TAIL.test(n) && !/['’]s$/.test(toks[i].text) && !ROLE.test(n)) out.add(n.replace(/['’]s$/, ""));
    }
  }
  return out;
}

const INTRO = /^(during|before|after|in|on|at|however|meanwhile|there|speaking|when|while|following|regarding|despite|earlier|later|still|but|and|yet|so|separately|also|on|last|this|asked|since|as)$/i;
const LOWER_ROLE = /^(president|envoy|special|minister|secretary|leader|chancellor|spokesman|spokeswoman|spokesperson|senator|governor|chief|general|adviser|advisor|candidate|nominee|foreign|prime|vice|former|state|deputy|senior|top|presidential|defense|defence|press|campaign|manager|director|chairman|official|ambassador|commissioner|representative|rep|sen|gov)$/i;

/**
 * The named subject at the start of a sentence ("Before the meeting, Zelenskyy
 * held ...", "European Commission president Ursula von der Leyen, speaking ...").
 */
export function sentenceSubject(body: string, from: number, to: number): SpeakerMatch | null {
  const toks = tokens(body, from, Math.min(to, from + 300));
  let i = 0;
  if (toks[0] && INTRO.test(toks[0].text)) {
    const c = toks.findIndex((t, k) => k < 12 && t.text === ",");
    if (c > 0) i = c + 1;
  }
  let j = i;
  let lastName = -1;
  while (j < toks.length && j - i < 12) {
    const t = toks[j].text;
    if (isNameToken(t) || HONORIFIC.test(t)) lastName = j;
    else if (!(PARTICLE.test(t) || LOWER_ROLE.test(t) || /^(of|the)$/.test(t))) break;
    j++;
  }
  if (lastName < 0) {
    const p = toks[i];
    if (p && PRONOUNS.test(p.text)) return mk(body, toks, { first: i, last: i, pronoun: true }, p, "", p.end);
    return null;
  }
  const next = toks[lastName + 1];
  if (next && !(next.text === "," || next.text === "(" || /^\p{Ll}/u.test(next.text))) return null;
  const np = npEndingAt(toks.slice(0, lastName + 1), lastName);
  if (!np || np.pronoun) return null;
  return mk(body, toks, np, toks[lastName], "", toks[lastName].end);
}

/** Every person-like name run in the given blocks, in order (a last resort for pronoun antecedents). */
export function nameMentions(body: string, spans: readonly Span[], surnames: ReadonlySet<string>): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  for (const sp of spans) {
    const toks = tokens(body, sp.start, sp.end);
    let i = 0;
    while (i < toks.length) {
      if (!(isNameToken(toks[i].text) || HONORIFIC.test(toks[i].text)) || (i > 0 && /[.!?]$/.test(body.slice(toks[i - 1].end, toks[i].start).trim() || toks[i - 1].text) && !HONORIFIC.test(toks[i].text) && !surnames.has(toks[i].text))) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < toks.length && (isNameToken(toks[j + 1].text) || PARTICLE.test(toks[j + 1].text))) j++;
      const np = npEndingAt(toks.slice(0, j + 1), j);
      if (np && !np.pronoun) {
        const text = body.slice(toks[np.first].start, toks[np.last].end);
        if (isPersonLike(text, surnames)) out.push({ text, span: { start: toks[np.first].start, end: toks[np.last].end } });
      }
      i = j + 1;
    }
  }
  return out;
}
