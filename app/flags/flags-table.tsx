"use client";
/**
 * The flags table: TanStack Table v9 with every processing stage on the
 * server (manual sorting, filtering and paging). Table state is derived from
 * the URL and every change navigates, so the URL is the one source of truth
 * and a view can be shared. Columns are data; `meta.filter` picks the filter
 * widget shown in the sidebar.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useOptimistic, useRef, useState, useTransition, type ReactNode } from "react";
import {
  columnFilteringFeature,
  createColumnHelper,
  functionalUpdate,
  metaHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
  type PaginationState,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import type { FlagFacets, FlagRow } from "../../db/queries";
import type { FlagQuery, FlagSortKey, FlagStatus } from "../../lib/types";
import { changeNoteAction, changeStatusAction } from "../actions";
import { formatTime, KindLabel, SeverityBadge, StatusBadge } from "../components/ui";
import { flagSearchString, PAGE_SIZES, type FlagView } from "../lib/flag-search";

type FacetKey = keyof FlagFacets;

interface FlagColumnMeta {
  /** Header text (also the facet legend). */
  label: string;
  /** Which filter widget the column gets: a facet list of checkboxes, the full-text search box, or none. */
  filter?: "facet" | "search";
  className?: string;
}

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  columnMeta: metaHelper<FlagColumnMeta>(),
});

const helper = createColumnHelper<typeof features, FlagRow>();

/** Where a link to one flag goes: its page, carrying the table's view. */
function flagHref(id: number, search: string): string {
  return search ? `/flags/${id}?${search}` : `/flags/${id}`;
}

