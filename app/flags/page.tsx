import type { Metadata } from "next";
import Link from "next/link";
import { countFlags, flagFacets, listFlags } from "../../db/queries";
import { requestDb } from "../lib/db";
import { requirePageUser } from "../lib/page-user";
import { can } from "../../lib/auth/roles";
import { DEFAULT_PAGE_SIZE, flagSearchString, parseFlagSearch, type FlagView, type RawSearch } from "../lib/flag-search";
import { FlagsTable } from "./flags-table";
import { PUBLIC_URL_ENV } from "../../lib/export/settings";

export const metadata: Metadata = { title: "Flags" };

/** The query string of the request, to come back to the same view after signing in. */
function searchString(raw: RawSearch): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, one);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export default async function FlagsPage({ searchParams }: { searchParams: Promise<RawSearch> }) {
  const raw = await searchParams;
  const user = await requirePageUser(`/flags${searchString(raw)}`);
  const db = await requestDb();
  const parsed = parseFlagSearch(raw);
  const view: FlagView = parsed.ok ? parsed.view : { query: {}, pageIndex: 0, pageSize: DEFAULT_PAGE_SIZE };

  if (await countFlags(db, {}) === 0) {
    return (
      <>
        <h1>Flags</h1>
        <div className="notice">
          <p>
            <strong>No flags yet.</strong> Flags appear once articles are ingested and analysed:
          </p>
          <ol>
            <li>
              <code>npm run ingest -- &lt;files, folders or URLs&gt;</code> (try <code>npm run ingest -- db/sample/articles</code>)
            </li>
            <li>
              <code>npm run analyze</code>
            </li>
          </ol>
        </div>
      </>
    );
  }

  const page = await listFlags(db, view.query, { index: view.pageIndex, size: view.pageSize });
  const facets = await flagFacets(db, view.query);
  const lastPage = Math.max(0, Math.ceil(page.total / view.pageSize) - 1);
  return (
    <>
      <h1>Flags</h1>
      {!parsed.ok && (
        <p className="error" role="alert">
          {parsed.error}. Showing every flag instead.
        </p>
      )}
      {view.pageIndex > lastPage && page.total > 0 && (
        <p className="notice">
          This view has {lastPage + 1} {lastPage === 0 ? "page" : "pages"}; page {view.pageIndex + 1} is empty.{" "}
          <Link href={`/flags?${flagSearchString({ ...view, pageIndex: 0 })}`}>Back to the first page</Link>
        </p>
      )}
      <FlagsTable
        rows={page.rows}
        total={page.total}
        facets={facets}
        view={view}
        canTriage={can(user.role, "flags.triage")}
        claimReviewNote={process.env[PUBLIC_URL_ENV]?.trim() ? undefined : `No public address is set (${PUBLIC_URL_ENV}): the reviews carry no url.`}
      />
    </>
  );
}
