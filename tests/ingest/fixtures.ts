/** Hand-written test pages and feeds (invented content, no shared data). */

export const ARTICLE_PARAGRAPHS = [
  'The harbour authority said on Tuesday that the new ferry terminal would open in the spring after two years of delays caused by "unexpected ground conditions" under the quay.',
  '"We are confident the terminal will transform travel for islanders," the authority\'s director, Maria Olsen, told reporters at the site, adding that the final inspections were planned for March.',
  "Local councillors welcomed the announcement but warned that the cost of the project had almost doubled since it was approved, and asked for an independent review of the contracts.",
  "The ferry company said timetables for the new route would be published in January, with more frequent crossings at weekends during the summer season.",
];

/** A news page with the usual chrome around one article. */
export function chromePage(opts: { title?: string; extraHead?: string; lang?: string } = {}): string {
  const title = opts.title ?? "New ferry terminal to open in spring";
  return `<!doctype html>
<html lang="${opts.lang ?? "en"}"><head><meta charset="utf-8">
<title>${title} | Coastal Herald</title>
<meta property="og:site_name" content="Coastal Herald">
<meta property="og:title" content="${title}">
<meta property="article:published_time" content="2025-03-04T09:30:00Z">
<meta name="author" content="Per Hansen">
<link rel="canonical" href="https://www.coastalherald.example/news/ferry-terminal">
${opts.extraHead ?? ""}
</head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<main><article class="article">
<h1>${title}</h1>
<p class="byline">By Per Hansen</p>
${ARTICLE_PARAGRAPHS.map((p) => `<p>${p.replace(/</g, "&lt;")}</p>`).join("\n")}
<h2>What happens next</h2>
<ul><li>Final inspections in March.</li><li>Timetables published in January.</li></ul>
</article></main>
<div class="share-links"><a href="https://twitter.com/intent/tweet">Share on Twitter</a> <a href="https://facebook.com/sharer">Share on Facebook</a> <a href="mailto:?">Email this story</a></div>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Bridge closed for repairs</a></li><li><a href="/b">Bus fares to rise</a></li></ul></aside>
<footer class="site-footer"><p>© 2025 Coastal Herald Media. All rights reserved.</p><a href="/privacy">Privacy policy</a> <a href="/terms">Terms</a></footer>
</body></html>`;
}

export const NO_ARTICLE_PAGE = `<!doctype html><html><head><title>Login</title></head><body>
<nav><a href="/">Home</a></nav><form><input name="user"><button>Sign in</button></form><footer></footer></body></html>`;

export function rssFeed(items: { link: string; title: string; description?: string; content?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Coastal Herald</title><link>https://coastalherald.example/</link><description>News</description>
${items
  .map(
    (it) => `<item><title>${it.title}</title><link>${it.link}</link><pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate><dc:creator>Desk</dc:creator>
<description><![CDATA[${it.description ?? "Short teaser."}]]></description>${it.content ? `<content:encoded><![CDATA[${it.content}]]></content:encoded>` : ""}</item>`,
  )
  .join("\n")}
</channel></rss>`;
}

export function atomFeed(entries: { href: string; title: string; content?: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Blog</title><id>urn:x</id><updated>2025-03-04T10:00:00Z</updated>
${entries
  .map(
    (e) => `<entry><title>${e.title}</title><link rel="alternate" type="text/html" href="${e.href}"/><link rel="edit" href="/edit/1"/>
<id>urn:${e.title.length}</id><published>2025-03-04T10:00:00Z</published><author><name>Blogger</name></author>
<summary>Teaser</summary>${e.content ? `<content type="html">${e.content.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</content>` : ""}</entry>`,
  )
  .join("\n")}
</feed>`;
}
