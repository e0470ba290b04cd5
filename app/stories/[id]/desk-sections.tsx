/**
 * The story page's editor sections: outlets ranked with a verdict each, flags
 * by article and kind, the provenance of quotes, the linked coverage matrix.
 * Long sections fold (<details>) so the page opens on one screen.
 */
import Link from "next/link";
import type { StoryDesk } from "../../../db/story-desk";
import { MATRIX_CELLS, type MatrixCell } from "../../../lib/overview";
import type { QuoteProvenance } from "../../../lib/provenance";
import type { DiffOp } from "../../../lib/types";
import { formatTime, KindLabel } from "../../components/ui";
import { OUTLET_ORIGIN_LABELS } from "../../../lib/ingest/types";
import { clip } from "../../../lib/classify/common";

/** Sections open by default up to these sizes; beyond, they fold so the page opens on one screen. */
const OPEN_FLAGS = 12;
const OPEN_QUOTES = 2;
const OPEN_ROWS = 12;

const CELL_HELP: Record<MatrixCell, string> = {
  source: "the article the row comes from",
  verbatim: "carried word for word",
  reworded: "carried in other words",
  cut: "carried in part",
  conflict: "carried with a figure, value or speaker that disagrees (a flagged conflict)",
  absent: "not carried",
};

export function StoryDeskSections({ desk, storyId }: { desk: StoryDesk; storyId: number }) {
  const { story, lines, matrix, provenance } = desk;
  const flagTotal = lines.reduce((n, l) => n + l.flagsByKind.reduce((m, [, fs]) => m + fs.length, 0), 0);
  if (story.articles.length === 0) return <p className="notice">This story has no current articles.</p>;
  return (
    <>
      <section aria-labelledby="outlets-h">
        <h2 id="outlets-h">Outlets, least corroborated first</h2>
        <table className="list desk-outlets" data-testid="outlet-ranking">
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Verdict</th>
              <th scope="col">What other outlets carry of it</th>
              <th scope="col">Flags</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => {
              const total = l.flagsByKind.reduce((n, [, fs]) => n + fs.length, 0);
              return (
                <tr
                  key={l.article.articleId}
                  data-testid="outlet-line"
                  data-article={l.article.articleId}
                  data-outlet={l.article.outlet}
                  data-verdict={l.verdict.verdict}
                  data-uncarried={l.verdict.uncarried === null ? "" : Math.round(l.verdict.uncarried * 100)}
                >
                  <td>
                    <Link href={`/stories/${storyId}?article=${l.article.articleId}#reader`}>{l.article.outlet}</Link>
                    {l.article.nameFromFile && (
                      <>
                        {" "}
                        <span className="origin" data-testid="outlet-origin" title="No outlet name in the article: an editor can name it on the Outlets page">
                          {OUTLET_ORIGIN_LABELS.file}
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    <span className={`verdict verdict-${l.verdict.verdict.replace(/\s+/g, "-")}`} data-testid="verdict">
                      {l.verdict.verdict}
                    </span>
                    {l.sourceOutlet && <span className="muted small"> of {l.sourceOutlet}</span>}
                  </td>
                  <td className="small">{l.summary}</td>
                  <td className="small">
                    {total > 0 ? <Link href={`/flags?story=${storyId}&outlet=${encodeURIComponent(l.article.outlet)}`}>{total}</Link> : 0}
                    {l.openHigh > 0 && <span className="sev sev-high"> · {l.openHigh} high open</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <details className="fold" open={flagTotal > 0 && flagTotal <= OPEN_FLAGS} data-testid="flags-by-article">
        <summary>
          <h2>Flags by article and kind</h2> <span className="muted small">{flagTotal} in {lines.filter((l) => l.flagsByKind.length).length} articles</span>
        </summary>
        {flagTotal === 0 ? (
          <p className="muted">No flags in this story.</p>
        ) : (
          <ul className="flag-groups">
            {lines
              .filter((l) => l.flagsByKind.length)
              .map((l) => (
                <li key={l.article.articleId} data-testid="flag-group" data-outlet={l.article.outlet}>
                  <strong>{l.article.outlet}</strong>
                  <ul>
                    {l.flagsByKind.map(([kind, fs]) => (
                      <li key={kind}>
                        <KindLabel kind={kind} /> <span className="muted small">({fs.length})</span>{" "}
                        {fs.map((f) => (
                          <Link
                            key={f.id}
                            href={`/flags/${f.id}?story=${storyId}`}
                            className={`chip sev-${f.severity} chip-${f.status}`}
                            title={`${f.severity}, ${f.status}: ${clip(f.text, 140)}`}
                            data-testid="flag-link"
                          >
                            #{f.id}
                          </Link>
                        ))}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
          </ul>
        )}
      </details>

      <details className="fold" open={provenance.length > 0 && provenance.length <= OPEN_QUOTES} data-testid="provenance-section" id="provenance">
        <summary>
          <h2>Where each quote came from</h2>{" "}
          <span className="muted small">
            {provenance.length} quotes carried by two or more outlets{provenance.some((q) => q.changed) ? `, ${provenance.filter((q) => q.changed).length} changed along the way` : ""}
          </span>
        </summary>
        {provenance.length === 0 ? (
          <p className="muted">No quote is carried by two or more outlets{story.analyzedAt ? "" : " (the story is not analysed yet)"}.</p>
        ) : (
          provenance.map((q) => <ProvenanceView key={`${q.versions[0].articleId}-${q.versions[0].spans[0].start}`} q={q} storyId={storyId} open={provenance.length === 1} />)
        )}
      </details>

      <details className="fold" open={matrix.length > 0 && matrix.length <= OPEN_ROWS} data-testid="coverage-section">
        <summary>
          <h2>Coverage of quotes and claims</h2> <span className="muted small">{matrix.length} quotes and claims × {story.articles.length} outlets</span>
        </summary>
        {matrix.length === 0 ? (
          <p className="notice">No alignments yet: the coverage matrix appears once the story is analysed (npm run analyze).</p>
        ) : (
          <>
            <p className="legend" data-testid="coverage-legend">
              {MATRIX_CELLS.map((c) => (
                <span key={c} className={`cov cov-${c} status`} title={CELL_HELP[c]}>
                  {c}: {CELL_HELP[c]}
                </span>
              ))}
            </p>
            <div style={{ overflowX: "auto" }}>
              <table className="matrix" data-testid="coverage">
                <thead>
                  <tr>
                    <th scope="col">Quote or claim</th>
                    <th scope="col">Flags</th>
                    {story.articles.map((a) => (
                      <th scope="col" key={a.id}>
                        {a.outlet}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrix.map(({ row, cells, flagIds, cellFlags }) => (
                    <tr key={`${row.unit}-${row.sourceArticleId}-${row.start}-${row.end}`} data-source={row.sourceArticleId}>
                      <td className="unit">
                        <span className="muted small">
                          {row.unit} in {row.sourceOutlet}
                          {row.speaker ? ` — ${row.speaker}` : ""}:
                        </span>{" "}
                        {row.unit === "quote" ? `“${row.text}”` : row.text}
                      </td>
                      <td className="small">
                        {flagIds.map((id) => (
                          <Link key={id} href={`/flags/${id}?story=${storyId}`} className="chip" data-testid="row-flag">
                            #{id}
                          </Link>
                        ))}
                      </td>
                      {story.articles.map((a) => {
                        const c = cells[a.id] ?? "absent";
                        const linked = cellFlags[a.id] ?? [];
                        return (
                          <td key={a.id} className={`cov cov-${c}`} data-cell={c} title={`${a.outlet}: ${CELL_HELP[c]}`}>
                            {linked.length ? <Link href={`/flags/${linked[0]}?story=${storyId}`}>{c}</Link> : c}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {story.coverageTruncated && <p className="muted small">Only the first {matrix.length} units are shown.</p>}
          </>
        )}
      </details>
    </>
  );
}

/** One quote's versions in order of appearance, each with what it changed against the version it came from. */
function ProvenanceView({ q, storyId, open }: { q: QuoteProvenance; storyId: number; open: boolean }) {
  const first = q.versions[0];
  const fullest = q.versions[q.fullest];
  return (
    <details className="prov" open={open} data-testid="provenance" data-versions={q.versions.length} data-changed={q.changed}>
      <summary>
        <span className="muted small">{q.speaker ?? "unnamed speaker"}:</span> “{clip(fullest.text, 110)}”{" "}
        <span className="muted small">
          · {q.versions.length} outlets · first in {first.outlet} · fullest in {fullest.outlet}
          {q.changed ? ` · changed by ${q.changed}` : " · unchanged"}
        </span>
      </summary>
      <p className="muted small">
        Order of appearance by {q.basis === "published" ? "publication time" : "ingest order (not every version has a publication time)"}; each version is compared with the earlier version it most
        likely came from (the one that carries most of its words).
      </p>
      <ol className="prov-chain">
        {q.versions.map((v, i) => {
          const parent = v.parent === null ? null : q.versions[v.parent];
          return (
            <li
              key={v.articleId}
              data-testid="prov-version"
              data-outlet={v.outlet}
              data-parent-outlet={parent?.outlet ?? ""}
              data-first={i === 0 ? "true" : "false"}
              data-fullest={i === q.fullest ? "true" : "false"}
            >
              <div>
                <Link href={`/stories/${storyId}?article=${v.articleId}#reader`}>
                  <strong>{v.outlet}</strong>
                </Link>{" "}
                {i === 0 && <span className="status">first appearance</span>} {i === q.fullest && <span className="status">fullest</span>}{" "}
                <span className="muted small">
                  {v.words} words{v.publishedAt ? ` · ${formatTime(v.publishedAt)}` : ""}
                  {parent ? ` · from ${parent.outlet}` : ""}
                  {v.excerpt ? ` · an excerpt (${v.excerpt.words} of ${v.excerpt.of} words)` : ""}
                </span>
              </div>
              {parent === null ? (
                <blockquote className="prov-text">{v.text}</blockquote>
              ) : (
                <>
                  {v.changes.length === 0 ? (
                    <p className="small muted" data-testid="prov-unchanged">
                      No change of words against {parent.outlet}
                      {v.excerpt ? " within the part it quotes" : ""}.
                    </p>
                  ) : (
                    <ul className="prov-changes small">
                      {v.changes.map((c, k) => (
                        <li key={k} data-testid="prov-change" data-kind={c.kind}>
                          {c.kind === "changed" ? (
                            <>
                              <strong>changed</strong> <del>{clip(c.from, 160)}</del> → <ins>{clip(c.to, 160)}</ins>
                            </>
                          ) : c.kind === "cut" ? (
                            <>
                              <strong>{c.where === "start" ? "cut the opening" : c.where === "end" ? "cut the ending" : "cut"}</strong> <del>{clip(c.from, 160)}</del>
                            </>
                          ) : (
                            <>
                              <strong>added</strong> <ins>{clip(c.to, 160)}</ins>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  <p className="prov-text small">
                    <ChainDiff diff={v.diff} parent={parent.outlet} outlet={v.outlet} excerpt={v.excerpt !== null} />
                  </p>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

/**
 * A version's words against its parent's: the parent's words it left out struck, its own underlined
 * (text nodes only). An excerpt's unquoted opening and ending fold to an ellipsis.
 */
function ChainDiff({ diff, parent, outlet, excerpt }: { diff: DiffOp[]; parent: string; outlet: string; excerpt: boolean }) {
  return (
    <span className="diff" data-testid="prov-diff">
      {diff.map((d, i) =>
        excerpt && d.op === "delete" && (i === 0 || i === diff.length - 1) ? (
          <span key={i} className="muted" title={`the rest of the quote in ${parent}`}>
            {i === 0 ? "… " : " …"}
          </span>
        ) : d.op === "insert" ? (
          <ins key={i} title={`in ${outlet}, not in ${parent}`}>
            {d.text}
          </ins>
        ) : d.op === "delete" ? (
          <del key={i} title={`in ${parent}, not in ${outlet}`}>
            {d.text}
          </del>
        ) : (
          <span key={i}>{d.text}</span>
        ),
      )}
    </span>
  );
}
