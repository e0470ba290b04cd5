/**
 * Titles and roles: one person given an office by one outlet ("chair of the health
 * board") and a different office in the same body by the others ("health board chief
 * executive"). Roles are read from the grammar around a person's name: an apposition
 * after it ("Graham Tolliver, chair of the board,") or the title words just before it
 * ("Council President Maya Anand"). Two roles are compared only when they name the
 * same body (a shared word besides the offices), so that a person's different hats
 * ("former president", "the party's nominee") are not read as a dispute. Flagged as
 * a medium fact_conflict on the outlet that stands alone against two or more that agree.
 */
import type { StoryAlignment } from "@/lib/align";
import { extractNames, foldText, isStopword, speakerKeyOf, termKey } from "@/lib/text";
import type { FlagDraft } from "@/lib/types";
import { clip, counterpartsOf, evidenceFor, isFlaggableSentence, joinNames, MAX_EVIDENCE, memoPerArticle } from "./common";
import { MAX_STATEMENT_NAMES } from "./names";

type Draft = Omit<FlagDraft, "fingerprint"> & { fingerprint?: string };

/** Office words, folded, each with its canonical office ("chairman", "chairs" -> "chair"). */
const OFFICES: Record<string, string> = {
  chair: "chair", chairs: "chair", chaired: "chair", chairman: "chair", chairwoman: "chair", chairperson: "chair",
  president: "president", vice: "vice", deputy: "deputy", leader: "leader", member: "member",
  councillor: "councillor", councilor: "councillor", councilman: "councillor", councilwoman: "councillor",
  chief: "chief", executive: "executive", ceo: "chief", director: "director", secretary: "secretary",
  minister: "minister", mayor: "mayor", governor: "governor", commissioner: "commissioner", manager: "manager",
  head: "head", spokesman: "spokesperson", spokeswoman: "spokesperson", spokesperson: "spokesperson",
  treasurer: "treasurer", officer: "officer", founder: "founder", owner: "owner", coach: "coach", captain: "captain",
  superintendent: "superintendent", principal: "principal", dean: "dean", chancellor: "chancellor", rector: "rector", provost: "provost",
  senator: "senator", representative: "representative", judge: "judge", prosecutor: "prosecutor", speaker: "speaker",
  clerk: "clerk", inspector: "inspector", administrator: "administrator", auditor: "auditor", editor: "editor",
  professor: "professor", lecturer: "lecturer", researcher: "researcher", analyst: "analyst", economist: "economist",
  chairmanship: "chair", presidency: "president", justice: "judge", constable: "constable",
  assistant: "assistant", associate: "associate",
};
/**
 * Ranks that make another office of the one they qualify ("chief inspector" is not "principal
 * inspector", "vice president" not "president", "Chief Justice" not "Justice"): read with the office
 * word after them as one office.
 */
const RANKS = new Set(["chief", "deputy", "vice", "principal", "assistant", "associate"]);
/** The body an office word itself names ("councillor": a member of the council). */
const OFFICE_BODY: Record<string, string> = { councillor: "council", councilor: "council", councilman: "council", councilwoman: "council", senator: "senate" };
/** Words that qualify an office without changing it. */
const QUALIFIERS = new Set(["former", "acting", "interim", "then", "new", "outgoing", "incoming", "current", "longtime", "elected", "newly"]);
/** Words that end a title read backwards from a name (speech and reporting verbs). */
const SPEECH = /^(?:said|says|say|told|tells|according|added|asked|wrote|explained|warned|argued|insisted|noted|stated|announced|confirmed|replied|urged|called|by|with|from|and|or|but)$/;
/** A past-tense verb and then its object or complement: a predicate, not a role ("accepted the resignation", "named as"). */
const PREDICATE_START = /^\p{Ll}+ed\s+(?:the|a|an|his|her|its|their|as|to|by)\b/u;
/** Characters before a name read for its title (MAX_TITLE_WORDS words fit well inside). */
const TITLE_WINDOW = 160;
/** Longest title (words) read before a name, and longest apposition (characters) read after it. */
const MAX_TITLE_WORDS = 6;
const MAX_APPOSITION = 100;

interface Role {
  /** Canonical offices named ("chair"; "chief executive"; "vice president"). */
  offices: Set<string>;
  /** The office is another time's ("former chair", "then-mayor"). */
  past: boolean;
  /** Other content terms of the phrase: the body the office is in ("health", "board"). */
  body: Set<string>;
  /** The terms after "for" in the phrase: the office's portfolio ("vice-rector for education": "educ"). */
  remit: Set<string>;
  /** The phrase as written, and where the name and role sit in the article. */
  text: string;
  start: number;
  end: number;
  claim: number;
}

/** Words that put an office in the past ("former", "then-"): another time's office is no dispute about today's. */
const PAST = new Set(["former", "then", "ex", "onetime", "erstwhile", "late"]);

