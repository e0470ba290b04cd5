"use client";
/** The outlets with their counts, each renamable in place; a rename to another outlet's name merges them. */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { OutletSummary } from "../../db/outlets";
import { renameOutletAction } from "./actions";
import { OUTLET_ORIGIN_LABELS } from "../../lib/ingest/types";

export function OutletsTable({ outlets }: { outlets: OutletSummary[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  function rename(e: FormEvent<HTMLFormElement>, o: OutletSummary) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    const other = outlets.find((x) => x.id !== o.id && x.name.toLowerCase() === name.trim().replace(/\s+/g, " ").toLowerCase());
    if (other && !window.confirm(`"${other.name}" already exists. Merge "${o.name}" (${o.articles} articles) into it?`)) return;
    start(async () => {
      const r = await renameOutletAction({ outletId: o.id, name });
      if (!r.ok) {
        setNotice({ ok: false, text: r.error });
        return;
      }
      const d = r.data;
      const again = d.stories.length ? ` ${d.stories.length} ${d.stories.length === 1 ? "story is" : "stories are"} being re-analysed so explanations use the name.` : "";
      setNotice({
        ok: true,
        text: d.merged ? `Merged "${d.merged.from}" into "${d.outlet.name}" (${d.merged.articles} article revisions moved).${again}` : d.changed ? `Renamed to "${d.outlet.name}".${again}` : "No change.",
      });
      setEditing(null);
      router.refresh();
    });
  }

  return (
    <>
      {notice && (
        <p role={notice.ok ? "status" : "alert"} className={notice.ok ? "notice" : "error"} data-testid="outlets-notice">
          {notice.text}
        </p>
      )}
      <table className="list" data-testid="outlets-table">
        <thead>
          <tr>
            <th scope="col">Outlet</th>
            <th scope="col">Articles</th>
            <th scope="col">Stories</th>
            <th scope="col">Flags</th>
            <th scope="col">Rename</th>
          </tr>
        </thead>
        <tbody>
          {outlets.map((o) => (
            <tr key={o.id} data-outlet={o.name}>
              <td>
                <strong>{o.name}</strong> <span className="origin" data-testid="outlet-origin">{(OUTLET_ORIGIN_LABELS as Readonly<Record<string, string>>)[o.origin] ?? o.origin}</span>
                {o.host && o.host !== o.name && <span className="muted small"> · {o.host}</span>}
                {o.aliases.length > 0 && <span className="muted small line-note">also known as {o.aliases.join(", ")}</span>}
              </td>
              <td className="num">{o.articles}</td>
              <td className="num">{o.stories}</td>
              <td className="num">{o.flags > 0 ? <Link href={`/flags?outlet=${encodeURIComponent(o.name)}`}>{o.flags}</Link> : 0}</td>
              <td>
                {editing === o.id ? (
                  <form onSubmit={(e) => rename(e, o)} className="rename-form">
                    <input name="name" defaultValue={o.name} maxLength={120} aria-label={`New name for ${o.name}`} autoFocus required data-testid="outlet-name-input" />{" "}
                    <button type="submit" className="primary" disabled={pending} data-testid="outlet-rename-save">
                      Save
                    </button>{" "}
                    <button type="button" onClick={() => setEditing(null)} disabled={pending}>
                      Cancel
                    </button>
                  </form>
                ) : (
                  <button type="button" onClick={() => setEditing(o.id)} aria-label={`Rename ${o.name}`} data-testid="outlet-rename">
                    Rename
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
