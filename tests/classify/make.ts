/**
 * Hand-made ArticleAnalysis objects for classifier and alignment tests, so they
 * do not depend on the extraction stages: paragraphs are blocks, sentences are
 * split on . ! ?, quotes are the text inside “…” or "…", attributed to the
 * speaker named in the same paragraph by `said <Name>` / `<Name> said`.
 */
import type { ArticleAnalysis, Block, BlockKind, Claim, Quote, Sentence, Structure, StructureKind } from "@/lib/types";

export interface Para {
  text: string;
  kind?: BlockKind;
  /** Blocks sharing a structure id (with its kind) form one structure. */
  structure?: { id: number; kind: StructureKind; label?: string };
  boilerplate?: boolean;
}

export interface MakeOptions {
  /** Explicit speaker per quote text prefix. */
  speakers?: Record<string, string>;
  venues?: Record<string, string>;
  outlet?: string;
  source?: string;
}

export function makeArticle(id: number, paras: (string | Para)[], opts: MakeOptions = {}): ArticleAnalysis {
  const ps: Para[] = paras.map((p) => (typeof p === "string" ? { text: p } : p));
  const body = ps.map((p) => p.text).join("\n\n");
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  const structures: Structure[] = [];
  const structIndex = new Map<number, number>();
  let offset = 0;
  ps.forEach((p, bi) => {
    const start = offset;
    const end = start + p.text.length;
    let structure: number | null = null;
    if (p.structure) {
      let si = structIndex.get(p.structure.id);
      if (si === undefined) {
        si = structures.length;
        structIndex.set(p.structure.id, si);
        structures.push({ kind: p.structure.kind, index: si, label: p.structure.label ?? null, blocks: [], start, end });
      }
      structures[si].blocks.push(bi);
      structures[si].end = end;
      structure = si;
    }
    blocks.push({ kind: p.kind ?? "paragraph", index: bi, start, end, boilerplate: !!p.boilerplate, structure });
    const re = /[^.!?]+(?:[.!?]+["”’]?|$)/g;
    for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
      const lead = m[0].length - m[0].trimStart().length;
      const s = start + m.index + lead;
      const e = start + m.index + m[0].trimEnd().length;
      if (e > s) sentences.push({ index: sentences.length, block: bi, start: s, end: e });
    }
    offset = end + 2;
  });
  const quotes: Quote[] = [];
  const qre = /[“"]([^”"]+)[”"]/g;
  for (let m = qre.exec(body); m; m = qre.exec(body)) {
    const start = m.index + 1;
    const end = start + m[1].length;
    const text = m[1];
    const sentence = sentences.find((s) => s.start <= m!.index && m!.index < s.end + 1) ?? sentences[sentences.length - 1];
    const para = ps[sentence.block].text;
    let speaker: string | null = null;
    for (const [prefix, sp] of Object.entries(opts.speakers ?? {})) if (text.startsWith(prefix)) speaker = sp;
    if (!speaker) {
      const sm = /said ((?:[A-Z][\w.]*\s?)+)|((?:[A-Z][\w.]*\s?)+) said/.exec(para.replace(/[“"][^”"]*[”"]/g, ""));
      speaker = sm ? (sm[1] ?? sm[2]).trim().replace(/[.,]+$/, "").replace(/^(Mayor|Deputy Mayor) /, "") : null;
    }
    let venue: string | null = null;
    for (const [prefix, v] of Object.entries(opts.venues ?? {})) if (text.startsWith(prefix)) venue = v;
    quotes.push({ start, end, text, style: "double", speaker, speakerSpan: null, venue, cue: "said", sentence: sentence.index, parts: [{ start, end }] });
  }
  const claims: Claim[] = sentences
    .filter((s) => !blocks[s.block].boilerplate && blocks[s.block].kind !== "heading")
    .map((s) => {
      let inq = 0;
      for (const q of quotes) inq += Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start));
      return { start: s.start, end: s.end, text: body.slice(s.start, s.end), sentence: s.index, block: s.block, quoted: inq > 0.5 * (s.end - s.start) };
    });
  const outlet = opts.outlet ?? `Outlet ${id}`;
  return {
    article: { id, outlet, source: opts.source ?? `file-${id}.txt`, title: `Article ${id}`, body, publishedAt: null, language: "en" },
    segmentation: { blocks, sentences, structures },
    quotes,
    claims,
  };
}