function readRole(words: string[]): { offices: Set<string>; body: Set<string>; remit: Set<string>; past: boolean } {
  const offices = new Set<string>();
  const body = new Set<string>();
  const remit = new Set<string>();
  // Hyphenated offices count by their parts ("director-general").
  const folded = words.flatMap((x) => x.split(/-/)).map((w) => foldText(w).replace(/['’]s$/, ""));
  const past = folded.some((f) => PAST.has(f));
  // An office "for" something names its remit ("deputy mayor for finance", "vice-rector for research").
  const afterFor = folded.findIndex((f, i) => f === "for" && i > 0 && !!OFFICES[folded[i - 1]]);
  folded.forEach((f, i) => {
    if (OFFICES[f]) {
      const next = folded[i + 1];
      // A rank before another office word is part of that office ("chief inspector"); the office word
      // after it then carries the compound (below), not its bare self.
      if (RANKS.has(f) && next && OFFICES[next] && !RANKS.has(next)) return;
      const prev = folded[i - 1];
      offices.add(prev && RANKS.has(prev) && OFFICES[prev] && !RANKS.has(f) ? `${OFFICES[prev]} ${OFFICES[f]}` : OFFICES[f]);
      if (OFFICE_BODY[f]) body.add(termKey(OFFICE_BODY[f]));
    } else if (!QUALIFIERS.has(f) && !PAST.has(f) && !isStopword(f) && f.length > 2 && /\p{L}/u.test(f)) {
      body.add(termKey(f));
      if (afterFor >= 0 && i > afterFor) remit.add(termKey(f));
    }
  });
  return { offices, body, remit, past };
}

/** Roles given to each person (by speaker key) in article `i`, in order, once per story. */
const rolesOf = memoPerArticle((al: StoryAlignment, i: number): Map<string, Role[]> => {
  const a = al.index.articles[i].analysis;
  const out = new Map<string, Role[]>();
  a.claims.forEach((c, ci) => {
    if (!isFlaggableSentence(a.segmentation, c.sentence)) return;
    const t = c.text;
    const names = extractNames(t);
    // A statement naming this many people is a list (or hostile text): no role of it is read.
    if (names.length > MAX_STATEMENT_NAMES) return;
    for (const n of names) {
      const words = n.text.split(/\s+/);
      // Leading capitalised office words belong to the title ("Council President Maya Anand").
      let k = 0;
      while (k < words.length - 1 && (OFFICES[foldText(words[k])] || (k + 1 < words.length - 1 && OFFICES[foldText(words[k + 1])]))) k++;
      const name = words.slice(k);
      if (name.length < 2) continue;
      const key = speakerKeyOf(name.join(" "));
      if (!key) continue;
      const nameStart = n.start + words.slice(0, k).join(" ").length + (k ? 1 : 0);
      // Before: the title words adjacent to the name, back to a verb, a function word or punctuation.
      const before = t.slice(Math.max(0, nameStart - TITLE_WINDOW), nameStart).split(/([,;:()"“”.!?—–])/).pop() ?? "";
      const back = before.trim().split(/\s+/).filter(Boolean);
      const title: string[] = [...words.slice(0, k)];
      for (let j = back.length - 1; j >= 0 && title.length < MAX_TITLE_WORDS; j--) {
        const f = foldText(back[j]);
        if (SPEECH.test(f) || (isStopword(f) && !OFFICES[f])) break;
        title.unshift(back[j]);
      }
      const roles: Role[] = [];
      if (title.some((w) => OFFICES[foldText(w)])) {
        // Where the title starts: the first of the words taken from before the run, or the run itself.
        const taken = title.length - k;
        const windowStart = Math.max(0, n.start - TITLE_WINDOW);
        const lead = taken ? new RegExp(`(?:\\S+\\s+){${taken}}$`, "u").exec(t.slice(windowStart, n.start)) : null;
        const titleStart = lead ? windowStart + lead.index : n.start;
        roles.push({ ...readRole(title), text: t.slice(titleStart, n.end), start: c.start + titleStart, end: c.start + n.end, claim: ci });
      }
      // After: an apposition ("Graham Tolliver, chair of the Tarnmoor Health Board,").
      const app = /^,\s+(?:the\s+|a\s+|an\s+)?([^,.;:()"“”]{3,})/u.exec(t.slice(n.end, n.end + MAX_APPOSITION));
      if (app) {
        // A relative clause after the role describes what the person does, not an office ("an economist
        // who speaks on finance for the opposition").
        const phrase = app[1].split(/\s+(?:who|which|that|whose)\s+/u)[0].trim();
        // A verb and its object after the comma is the sentence going on, not an apposition ("the council,
        // chaired by Lorraine Beckwith, accepted the resignation and named ..."; but "retired judge" is a role).
        const predicate = !/^(?:the|a|an)\s/i.test(app[0].slice(1).trimStart()) && PREDICATE_START.test(phrase);
        const r = readRole(phrase.split(/\s+/));
        if (r.offices.size && !predicate) roles.push({ ...r, text: t.slice(nameStart, n.end + app[0].trimEnd().length), start: c.start + nameStart, end: c.start + n.end + app[0].trimEnd().length, claim: ci });
      }
      const present = roles.filter((r) => !r.past);
      if (!present.length) continue;
      const list = out.get(key) ?? [];
      list.push(...present);
      out.set(key, list);
    }
  });
  return out;
});

/**
 * Offices named by their portfolio ("Agriculture Minister", "Minister of Health"): the portfolio is the
 * office. ("Secretary" is left out: a branch, general or press secretary names no portfolio.)
 */
const PORTFOLIO_OFFICES = new Set(["minister"]);
/** A role that is one portfolio office with its portfolio beside it. */
const portfolio = (r: Role) => r.body.size > 0 && r.offices.size === 1 && PORTFOLIO_OFFICES.has([...r.offices][0]);

/** Offices that only say someone leads ("union chief", "the head of the agency"): any leading office fits them. */
const GENERIC_HEAD = new Set(["chief", "head", "leader"]);
const generic = (x: Set<string>) => x.size > 0 && [...x].every((v) => GENERIC_HEAD.has(v));
/**
 * Offices that are a seat in the body and no more ("member of the university council", "the city's representative
 * on the council"): one seat told two ways. (A member against the council's president is another office.)
 */
const SEATS = new Set(["member", "representative", "councillor", "senator"]);
const seat = (x: Set<string>) => x.size > 0 && [...x].every((v) => SEATS.has(v));
const intersects = (x: Set<string>, y: Set<string>) => generic(x) || generic(y) || (seat(x) && seat(y)) || [...x].some((v) => y.has(v));
/** The office each ranked office is a rank of ("chief judge" -> "judge"). */
const headOf = (office: string) => office.split(" ").pop()!;
const sharesHead = (x: Set<string>, y: Set<string>) => [...x].some((v) => [...y].some((w) => headOf(v) === headOf(w)));

/** fact_conflict flags for article `ai`: a person's office that only this outlet gives, against two or more that agree. */
export function classifyTitles(al: StoryAlignment, ai: number): Draft[] {
  const others = counterpartsOf(al, ai);
  if (others.length < 2) return [];
  const arts = al.index.articles;
  const a = arts[ai].analysis;
  const out: Draft[] = [];
  for (const [person, mine] of rolesOf(al, ai)) {
    // Every role this outlet gives the person must stand apart: one that others share is no dispute.
    const theirs = others.map((bi) => ({ bi, roles: rolesOf(al, bi).get(person) ?? [] })).filter((x) => x.roles.length);
    // Roles are compared within one body; titles with no body beside them ("Chief Justice Helena Marsh" /
    // "Justice Helena Marsh") when they are ranks of one office.
    // A portfolio office is compared by its portfolio too: "Environment Minister" and "Agriculture Minister"
    // are one office word in two ministries, which one person does not hold at once.
    // So is an office with its remit ("vice-rector for research" / "vice-rector for education").
    const remits = (r: Role, s: Role) => r.remit.size > 0 && s.remit.size > 0 && [...r.offices].some((v) => s.offices.has(v));
    const comparable = (r: Role, s: Role) =>
      intersects(r.body, s.body) || (!r.body.size && !s.body.size && sharesHead(r.offices, s.offices)) || (portfolio(r) && portfolio(s) && intersects(r.offices, s.offices)) || remits(r, s);
    const agree = (r: Role, s: Role) =>
      intersects(r.offices, s.offices) && (!(portfolio(r) && portfolio(s)) || intersects(r.body, s.body)) && (!remits(r, s) || intersects(r.remit, s.remit));
    // Each of this outlet's roles on its own: one the others share settles that role, not another in another
    // body ("Professor Odile Fairbank, vice-rector for research": the shared "Professor" leaves the remit open).
    let r: Role | undefined;
    let consensus: typeof theirs = [];
    for (const m of mine) {
      if (theirs.some((x) => x.roles.some((s) => comparable(m, s) && agree(m, s)))) continue;
      // The others that name an office in the same body, and whose offices agree with each other.
      const against = theirs.filter((x) => x.roles.some((s) => comparable(m, s) && !agree(m, s)));
      if (against.length < 2) continue;
      const agreed = against.filter((x) => against.some((y) => y !== x && x.roles.some((s) => comparable(m, s) && y.roles.some((q) => comparable(m, q) && agree(s, q)))));
      if (agreed.length < 2) continue;
      r = m;
      consensus = agreed;
      break;
    }
    if (!r) continue;
    const role = r;
    const theirText = consensus.map((x) => {
      const s = x.roles.find((q) => comparable(role, q))!;
      return { outlet: arts[x.bi].analysis.article.outlet, text: s.text, bi: x.bi, s };
    });
    out.push({
      articleId: a.article.id,
      kind: "fact_conflict",
      severity: "medium",
      confidence: 0.6,
      start: r.start,
      end: r.end,
      text: a.article.body.slice(r.start, r.end),
      speaker: null,
      explanation: `${a.article.outlet} has "${clip(r.text, 70)}" where ${joinNames(theirText.map((x) => x.outlet))} have "${clip(theirText[0].text, 70)}": the same person with another title.`,
      evidence: theirText.slice(0, MAX_EVIDENCE).map((x) => evidenceFor(r.text, arts[x.bi].analysis, x.s)),
    });
  }
  return out;
}
