/**
 * A linear pre-scan of an HTML page's tags that bounds how deep its elements
 * nest before any DOM is built. The DOM parser keeps its open elements in an
 * array it shifts and unshifts (quadratic in the depth), and Readability walks
 * the tree recursively: 50,000 nested elements took over a minute and then
 * overflowed the stack. Start tags beyond the limit are removed with their
 * matching end tags, so the text inside them stays, one level up.
 *
 * The scan follows the parser's rules that decide depth (void elements, raw
 * text elements, the start tags that close an open <p>, <li>, <td>...), so the
 * depth it counts is the depth the DOM will have.
 */
import { MAX_HTML_ATTRIBUTES, MAX_HTML_ATTRIBUTES_PER_PAGE } from "./limits";

/** Elements without an end tag. */
const VOID = new Set(["area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"]);

/** Elements whose content is text up to their end tag (markup inside is not parsed). */
const RAW_TEXT = new Set(["script", "style", "title", "textarea", "xmp"]);

const P_ONLY = new Set(["p"]);
const FORM_TAGS = new Set(["input", "option", "optgroup", "select", "button", "datalist", "textarea"]);
/** Start tags that close the open elements named in their set while one of those is the innermost (as the HTML parser does). */
const CLOSES: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])],
  ["li", new Set(["li"])],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ["dd", new Set(["dd", "dt"])],
  ["dt", new Set(["dd", "dt"])],
  ["rt", new Set(["rt", "rp"])],
  ["rp", new Set(["rt", "rp"])],
  ["tbody", new Set(["thead", "tbody"])],
  ["tfoot", new Set(["thead", "tbody"])],
  ...["select", "input", "output", "button", "datalist", "textarea"].map((t) => [t, FORM_TAGS] as const),
  ...[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul",
  ].map((t) => [t, P_ONLY] as const),
]);

const NAME_END = /[\s/>]/g;

/** What the scan found and did. */
export interface NestingScan {
  /** The page with start tags beyond the depth limit (and their end tags) removed; the input itself when nothing was. */
  html: string;
  /** Start tags removed for being too deep. */
  unwrapped: number;
  /** Start tags seen (void elements included): the size of the DOM to come. */
  elements: number;
  /** Deepest nesting kept. */
  depth: number;
  /**
   * Characters between tags, each weighted by how deep it sits in what was kept: what
   * text extraction pays for, since it reads every element's text once per ancestor.
   */
  textDepth: number;
  /** Attributes dropped from elements that held more than the limit. */
  strippedAttributes: number;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** End of a tag name starting at `from`. */
function nameEnd(html: string, from: number): number {
  NAME_END.lastIndex = from;
  const m = NAME_END.exec(html);
  return m ? m.index : html.length;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * Index just past the `>` that ends a start tag whose attributes begin at `from` (quoted values may
 * hold `>`), and how many attributes the tag holds (names that start after white space).
 */
function startTagEnd(html: string, from: number): { end: number; attributes: number } {
  let afterEq = false;
  let attributes = 0;
  let prevSpace = true;
  for (let j = from; j < html.length; j++) {
    const c = html.charCodeAt(j);
    if (c === 0x3e) return { end: j + 1, attributes }; // >
    if (c === 0x3d) {
      afterEq = true; // =
      prevSpace = false;
      continue;
    }
    if ((c === 0x22 || c === 0x27) && afterEq) {
      const close = html.indexOf(c === 0x22 ? '"' : "'", j + 1);
      if (close < 0) return { end: html.length, attributes };
      j = close;
      afterEq = false;
      prevSpace = false;
    } else if (isSpace(c)) prevSpace = true;
    else {
      if (prevSpace && !afterEq && c !== 0x2f) attributes++;
      afterEq = false;
      prevSpace = false;
    }
  }
  return { end: html.length, attributes };
}

/**
 * Removes start tags nested deeper than `maxDepth` (and their end tags) from
 * `html`, in one pass over it.
 */
export function limitHtmlDepth(html: string, maxDepth: number, maxAttributes = MAX_HTML_ATTRIBUTES): NestingScan {
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  const kept: string[] = [];
  let keptFrom = 0;
  let unwrapped = 0;
  let elements = 0;
  let depth = 0;
  let textDepth = 0;
  let strippedAttributes = 0;
  let keptAttributes = 0;
  const rawTextEnds: Record<string, RegExp> = {};
  const cut = (from: number, to: number) => {
    kept.push(html.slice(keptFrom, from));
    keptFrom = to;
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    textDepth += ((lt < 0 ? html.length : lt) - i) * stack.length;
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end < 0 ? html.length : end + 3;
    } else if (next === 0x21 || next === 0x3f) {
      // <!doctype ...>, <![CDATA[...]]>, <?xml ...?>
      const end = html.indexOf(">", lt + 2);
      i = end < 0 ? html.length : end + 1;
    } else if (next === 0x2f && isAsciiLetter(html.charCodeAt(lt + 2))) {
      const name = html.slice(lt + 2, nameEnd(html, lt + 2)).toLowerCase();
      const end = html.indexOf(">", lt + 2);
      i = end < 0 ? html.length : end + 1;
      const owed = dropped.get(name) ?? 0;
      if (owed > 0) {
        dropped.set(name, owed - 1);
        cut(lt, i);
      } else if (!VOID.has(name)) {
        const pos = stack.lastIndexOf(name);
        if (pos >= 0) stack.length = pos;
      }
    } else if (isAsciiLetter(next)) {
      const nameStop = nameEnd(html, lt + 1);
      const name = html.slice(lt + 1, nameStop).toLowerCase();
      const tag = startTagEnd(html, nameStop);
      i = tag.end;
      elements++;
      if (tag.attributes > maxAttributes || keptAttributes + tag.attributes > MAX_HTML_ATTRIBUTES_PER_PAGE) {
        // The DOM builder slows down with the square of one element's attributes: keep the bare tag.
        cut(lt, i);
        kept.push(`<${name}>`);
        strippedAttributes += tag.attributes;
      } else keptAttributes += tag.attributes;
      const closes = CLOSES.get(name);
      if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1])) stack.pop();
      if (!VOID.has(name)) {
        // A raw text element has no child elements: it may sit one level deeper, and its text never becomes page text.
        if (stack.length >= maxDepth && !RAW_TEXT.has(name)) {
          dropped.set(name, (dropped.get(name) ?? 0) + 1);
          unwrapped++;
          cut(lt, i);
        } else {
          stack.push(name);
          if (stack.length > depth) depth = stack.length;
        }
      }
      if (RAW_TEXT.has(name)) {
        // Markup inside <script> and friends is text: skip to the end tag, which the next round reads.
        const close = (rawTextEnds[name] ??= new RegExp(`</${name}`, "gi"));
        close.lastIndex = i;
        const m = close.exec(html);
        i = m ? m.index : html.length;
      }
    } else i = lt + 1;
  }
  if (unwrapped === 0 && strippedAttributes === 0) return { html, unwrapped, elements, depth, textDepth, strippedAttributes };
  kept.push(html.slice(keptFrom));
  return { html: kept.join(""), unwrapped, elements, depth, textDepth, strippedAttributes };
}
