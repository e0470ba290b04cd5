/**
 * The /flags view in the URL: filters, sort and page as search params, so a
 * view can be shared, reloaded, exported, and carried to a flag's page.
 * Parsed with zod on the server (page, export route, flag page); built on the
 * client when the editor changes the view.
 *
 *   ?kind=quote_paraphrased&kind=claim_added&severity=high&status=open
 *   &outlet=The%20River%20Post&story=3&q=bridge&sort=severity.desc&page=2&size=50
 */
import { z } from "zod";
import { FLAG_KINDS, FLAG_STATUSES, SEVERITIES, type FlagQuery, type FlagSortKey } from "../../lib/types";

export const SORT_KEYS: readonly FlagSortKey[] = ["severity", "kind", "text", "outlet", "story", "counterparts", "confidence", "status", "updatedAt"];
export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

export type RawSearch = Record<string, string | string[] | undefined>;

/** Every value of a param, commas split for the enum/number lists (outlet names may hold commas, so they are not split). */
const list = (split: boolean) =>
  z.preprocess((v) => {
    const arr = v === undefined ? [] : Array.isArray(v) ? v : [v];
    return arr.flatMap((x) => (split ? String(x).split(",") : [String(x)])).map((x) => x.trim()).filter(Boolean);
  }, z.array(z.string()));

const enumList = <T extends string>(name: string, values: readonly T[]) =>
  list(true).pipe(
    z.array(z.enum(values as unknown as [T, ...T[]], { error: (iss) => `unknown ${name} "${String(iss.input)}" (expected ${values.join(", ")})` })),
  );

const wholeNumber = (name: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { error: (iss) => `${name} must be a whole number, got "${String(iss.input)}"` })
    .transform(Number);

const single = z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v), z.string().optional());

export const flagSearchSchema = z.object({
  kind: enumList("kind", FLAG_KINDS),
  severity: enumList("severity", SEVERITIES),
  status: enumList("status", FLAG_STATUSES),
  outlet: list(false).pipe(z.array(z.string().max(200, "outlet name is too long")).max(50, "too many outlets")),
  story: list(true).pipe(z.array(wholeNumber("story").pipe(z.number().min(1, "story must be 1 or more"))).max(200, "too many stories")),
  q: single.pipe(z.string().max(200, "search is too long (at most 200 characters)").optional()),
  stale: single.pipe(z.enum(["0", "1"], { error: 'stale must be "0" or "1"' }).optional()),
  sort: list(true).pipe(
    z.array(
      z.string().regex(new RegExp(`^(${SORT_KEYS.join("|")})\\.(asc|desc)$`), {
        error: (iss) => `bad sort "${String(iss.input)}" (expected <column>.asc or <column>.desc, columns: ${SORT_KEYS.join(", ")})`,
      }),
    ).max(4, "at most 4 sort keys"),
  ),
  page: single.pipe(wholeNumber("page").pipe(z.number().min(1, "page must be 1 or more").max(100000, "page is too large")).optional()),
  size: single.pipe(
    wholeNumber("size")
      .pipe(z.number().refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { error: `size must be one of ${PAGE_SIZES.join(", ")}` }))
      .optional(),
  ),
});

export interface FlagView {
  query: FlagQuery;
  /** Zero-based page index. */
  pageIndex: number;
  pageSize: number;
}

export type ParsedFlagSearch = { ok: true; view: FlagView } | { ok: false; error: string };

function toRaw(input: RawSearch | URLSearchParams): RawSearch {
  if (!(input instanceof URLSearchParams)) return input;
  const out: RawSearch = {};
  for (const key of new Set(input.keys())) {
    const all = input.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** Validates the search params of a /flags URL. Unknown params are ignored (e.g. `format` for the export route). */
export function parseFlagSearch(input: RawSearch | URLSearchParams): ParsedFlagSearch {
  const r = flagSearchSchema.safeParse(toRaw(input));
  if (!r.success) {
    // Name the parameter once ("page must be a whole number", not "page: page must ..."; no list index).
    const issues = r.error.issues.map((i) => {
      const name = i.path.filter((p) => typeof p !== "number").join(".") || "query";
      return i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
    });
    return { ok: false, error: `Invalid view in the URL: ${[...new Set(issues)].join("; ")}` };
  }
  const d = r.data;
  const query: FlagQuery = {};
  if (d.kind.length) query.kind = [...new Set(d.kind)];
  if (d.severity.length) query.severity = [...new Set(d.severity)];
  if (d.status.length) query.status = [...new Set(d.status)];
  if (d.outlet.length) query.outlet = [...new Set(d.outlet)];
  if (d.story.length) query.story = [...new Set(d.story)];
  if (d.q && d.q.trim()) query.q = d.q.trim();
  if (d.stale === "0") query.stale = false;
  if (d.sort.length) {
    const seen = new Set<string>();
    query.sort = d.sort.flatMap((s) => {
      const [id, dir] = s.split(".") as [FlagSortKey, string];
      if (seen.has(id)) return [];
      seen.add(id);
      return [{ id, desc: dir === "desc" }];
    });
  }
  return { ok: true, view: { query, pageIndex: (d.page ?? 1) - 1, pageSize: d.size ?? DEFAULT_PAGE_SIZE } };
}

/** The search string (without "?") for a view; defaults are left out so URLs stay short. */
export function flagSearchString(view: Partial<FlagView> & { query: FlagQuery }): string {
  const p = new URLSearchParams();
  const q = view.query;
  for (const k of q.kind ?? []) p.append("kind", k);
  for (const s of q.severity ?? []) p.append("severity", s);
  for (const s of q.status ?? []) p.append("status", s);
  for (const o of q.outlet ?? []) p.append("outlet", o);
  for (const s of q.story ?? []) p.append("story", String(s));
  if (q.q) p.set("q", q.q);
  if (q.stale === false) p.set("stale", "0");
  for (const s of q.sort ?? []) p.append("sort", `${s.id}.${s.desc ? "desc" : "asc"}`);
  if (view.pageIndex) p.set("page", String(view.pageIndex + 1));
  if (view.pageSize && view.pageSize !== DEFAULT_PAGE_SIZE) p.set("size", String(view.pageSize));
  return p.toString();
}
