import type { Metadata } from "next";
import Link from "next/link";
import { listStories } from "../../db/queries";
import { formatTime } from "../components/ui";
import { requestDb } from "../lib/db";

export const metadata: Metadata = { title: "Stories" };

export default async function StoriesPage() {
  const db = await requestDb();
  const stories = listStories(db);
  return (
    <>
      <h1>Stories</h1>
      {stories.length === 0 ? (
        <div className="notice">
          <p>
            <strong>No stories yet.</strong> Articles about the same event are grouped into a story when they are ingested:
          </p>
          <p>
            <code>npm run ingest -- &lt;files, folders or URLs&gt;</code> then <code>npm run analyze</code> (try <code>npm run ingest -- db/sample/articles</code>).
          </p>
        </div>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Story</th>
              <th scope="col">Outlets</th>
              <th scope="col">Articles</th>
              <th scope="col">Flags (open)</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {stories.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/stories/${s.id}`}>{s.title}</Link>
                  {s.label && <span className="muted small"> · {s.label}</span>}
                </td>
                <td>{s.outlets.join(", ") || <span className="muted">none</span>}</td>
                <td>{s.articles}</td>
                <td>
                  {s.flags > 0 ? <Link href={`/flags?story=${s.id}`}>{s.flags}</Link> : 0} ({s.openFlags})
                </td>
                <td className="small">
                  {formatTime(s.updatedAt)}
                  {!s.analyzedAt && <span className="muted"> · not analysed yet</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
