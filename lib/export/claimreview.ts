/**
 * The ClaimReview export: schema.org JSON-LD for the flags an editor has
 * decided (verified or unsupported), so fact-check results can be published
 * in the format search engines and fact-check aggregators read.
 */
import { parsePublicBaseUrl } from "./public-url";
import { isWebAddress } from "./triaged";
import type { ExportAppearance, ExportData, ExportFlag } from "./types";

export interface ClaimReviewOptions {
  /** datePublished of every review. */
  now: Date;
  /** Public http(s) base for the flag page URLs (never localhost); without it a review has no `url`. */
  baseUrl?: string;
  /** The reviewing organisation (default "Parallax"). */
  publisher?: string;
}

/** One schema.org ClaimReview, as plain JSON. */
export interface ClaimReview {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  /** Absent when no public base URL is configured: a relative or localhost link would lead readers nowhere. */
  url?: string;
  claimReviewed: string;
  datePublished: string;
  author: { "@type": "Organization"; name: string };
  itemReviewed: {
    "@type": "Claim";
    author: { "@type": "Organization"; name: string };
    /** The earliest version of a flagged quote (lib/provenance). */
    firstAppearance?: CreativeWork;
    /** Every outlet's version of a flagged quote, earliest first; else the flagged article. */
    appearance?: CreativeWork[];
  };
  reviewRating: {
    "@type": "Rating";
    ratingValue: number;
    bestRating: number;
    worstRating: number;
    alternateName: "Supported" | "Unsupported";
  };
  reviewBody: string;
}

/** A place a claim appears: an article, with its URL when it has a web one. */
export interface CreativeWork {
  "@type": "CreativeWork";
  url?: string;
  headline: string;
  author?: { "@type": "Organization"; name: string };
  datePublished?: string;
}

/** Statuses that carry a published verdict; open and dismissed flags are not reviews. */
export const REVIEWED_STATUSES = ["verified", "unsupported"] as const;

const BEST = 5;
const WORST = 1;

/** The URL of a flag's page: relative, or resolved against `baseUrl` (absolute http or https, and public: never localhost). */
export function flagPageUrl(id: number, baseUrl?: string): string {
  const rel = `/flags/${id}`;
  if (baseUrl === undefined || baseUrl === "") return rel;
  const base = parsePublicBaseUrl(baseUrl, "ClaimReview base URL");
  // Keep a base path such as https://desk.example/parallax/ in front of /flags.
  const prefix = base.pathname.replace(/\/+$/, "");
  return new URL(prefix + rel, base.origin).toString();
}


function creativeWork(a: ExportAppearance): CreativeWork {
  return {
    "@type": "CreativeWork",
    ...(isWebAddress(a.url) ? { url: a.url } : {}),
    headline: a.headline,
    author: { "@type": "Organization", name: a.outlet },
    ...(a.publishedAt ? { datePublished: a.publishedAt } : {}),
  };
}

function review(f: ExportFlag, options: ClaimReviewOptions, articleUrl: string | null, title: string, versions: ExportAppearance[] | undefined): ClaimReview {
  const supported = f.status === "verified";
  // A quote other outlets carry: its first appearance and every version, from the provenance chain.
  const traced = versions?.length ? versions.map(creativeWork) : null;
  const appearance = traced ?? (isWebAddress(articleUrl) ? [{ "@type": "CreativeWork" as const, url: articleUrl, headline: title }] : undefined);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    ...(options.baseUrl ? { url: flagPageUrl(f.id, options.baseUrl) } : {}),
    claimReviewed: f.text,
    datePublished: options.now.toISOString().slice(0, 10),
    author: { "@type": "Organization", name: options.publisher ?? "Parallax" },
    itemReviewed: {
      "@type": "Claim",
      author: { "@type": "Organization", name: f.outlet },
      ...(traced ? { firstAppearance: traced[0] } : {}),
      ...(appearance ? { appearance } : {}),
    },
    reviewRating: {
      "@type": "Rating",
      ratingValue: supported ? BEST : WORST,
      bestRating: BEST,
      worstRating: WORST,
      alternateName: supported ? "Supported" : "Unsupported",
    },
    reviewBody: f.note.trim() ? `${f.explanation.trim()} Editor's note: ${f.note.trim()}` : f.explanation.trim(),
  };
}

/** ClaimReview objects for the verified (Supported) and unsupported (Unsupported) flags of `data`, in order. */
export function buildClaimReviews(data: ExportData, options: ClaimReviewOptions): ClaimReview[] {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  return data.flags
    .filter((f) => (REVIEWED_STATUSES as readonly string[]).includes(f.status))
    .map((f) => {
      const a = articles.get(f.articleId);
      const url = a?.url ?? (isWebAddress(f.source) ? f.source : null);
      return review(f, options, url, a?.title ?? "", data.appearances?.[f.id]);
    });
}

/**
 * Renders the reviews as a JSON-LD array. "<" is written as \u003c so the
 * document stays inert when pasted into a <script type="application/ld+json">.
 */
export function formatClaimReview(data: ExportData, options: ClaimReviewOptions): string {
  return JSON.stringify(buildClaimReviews(data, options), null, 2).replace(/</g, "\\u003c") + "\n";
}
