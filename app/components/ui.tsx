/** Small presentational pieces shared by the pages (server-safe, no state). */
import { formatUtcMinute } from "../../lib/export/triaged";
import type { DiffOp, FlagStatus, Severity } from "../../lib/types";

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`sev sev-${severity}`}>{severity}</span>;
}

export function StatusBadge({ status }: { status: FlagStatus }) {
  return <span className={`status status-${status}`}>{status}</span>;
}

export function KindLabel({ kind }: { kind: string }) {
  return <span className="kind">{kind.replace(/_/g, " ")}</span>;
}

/** "2026-03-01 10:00 UTC" from an ISO timestamp (stable across server and client: no locale). */
export function formatTime(iso: string | null | undefined): string {
  return iso ? formatUtcMinute(iso) : "";
}

/** A word diff from the flagged text to a counterpart: deletions struck, insertions underlined, as text nodes. */
export function DiffText({ diff, fallback }: { diff: DiffOp[]; fallback: string }) {
  if (!diff.length) return <span>{fallback}</span>;
  return (
    <span className="diff">
      {diff.map((d, i) =>
        d.op === "insert" ? (
          <ins key={i} title="in this outlet, not in the flagged text">
            {d.text}
          </ins>
        ) : d.op === "delete" ? (
          <del key={i} title="in the flagged text, not in this outlet">
            {d.text}
          </del>
        ) : (
          <span key={i}>{d.text}</span>
        ),
      )}
    </span>
  );
}

/** A page the signed-in user's role may not use: its title and who may, in place of its content. */
export function RoleRefusal({ title, who, role }: { title: string; who: string; role: string | null | undefined }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="notice" role="alert">
        {who}; your role is {role ?? "none"}.
      </p>
    </>
  );
}
