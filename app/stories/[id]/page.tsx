import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getStoryDesk } from "../../../db/story-desk";
import { formatTime, KindLabel } from "../../components/ui";
import { requestDb } from "../../lib/db";
import { currentUser } from "../../lib/auth";
import { storyTabTitle } from "../../../db/titles";
import { requirePageUser } from "../../lib/page-user";
import { cutPieces } from "../../lib/segments";
import { StoryDeskSections } from "./desk-sections";
import { describeAnalysisLimit } from "../../../lib/analyze/limit";
import type { Severity } from "../../../lib/types";

/** The tab names the story, for a signed-in user only (a visitor's tab says no more than the page shows them). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id) || !(await currentUser())) return { title: "Story" };
  return { title: await storyTabTitle(await requestDb(), Number(id)) ?? "Story not found" };
}

const SEV_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

export default async function StoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id: rawId } = await params;
  await requirePageUser(`/stories/${encodeURIComponent(rawId)}`);
  if (!/^\d{1,12}$/.test(rawId)) notFound();
  const db = await requestDb();
  const desk = await getStoryDesk(db, Number(rawId));
  if (!desk) notFound();
  const { story } = desk;
  const sp = await searchParams;
  const wanted = Number(Array.isArray(sp.article) ? sp.article[0] : sp.article);
  const article = story.articles.find((a) => a.id === wanted) ?? story.articles[0] ?? null;
  const flagCount = story.articles.reduce((n, a) => n + a.flags.length, 0);
  // Articles longer than the analysed prefix say so: flags can only come from that prefix.
  const limits = new Map(story.articles.map((a) => [a.id, describeAnalysisLimit(a.body.length)]));

  return (
    <>
      <p className="nav-links">
        <Link href="/stories">← All stories</Link>
        {flagCount > 0 && <Link href={`/flags?story=${story.id}`}>{flagCount} flags in the table</Link>}
      </p>
      <h1>{story.title}</h1>
      <p className="muted small">
        {story.articles.length} articles from {story.outlets.length} outlets · updated {formatTime(story.updatedAt)}
        {story.analyzedAt ? ` · analysed ${formatTime(story.analyzedAt)}` : " · not analysed yet (run npm run analyze)"}
      </p>

      {story.articles
        .filter((a) => limits.get(a.id))
        .map((a) => (
          <p key={a.id} className="notice small" data-testid="analysis-limit">
            {a.outlet}: {limits.get(a.id)}
          </p>
        ))}

      <StoryDeskSections desk={desk} storyId={story.id} />

      {article && (
        <section id="reader" aria-label="Article reader">
          <h2>Reader</h2>
          <nav className="tabs" aria-label="Articles">
            {story.articles.map((a) => (
              <Link key={a.id} href={`/stories/${story.id}?article=${a.id}#reader`} aria-current={a.id === article.id ? "page" : undefined}>
                {a.outlet} ({a.flags.length})
              </Link>
            ))}
          </nav>
          <h3>{article.title}</h3>
          {limits.get(article.id) && <p className="notice">{limits.get(article.id)}</p>}
          <div className="reader" data-testid="reader">
            {cutPieces(
              article.body,
              0,
              article.body.length,
              article.flags.map((f) => ({ start: f.start, end: f.end, key: String(f.id) })),
            ).map((p) => {
              if (!p.marks.length) return <span key={p.start}>{p.text}</span>;
              const covering = article.flags.filter((f) => p.marks.includes(String(f.id)));
              const top = covering.reduce((a, b) => (SEV_RANK[b.severity] > SEV_RANK[a.severity] ? b : a));
              return (
                <mark key={p.start} className={`hl hl-${top.severity}`} title={covering.map((f) => `${f.kind.replace(/_/g, " ")} (${f.severity}, ${f.status})`).join("; ")}>
                  <Link href={`/flags/${top.id}?story=${story.id}`}>{p.text}</Link>
                </mark>
              );
            })}
          </div>
          {article.flags.length > 0 && (
            <>
              <h3>Flags in this article</h3>
              <ul>
                {article.flags.map((f) => (
                  <li key={f.id}>
                    <Link href={`/flags/${f.id}?story=${story.id}`}>
                      <KindLabel kind={f.kind} />
                    </Link>{" "}
                    <span className="muted small">
                      {f.severity} · {f.status} · “{article.body.slice(f.start, Math.min(f.end, f.start + 120))}”
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