function makeColumns(search: string, canTriage: boolean) {
  // Row selection exists only for bulk triage: without the role, no checkboxes.
  const select = helper.display({
    id: "select",
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select every flag on this page"
        checked={table.getIsAllPageRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = table.getIsSomePageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select flag ${row.original.id}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  });
  return helper.columns([
    ...(canTriage ? [select] : []),
    helper.accessor("severity", {
      id: "severity",
      meta: { label: "Severity", filter: "facet" },
      cell: (info) => <SeverityBadge severity={info.getValue()} />,
    }),
    helper.accessor("kind", {
      id: "kind",
      meta: { label: "Kind", filter: "facet" },
      cell: (info) => <KindLabel kind={info.getValue()} />,
    }),
    helper.accessor("text", {
      id: "text",
      meta: { label: "Flagged text", filter: "search", className: "flag-text" },
      cell: (info) => {
        const f = info.row.original;
        return (
          <>
            <Link href={flagHref(f.id, search)} prefetch={false}>
              {f.text.length > 220 ? f.text.slice(0, 217) + "…" : f.text}
            </Link>
            {f.speaker && <span className="speaker">— {f.speaker}</span>}
            {f.stale && <span className="speaker">no longer found after re-analysis</span>}
          </>
        );
      },
    }),
    helper.accessor("outlet", { id: "outlet", meta: { label: "Outlet", filter: "facet" } }),
    helper.accessor("storyTitle", {
      id: "story",
      meta: { label: "Story", filter: "facet" },
      cell: (info) => (
        <Link href={`/stories/${info.row.original.storyId}`} prefetch={false}>
          {info.getValue()}
        </Link>
      ),
    }),
    helper.accessor((r) => r.counterparts.join(", "), {
      id: "counterparts",
      meta: { label: "Counterparts" },
      cell: (info) => info.getValue() || <span className="muted">none</span>,
    }),
    helper.accessor("confidence", {
      id: "confidence",
      meta: { label: "Confidence", className: "num" },
      cell: (info) => `${Math.round(info.getValue() * 100)}%`,
    }),
    helper.accessor("status", {
      id: "status",
      meta: { label: "Status", filter: "facet" },
      cell: (info) => <StatusBadge status={info.getValue()} />,
    }),
    helper.accessor("updatedAt", {
      id: "updatedAt",
      meta: { label: "Last change" },
      cell: (info) => (
        <span className="small">
          {formatTime(info.getValue())}
          {info.row.original.lastEditor && <span className="muted"> by {info.row.original.lastEditor}</span>}
        </span>
      ),
    }),
  ]);
}

const FILTER_KEYS: FacetKey[] = ["kind", "severity", "status", "outlet", "story"];
/** Facet widgets top to bottom: triage state first, the long lists last. */
const FACET_ORDER: FacetKey[] = ["status", "severity", "kind", "outlet", "story"];

function filtersFromQuery(q: FlagQuery): ColumnFiltersState {
  const out: ColumnFiltersState = [];
  for (const k of FILTER_KEYS) {
    const v = q[k];
    if (v && v.length) out.push({ id: k, value: v });
  }
  return out;
}

function queryWithFilters(q: FlagQuery, filters: ColumnFiltersState): FlagQuery {
  const next: FlagQuery = { ...q };
  for (const k of FILTER_KEYS) delete next[k];
  for (const f of filters) {
    const v = f.value as unknown[];
    if (!Array.isArray(v) || v.length === 0) continue;
    if (f.id === "story") next.story = v.map(Number);
    else (next as Record<string, unknown>)[f.id] = v.map(String);
  }
  return next;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
}

export interface FlagsTableProps {
  rows: FlagRow[];
  total: number;
  facets: FlagFacets;
  view: FlagView;
  /** The signed-in user's role may triage (lib/auth/roles.ts): otherwise no selection, bulk bar, status keys or note editing. */
  canTriage: boolean;
  /** Shown on the ClaimReview export link when the server has no public URL configured. */
  claimReviewNote?: string;
}

export function FlagsTable({ rows, total, facets, view: serverView, canTriage, claimReviewNote }: FlagsTableProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The view shows the editor's change at once (a ticked box stays ticked) while the server renders it.
  const [view, setView] = useOptimistic(serverView);
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [active, setActive] = useState(0);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [noteFor, setNoteFor] = useState<FlagRow | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tbodyRef = useRef<HTMLTableSectionElement>(null);

  const search = useMemo(() => flagSearchString(view), [view]);
  const columns = useMemo(() => makeColumns(search, canTriage), [search, canTriage]);
  const sorting = useMemo<SortingState>(() => (view.query.sort ?? []).map((s) => ({ id: s.id, desc: s.desc })), [view]);
  const columnFilters = useMemo(() => filtersFromQuery(view.query), [view]);
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: view.pageIndex, pageSize: view.pageSize }), [view]);

  // New rows from the server (navigation or a triage change): start the selection and cursor afresh.
  useEffect(() => {
    setRowSelection({});
    setActive((a) => Math.min(Math.max(0, a), Math.max(0, rows.length - 1)));
  }, [rows]);

  const go = useCallback(
    (next: FlagView) => {
      const s = flagSearchString(next);
      startTransition(() => {
        setView(next);
        router.push(s ? `/flags?${s}` : "/flags", { scroll: false });
      });
    },
    [router, setView],
  );

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => String(r.id),
    rowCount: total,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableMultiSort: true,
    sortDescFirst: true,
    state: { sorting, columnFilters, pagination, rowSelection },
    onSortingChange: (u) => {
      const next = functionalUpdate(u, sorting);
      go({ ...view, pageIndex: 0, query: { ...view.query, sort: next.length ? next.map((s) => ({ id: s.id as FlagSortKey, desc: s.desc })) : undefined } });
    },
    onColumnFiltersChange: (u) => go({ ...view, pageIndex: 0, query: queryWithFilters(view.query, functionalUpdate(u, columnFilters)) }),
    onPaginationChange: (u) => {
      const next = functionalUpdate(u, pagination);
      go({ ...view, pageIndex: next.pageSize !== view.pageSize ? 0 : next.pageIndex, pageSize: next.pageSize });
    },
    onRowSelectionChange: setRowSelection,
  });

  const selectedIds = table.getSelectedRowIds().map(Number);
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);

  const changeStatus = useCallback(
    (targets: FlagRow[], status: FlagStatus) => {
      if (!targets.length) return;
      startTransition(async () => {
        const r = await changeStatusAction({ flagIds: targets.map((t) => t.id), versions: targets.map((t) => t.version), status });
        if (!r.ok) setMessage({ kind: "error", text: r.error });
        else {
          setMessage({ kind: "ok", text: targets.length === 1 ? `Flag ${targets[0].id} marked ${status}.` : `${targets.length} flags marked ${status}.` });
          router.refresh();
        }
      });
    },
    [router],
  );

  // Keyboard: j/k move, Enter opens, v/u/d set the status, n edits the note, / focuses search.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || noteFor) return;
      const row = rows[active];
      switch (e.key) {
        case "j":
          setActive((a) => Math.min(rows.length - 1, a + 1));
          break;
        case "k":
          setActive((a) => Math.max(0, a - 1));
          break;
        case "Enter":
          if (!row || (e.target as HTMLElement | null)?.closest("a,button")) return;
          router.push(flagHref(row.id, search));
          break;
        case "v":
          if (!canTriage) return;
          if (row) changeStatus([row], "verified");
          break;
        case "u":
          if (!canTriage) return;
          if (row) changeStatus([row], "unsupported");
          break;
        case "d":
          if (!canTriage) return;
          if (row) changeStatus([row], "dismissed");
          break;
        case "n":
          if (!canTriage) return;
          if (row) setNoteFor(row);
          break;
        case "/":
          searchRef.current?.focus();
          searchRef.current?.select();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [rows, active, search, router, changeStatus, noteFor, canTriage]);

  useEffect(() => {
    tbodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const searchColumn = table.getAllLeafColumns().find((c) => c.columnDef.meta?.filter === "search");
  const submitSearch = (value: string) => go({ ...view, pageIndex: 0, query: { ...view.query, q: value.trim() || undefined } });
  const exportSearch = flagSearchString({ query: view.query });
  const pageCount = table.getPageCount();
  const filtered = FILTER_KEYS.some((k) => view.query[k]?.length) || Boolean(view.query.q);

  return (
    <div className="flags-layout">
      <aside className="facets" aria-label="Filters">
        {FACET_ORDER.map((id) => table.getColumn(id)).map((column) => {
          const meta = column?.columnDef.meta;
          if (!column || meta?.filter !== "facet") return null;
          const key = column.id as FacetKey;
          const options = facets[key] as { value: string | number; label: string; count: number }[];
          const chosen = ((column.getFilterValue() as (string | number)[] | undefined) ?? []).map(String);
          return (
            <fieldset key={column.id} data-facet={column.id}>
              <legend>{meta.label}</legend>
              <div className="scroll">
                {options.length === 0 && <span className="muted small">none</span>}
                {options.map((o) => {
                  const checked = chosen.includes(String(o.value));
                  return (
                    <label key={String(o.value)}>
                      <input
                        type="checkbox"
                        name={column.id}
                        value={String(o.value)}
                        checked={checked}
                        onChange={() => {
                          const next = checked ? chosen.filter((c) => c !== String(o.value)) : [...chosen, String(o.value)];
                          column.setFilterValue(next.length ? next : undefined);
                        }}
                      />
                      <span>{column.id === "kind" ? o.label.replace(/_/g, " ") : o.label}</span>
                      <span className="count">{o.count}</span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        <fieldset>
          <legend>Re-analysis</legend>
          <label>
            <input
              type="checkbox"
              checked={view.query.stale === false}
              onChange={() => go({ ...view, pageIndex: 0, query: { ...view.query, stale: view.query.stale === false ? undefined : false } })}
            />
            <span>Hide flags that no longer hold</span>
          </label>
        </fieldset>
        {filtered && (
          <button type="button" onClick={() => go({ query: { sort: view.query.sort }, pageIndex: 0, pageSize: view.pageSize })}>
            Clear filters
          </button>
        )}
      </aside>

      <section aria-label="Flags">
        <div className="toolbar">
          {searchColumn && (
            <form
              role="search"
              onSubmit={(e) => {
                e.preventDefault();
                submitSearch(searchRef.current?.value ?? "");
              }}
            >
              <label htmlFor="flag-search" className="visually-hidden">
                Search flags
              </label>
              <input
                id="flag-search"
                ref={searchRef}
                type="search"
                name="q"
                placeholder="Search text, speaker, note, outlet  ( / )"
                defaultValue={view.query.q ?? ""}
                key={view.query.q ?? ""}
                maxLength={200}
              />{" "}
              <button type="submit">Search</button>
            </form>
          )}
          <span className="spacer" />
          <span className="muted" aria-live="polite" data-testid="total">
            {total} {total === 1 ? "flag" : "flags"}
            {pending ? " · updating…" : ""}
          </span>
          <span className="small">
            Export:{" "}
            {(
              [
                ["csv", "CSV"],
                ["md", "Markdown"],
                ["json", "JSON"],
                ["claimreview", "ClaimReview"],
              ] as const
            ).map(([format, label]) => (
              <a
                key={format}
                className="button"
                href={`/api/export?${exportSearch ? exportSearch + "&" : ""}format=${format}`}
                download
                data-export={format}
                title={format === "claimreview" ? claimReviewNote : undefined}
              >
                {label}
              </a>
            ))}
          </span>
        </div>

        <div aria-live="assertive">
          {message && (
            <p className={message.kind === "error" ? "error" : "notice ok"} role={message.kind === "error" ? "alert" : "status"} data-testid="message">
              {message.text}
            </p>
          )}
        </div>

        {canTriage && selectedIds.length > 0 && (
          <div className="bulkbar" role="region" aria-label="Bulk change">
            <strong>{selectedIds.length} selected</strong>
            <span>Mark as:</span>
            {(["verified", "unsupported", "dismissed", "open"] as const).map((s) => (
              <button
                key={s}
                type="button"
                disabled={pending}
                data-bulk={s}
                onClick={() => changeStatus(selectedIds.flatMap((id) => byId.get(id) ?? []), s)}
              >
                {s}
              </button>
            ))}
            <button type="button" className="link" onClick={() => setRowSelection({})}>
              clear selection
            </button>
          </div>
        )}

        {rows.length === 0 ? (
          <div className="notice" data-testid="empty-view">
            <p>{filtered ? "No flags match this view. Loosen a filter or clear the search." : "No flags on this page."}</p>
            {filtered && <ActiveFilters query={view.query} facets={facets} />}
          </div>
        ) : (
          <table className="flags" aria-rowcount={total + 1}>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const meta = header.column.columnDef.meta;
                    const sorted = header.column.getIsSorted();
                    const canSort = header.column.getCanSort();
                    const label: ReactNode = meta?.label ?? <table.FlexRender header={header} />;
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className={meta?.className}
                        aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                        data-column={header.column.id}
                      >
                        {canSort ? (
                          <button type="button" onClick={header.column.getToggleSortingHandler()} title="Sort (shift-click to add a second key)">
                            {label}
                            {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                          </button>
                        ) : (
                          label
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody ref={tbodyRef}>
              {table.getRowModel().rows.map((row, i) => (
                <tr
                  key={row.id}
                  data-index={i}
                  data-flag-id={row.original.id}
                  className={[i === active ? "active" : "", row.getIsSelected() ? "selected" : ""].join(" ").trim() || undefined}
                  aria-current={i === active ? "true" : undefined}
                  onClick={() => setActive(i)}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className={cell.column.columnDef.meta?.className}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <nav className="pager" aria-label="Pages">
          <button type="button" onClick={() => table.firstPage()} disabled={!table.getCanPreviousPage()}>
            « First
          </button>
          <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            ‹ Previous
          </button>
          <span>
            Page {view.pageIndex + 1} of {Math.max(1, pageCount)}
          </span>
          <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            Next ›
          </button>
          <button type="button" onClick={() => table.lastPage()} disabled={!table.getCanNextPage()}>
            Last »
          </button>
          <label>
            Rows per page{" "}
            <select value={view.pageSize} onChange={(e) => table.setPageSize(Number(e.target.value))}>
              {PAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </nav>
        <p className="keys">
          Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open ·{" "}
          {canTriage && (
            <>
              <kbd>v</kbd> verified · <kbd>u</kbd> unsupported · <kbd>d</kbd> dismissed · <kbd>n</kbd> note ·{" "}
            </>
          )}
          <kbd>/</kbd> search
        </p>
      </section>

      {canTriage && noteFor && (
        <NoteDialog
          flag={noteFor}
          onClose={() => setNoteFor(null)}
          onSaved={(text) => {
            setMessage({ kind: "ok", text });
            setNoteFor(null);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

/** The filters of a view, named, so an empty view says what made it empty. */
function ActiveFilters({ query, facets }: { query: FlagQuery; facets: FlagFacets }) {
  const parts: string[] = [];
  const label = (key: FacetKey, value: string | number) =>
    (facets[key] as { value: string | number; label: string }[]).find((o) => String(o.value) === String(value))?.label ?? String(value);
  for (const key of FACET_ORDER) {
    const chosen = query[key] as (string | number)[] | undefined;
    if (chosen?.length) parts.push(`${key}: ${chosen.map((v) => label(key, v).replace(/_/g, " ")).join(", ")}`);
  }
  if (query.q) parts.push(`search: “${query.q}”`);
  if (query.stale === false) parts.push("hiding flags that no longer hold");
  return (
    <p className="small" data-testid="active-filters">
      Active filters: {parts.join(" · ")}
    </p>
  );
}

function NoteDialog({ flag, onClose, onSaved }: { flag: FlagRow; onClose: () => void; onSaved: (message: string) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [draft, setDraft] = useState(flag.note);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  // A typed note is not thrown away by a stray Escape or Cancel: ask first.
  const dirty = draft !== flag.note;
  const mayDiscard = () => !dirty || window.confirm("Discard the note you typed?");
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onCancel={(e) => {
        if (!mayDiscard()) e.preventDefault();
      }}
      aria-labelledby="note-title"
      className="triage"
    >
      <form
        ref={formRef}
        onKeyDown={(e) => {
          // Ctrl+Enter (Cmd+Enter on a Mac) saves, as in most editors' comment boxes.
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            formRef.current?.requestSubmit();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          const note = String(new FormData(e.currentTarget).get("note") ?? "");
          startTransition(async () => {
            const r = await changeNoteAction({ flagId: flag.id, version: flag.version, note });
            if (r.ok) onSaved(`Note saved on flag ${flag.id}.`);
            else setError(r.error);
          });
        }}
      >
        <h2 id="note-title">Note on flag {flag.id}</h2>
        <p className="small muted">{flag.text}</p>
        <textarea name="note" value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus maxLength={5000} aria-label="Note" />
        <p className="small muted">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <p>
          <button type="submit" className="primary" disabled={pending}>
            Save note
          </button>{" "}
          <button
            type="button"
            onClick={() => {
              if (mayDiscard()) ref.current?.close();
            }}
          >
            Cancel
          </button>
        </p>
      </form>
    </dialog>
  );
}
