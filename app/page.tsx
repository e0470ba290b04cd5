import Link from "next/link";
import { dashboardCounts } from "../db/queries";
import { requestDb } from "./lib/db";
import { requirePageUser } from "./lib/page-user";

export default async function Home() {
  await requirePageUser("/");
  const db = await requestDb();
  const c = dashboardCounts(db);
  return (
    <>
      <h1>Parallax desk</h1>
      <p className="muted">Where the outlets of one story diverge: reworded, cut and unsupported quotes and claims.</p>
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
        <div className="notice">
          <p>
            <strong>No articles yet.</strong> Run <code>npm run ingest -- &lt;files, folders or URLs&gt;</code>, then <code>npm run analyze</code>. The sample
            corpus is a good start: <code>npm run ingest -- db/sample/articles</code>.
          </p>
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
