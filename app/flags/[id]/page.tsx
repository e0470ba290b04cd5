import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFlag } from "../../../db/queries";
import { listFlagHistory } from "../../../db/triage";
import { describeChange } from "../../../lib/triage/history";
import { DiffText, formatTime, KindLabel, SeverityBadge, StatusBadge } from "../../components/ui";
import { requestDb } from "../../lib/db";
import { currentUser } from "../../lib/auth";
import { flagTabTitle } from "../../../db/titles";
import { can } from "../../../lib/auth/roles";
import { requirePageUser } from "../../lib/page-user";
import { flagSearchString, parseFlagSearch, type RawSearch } from "../../lib/flag-search";
import { cutPieces } from "../../lib/segments";
import { FlagTriage } from "./flag-triage";

/** The tab names the flag, for a signed-in user only (a visitor's tab says no more than the page shows them). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id) || !(await currentUser())) return { title: "Flag" };
  return { title: await flagTabTitle(await requestDb(), Number(id)) ?? "Flag not found" };
}

export default async function FlagPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearch> }) {
  const { id: rawId } = await params;
  const user = await requirePageUser(`/flags/${encodeURIComponent(rawId)}`);
  if (!/^\d{1,12}$/.test(rawId)) notFound();
  const db = await requestDb();
  const parsed = parseFlagSearch(await searchParams);
  // Keep the table's view (filters, sort) for Previous/Next and the way back; drop the page.
  const view = parsed.ok ? { query: parsed.view.query, pageSize: parsed.view.pageSize } : { query: {} };
  const search = flagSearchString(view);
  const flag = await getFlag(db, Number(rawId), view.query);
  if (!flag) notFound();
  const canTriage = can(user.role, "flags.triage");
  // With who made each event (system or editor): the analysis' own events must not read like an editor's.
  const history = await listFlagHistory(db, flag.id);
  const withSearch = (path: string) => (search ? `${path}?${search}` : path);

  const body = flag.article.body;
  // A very long "paragraph" (an article without blank lines) is cut to a window around the span.
  const WINDOW = 900;
  const from = flag.paragraph.end - flag.paragraph.start > 3 * WINDOW ? Math.max(flag.paragraph.start, flag.start - WINDOW) : flag.paragraph.start;
  const to = flag.paragraph.end - flag.paragraph.start > 3 * WINDOW ? Math.min(flag.paragraph.end, flag.end + WINDOW) : flag.paragraph.end;
  const pieces = cutPieces(body, from, to, [{ start: flag.start, end: flag.end, key: "flag" }]);

  return (
    <article>
      <nav className="nav-links" aria-label="Flag navigation">
        <Link href={withSearch("/flags")}>← Back to the list</Link>
        {flag.prevId ? (
          <Link href={withSearch(`/flags/${flag.prevId}`)} rel="prev" data-testid="prev">
            ‹ Previous flag
          </Link>
        ) : (
          <span className="muted">‹ Previous flag</span>
        )}
        {flag.nextId ? (
          <Link href={withSearch(`/flags/${flag.nextId}`)} rel="next" data-testid="next">
            Next flag ›
          </Link>
        ) : (
          <span className="muted">Next flag ›</span>
        )}
        {flag.position && (
          <span className="muted small">
            {flag.position} of {flag.total} in this view
          </span>
        )}
      </nav>

      <div className="flag-head">
        <h1>
          Flag {flag.id}: <KindLabel kind={flag.kind} />
        </h1>
        <SeverityBadge severity={flag.severity} />
        <span data-testid="flag-status">
          <StatusBadge status={flag.status} />
        </span>
        <span className="muted small">confidence {Math.round(flag.confidence * 100)}%</span>
        {flag.stale && <span className="status">no longer found after re-analysis</span>}
      </div>

      <div className="two-col">
        <div>
          <h2>
            In {flag.outlet}
            {flag.speaker ? ` — ${flag.speaker}` : ""}
          </h2>
          <p className="small muted">
            <Link href={`/stories/${flag.storyId}?article=${flag.article.id}`}>{flag.article.title}</Link> · story{" "}
            <Link href={`/stories/${flag.storyId}`}>{flag.storyTitle}</Link>
            {flag.article.publishedAt ? ` · ${formatTime(flag.article.publishedAt)}` : ""}
          </p>
          <blockquote className="paragraph" data-testid="paragraph">
            {from > flag.paragraph.start && <span className="muted">… </span>}
            {pieces.map((p) =>
              p.marks.length ? (
                <mark key={p.start} className={`hl hl-${flag.severity}`} data-testid="flagged-span">
                  {p.text}
                </mark>
              ) : (
                <span key={p.start}>{p.text}</span>
              ),
            )}
            {to < flag.paragraph.end && <span className="muted"> …</span>}
          </blockquote>

          <h2>Why it was flagged</h2>
          <p data-testid="explanation">{flag.explanation}</p>

          <h2>Counterparts</h2>
          {flag.evidence.length === 0 ? (
            <p className="notice">No other outlet of this story carries a counterpart: the flagged text appears only in {flag.outlet}.</p>
          ) : (
            <>
              <p className="legend small">
                <span className="diff">
                  <del>struck</del>
                </span>{" "}
                words are in {flag.outlet} only;{" "}
                <span className="diff">
                  <ins>underlined</ins>
                </span>{" "}
                words are in the counterpart only.{flag.evidence.length > 1 && " Versions no other flag covers come first, then those most outlets carry, then the fullest."}
              </p>
              <div className="sides">
                <section className="side" aria-label={`${flag.outlet} (flagged)`}>
                  <h3>{flag.outlet} (flagged)</h3>
                  <p>{flag.text}</p>
                </section>
                {flag.evidence.map((e, i) => (
                  <section className="side" key={`${e.articleId}-${i}`} aria-label={e.outlet} data-testid="counterpart">
                    <h3>
                      <Link href={`/stories/${flag.storyId}?article=${e.articleId}`}>{e.outlet}</Link>
                    </h3>
                    <p>
                      <DiffText diff={e.diff} fallback={e.text} />
                    </p>
                  </section>
                ))}
              </div>
            </>
          )}
        </div>

        <aside>
          <h2>Triage</h2>
          <FlagTriage
            id={flag.id}
            version={flag.version}
            status={flag.status}
            note={flag.note}
            canTriage={canTriage}
            prevHref={flag.prevId ? withSearch(`/flags/${flag.prevId}`) : null}
            nextHref={flag.nextId ? withSearch(`/flags/${flag.nextId}`) : null}
          />
          <p className="keys">
            Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous
            {canTriage && (
              <>
                {" "}
                · <kbd>v</kbd> verified · <kbd>u</kbd> unsupported · <kbd>d</kbd> dismissed · <kbd>n</kbd> note
              </>
            )}
          </p>

          <h2>History</h2>
          {history.length === 0 ? (
            <p className="muted">No triage changes yet. Found {formatTime(flag.createdAt)}.</p>
          ) : (
            <table className="history" data-testid="history">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Change</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id} data-actor={h.actorKind} className={h.actorKind === "system" ? "muted" : undefined}>
                    <td className="small">{formatTime(h.at)}</td>
                    <td>
                      {h.actorKind === "system" ? (
                        <em className="status status-dismissed" title="Recorded by the analysis, not by an editor" data-testid="system-actor">
                          {h.actor}
                        </em>
                      ) : (
                        h.actor
                      )}
                    </td>
                    <td>{describeChange(h.action, h.fromStatus, h.toStatus)}</td>
                    <td className="small">{h.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </aside>
      </div>
    </article>
  );
}
