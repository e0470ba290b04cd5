/**
 * The JSON export: a stable contract scripts rely on. Keys are written in a
 * fixed order and nothing else is added, so consumers can diff exports.
 */
import type { ExportData } from "./types";

/**
 * Renders `data` as the JSON contract:
 * `{generatedAt, stories[{id,title,articleIds}], articles[{id,storyId,outlet,source,url,title,quotes[{text,start,end,speaker}]}],
 *  flags[{id,storyId,articleId,outlet,source,kind,severity,confidence,text,start,end,speaker,explanation,
 *  evidence[{articleId,outlet,text,start,end,diff[{op,text}]}],status,note,
 *  history[{at,actor,editor,action,fromStatus,toStatus,note}]}]}`, where `actor` is
 * "system" (the analysis; `editor` null) or "editor".
 */
export function formatJson(data: ExportData, generatedAt: Date): string {
  // Rebuild every object key by key: the output must not grow fields the
  // contract does not name, whatever the loaded rows carry.
  const doc = {
    generatedAt: generatedAt.toISOString(),
    stories: data.stories.map((s) => ({ id: s.id, title: s.title, articleIds: [...s.articleIds] })),
    articles: data.articles.map((a) => ({
      id: a.id,
      storyId: a.storyId,
      outlet: a.outlet,
      source: a.source,
      url: a.url,
      title: a.title,
      quotes: a.quotes.map((q) => ({ text: q.text, start: q.start, end: q.end, speaker: q.speaker })),
    })),
    flags: data.flags.map((f) => ({
      id: f.id,
      storyId: f.storyId,
      articleId: f.articleId,
      outlet: f.outlet,
      source: f.source,
      kind: f.kind,
      severity: f.severity,
      confidence: f.confidence,
      text: f.text,
      start: f.start,
      end: f.end,
      speaker: f.speaker,
      explanation: f.explanation,
      evidence: f.evidence.map((e) => ({
        articleId: e.articleId,
        outlet: e.outlet,
        text: e.text,
        start: e.start,
        end: e.end,
        diff: e.diff.map((d) => ({ op: d.op, text: d.text })),
      })),
      status: f.status,
      note: f.note,
      history: (f.history ?? []).map((h) => ({
        at: h.at,
        actor: h.actor,
        editor: h.actor === "system" ? null : h.editor,
        action: h.action,
        fromStatus: h.fromStatus,
        toStatus: h.toStatus,
        note: h.note,
      })),
    })),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
