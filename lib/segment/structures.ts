/** Structures: runs of list items, table rows, FAQ sections, call-outs, key terms and tables of contents. */
import type { StructureKind } from "../types";
import { normalizeLine, wordCount, endsLikeSentence } from "./lines";
import { CALLOUT_WORDS, KEY_TERMS_WORDS, TOC_WORDS } from "./shapes";
import type { Draft, StructDraft } from "./draft";

/** Runs of "Term: explanation" lines without list markers behave as a list. */
export function markLabelRuns(drafts: Draft[], body: string): void {
  const isTermLine = (d: Draft) => {
    if (d.kind !== "paragraph" && d.kind !== "callout") return false;
    const t = body.slice(d.start, d.end);
    const m = /^(\p{Lu}[^:.!?"“”]{1,60}):\s+\S/u.exec(t);
    return !!m && wordCount(m[1]) <= 6 && !/\b(said|says|told|added|wrote|asked)\b/i.test(m[1]);
  };
  let i = 0;
  while (i < drafts.length) {
    let j = i;
    while (j < drafts.length && isTermLine(drafts[j])) j++;
    if (j - i >= 2) for (let k = i; k < j; k++) {
      drafts[k].kind = "list_item";
      drafts[k].labelEnd = undefined;
    }
    i = Math.max(j, i + 1);
  }
}

/** Group blocks into structures and attach labels. */
export function findStructures(drafts: Draft[], body: string, faqSections: number[][]): StructDraft[] {
  const text = (i: number) => body.slice(drafts[i].start, drafts[i].end);
  const structs: StructDraft[] = [];
  const taken = new Set<number>();
  const labelOf = (i: number): number | null => {
    const p = i - 1;
    if (p < 0 || taken.has(p) || drafts[p].boilerplate) return null;
    const k = drafts[p].kind;
    const t = text(p);
    if (k === "heading" || (k === "paragraph" && t.endsWith(":") && wordCount(t) <= 12)) return p;
    return null;
  };
  const labelText = (p: number | null) => (p === null ? null : body.slice(drafts[p].content, drafts[p].end).replace(/[:?]\s*$/, "").trim() || null);

  for (const sec of faqSections) {
    const first = sec[0];
    const hasLabel = drafts[first].kind === "heading" || drafts[first].kind === "headline";
    structs.push({ kind: "faq", blocks: sec, label: hasLabel ? labelText(first) : null });
    sec.forEach((b) => taken.add(b));
  }

  // Later blocks' normalised text, to recognise a table of contents that repeats the headings.
  const laterText = drafts.map((d) => normalizeLine(body.slice(d.content, d.end)));

  let i = 0;
  while (i < drafts.length) {
    const k = drafts[i].kind;
    if (taken.has(i) || drafts[i].boilerplate || (k !== "list_item" && k !== "table_row")) {
      i++;
      continue;
    }
    let j = i;
    while (j < drafts.length && drafts[j].kind === k && !taken.has(j) && !drafts[j].boilerplate) j++;
    const blocks = Array.from({ length: j - i }, (_, x) => i + x);
    const label = labelOf(i);
    const lt = labelText(label);
    let kind: StructureKind = k === "table_row" ? "table" : "list";
    if (k === "list_item") {
      const items = blocks.map((b) => body.slice(drafts[b].content, drafts[b].end).replace(/^\d{1,3}[.)]\s+/, ""));
      const repeats = items.filter((it) => {
        const n = normalizeLine(it);
        return n.length > 0 && laterText.some((lt2, x) => x >= j && lt2 === n);
      }).length;
      const shortPhrases = items.every((it) => wordCount(it) <= 8 && !endsLikeSentence(it) && !/[:–—]/.test(it));
      if ((lt && TOC_WORDS.test(lt)) || (blocks.length >= 3 && repeats / blocks.length >= 0.5)) kind = "toc";
      else if (lt && KEY_TERMS_WORDS.test(lt) && shortPhrases) kind = "key_terms";
      else if (lt && CALLOUT_WORDS.test(lt) && !/\b(means?|for you)\b/i.test(lt)) kind = "callout";
    }
    const all = label !== null ? [label, ...blocks] : blocks;
    all.forEach((b) => taken.add(b));
    structs.push({ kind, blocks: all, label: lt });
    i = j;
  }

  // Call-outs: inline ("Did You Know? ...") or a label line in call-out words followed by its content.
  for (let b = 0; b < drafts.length; b++) {
    if (taken.has(b) || drafts[b].boilerplate) continue;
    const d = drafts[b];
    if (d.kind === "callout" && d.labelEnd !== undefined) {
      structs.push({ kind: "callout", blocks: [b], label: body.slice(d.start, d.labelEnd).replace(/[:?]$/, "").trim() });
      taken.add(b);
      continue;
    }
    const t = text(b);
    if (d.kind === "heading" && /[:?]$/.test(t) && CALLOUT_WORDS.test(t)) {
      const members = [b];
      let c = b + 1;
      while (c < drafts.length && !taken.has(c) && !drafts[c].boilerplate && drafts[c].kind === "paragraph" && members.length < 4) {
        members.push(c);
        c++;
      }
      if (members.length >= 2) {
        d.kind = "callout";
        members.forEach((m) => taken.add(m));
        structs.push({ kind: "callout", blocks: members, label: labelText(b) });
      }
    }
  }
  structs.sort((a, b) => a.blocks[0] - b.blocks[0]);
  return structs;
}
