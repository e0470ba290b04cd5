import Link from "next/link";
import { dashboardCounts } from "../db/queries";
import { listStoriesByAttention } from "../db/desk";
import { FLAG_STATUSES, SEVERITIES } from "../lib/types";
import { formatTime } from "./components/ui";
import { requestDb } from "./lib/db";
import { requirePageUser } from "./lib/page-user";

export default async function Home() {
  await requirePageUser("/");
  const db = await requestDb();
  const c = await dashboardCounts(db);
  const attention = await listStoriesByAttention(db, 20);
  return (
    <>
      <h1>Parallax desk</h1>
      <p className="muted">Where the outlets of one story diverge: reworded, cut and unsupported quotes and claims.</p>
      {attention.rows.length > 0 && (
        <section aria-labelledby="attention-h">
          <h2 id="attention-h">Stories, those needing attention first</h2>
          <table className="list attention" data-testid="attention">
            <thead>
              <tr>
                <th scope="col">Story</th>
                <th scope="col">Open flags by severity</th>
                <th scope="col">All flags by status</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {attention.rows.map((s) => (
                <tr key={s.id} data-testid="attention-row" data-story={s.id} data-open-high={s.counts.high.open} data-open-medium={s.counts.medium.open} data-updated={s.updatedAt}>
                  <td>
                    <Link href={`/stories/${s.id}`}>{s.title}</Link>
                    <div className="muted small">{s.articles} articles</div>
                  </td>
                  <td className="small">
                    {[...SEVERITIES].reverse().map((sev, i) => (
                      <span key={sev}>
                        {i > 0 && " · "}
                        {s.counts[sev].open > 0 ? (
                          <Link href={`/flags?story=${s.id}&status=open&severity=${sev}`} className={`sev-${sev}`}>
                            {s.counts[sev].open} {sev}
                          </Link>
                        ) : (
                          <span className="muted">0 {sev}</span>
                        )}
                      </span>
                    ))}
                  </td>
                  <td className="small">
                    {FLAG_STATUSES.map((st, i) => (
                      <span key={st}>
                        {i > 0 && " · "}
                        {SEVERITIES.reduce((n, sev) => n + s.counts[sev][st], 0)} {st}
                      </span>
                    ))}
                  </td>
                  <td className="small">{formatTime(s.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {attention.total > attention.rows.length && (
            <p className="small">
              <Link href="/stories">All {attention.total} stories →</Link>
            </p>
          )}
        </section>
      )}
      <div className="cards">
        <Link className="card" href="/flags?status=open">
          <span className="n" data-testid="open-count">{c.open}</span> open flags
        </Link>
        <Link className="card" href="/flags">
          <span className="n">{c.flags}</span> flags in all
        </Link>
        <Link className="card" href="/stories">
          <span className="n">{c.stories}</span> stories
        </Link>
        <div className="card">
          <span className="n">{c.articles}</span> articles
        </div>
      </div>
      {c.open > 0 && (
        <p>
          <Link href="/flags?status=open&severity=high">Start with the open high-severity flags →</Link>
        </p>
      )}
      {c.flags > 0 && (
        <p className="small">
          Triage so far:{" "}
          {(["verified", "unsupported", "dismissed"] as const).map((s, i) => (
            <span key={s}>
              {i > 0 && " · "}
              <Link href={`/flags?status=${s}`}>
                {c.byStatus[s] ?? 0} {s}
              </Link>
            </span>
          ))}
        </p>
      )}
      {c.articles === 0 && (
        <div className="notice" data-testid="first-step">
          <p>
            <strong>No articles yet. First step: ingest the versions of one story from several outlets.</strong>
          </p>
          <ol>
            <li>
              Ingest files, folders, article URLs or feeds: <code>npm run ingest -- &lt;files, folders or URLs&gt;</code> (the bundled sample:{" "}
              <code>npm run ingest -- db/sample/articles</code>).
            </li>
            <li>
              Compare the outlets of each story: <code>npm run analyze</code>.
            </li>
            <li>Reload this page: the stories that need attention come first.</li>
          </ol>
        </div>
      )}
      {c.articles > 0 && c.flags === 0 && (
        <p className="notice">
          Articles are in but no flags yet: run <code>npm run analyze</code> to compare the outlets of each story.
        </p>
      )}
    </>
  );
}
