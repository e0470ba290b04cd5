import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { listStories } from "../../db/queries";
import { formatTime } from "../components/ui";
import { requestDb } from "../lib/db";
import { requirePageUser } from "../lib/page-user";

export const metadata: Metadata = { title: "Stories" };

const PAGE_SIZE = 50;

export default async function StoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("/stories");
  const db = await requestDb();
  const raw = (await searchParams).page;
  const pageParam = z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.number().min(1))
    .safeParse(Array.isArray(raw) ? raw[0] : (raw ?? "1"));
  const index = pageParam.success ? pageParam.data - 1 : 0;
  const { rows: stories, total } = await listStories(db, { index, size: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <h1>Stories</h1>
      {!pageParam.success && (
        <p className="error" role="alert">
          Invalid page in the URL (expected a whole number from 1); showing the first page.
        </p>
      )}
      {total === 0 ? (
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
      {total > PAGE_SIZE && (
        <nav className="pager" aria-label="Pages">
          {index > 0 ? <Link href={`/stories?page=${index}`}>‹ Previous</Link> : <span className="muted">‹ Previous</span>}
          <span>
            Page {index + 1} of {pages} ({total} stories)
          </span>
          {index + 1 < pages ? <Link href={`/stories?page=${index + 2}`}>Next ›</Link> : <span className="muted">Next ›</span>}
        </nav>
      )}
    </>
  );
}
