/**
 * Classifies IP addresses for the ingest fetcher's guard against requests to
 * the machine itself or its private network (SSRF). Pure: text in, a verdict
 * out; resolving host names and refusing connections is db/sources.ts's job.
 *
 * Addresses are parsed the way a URL host is (WHATWG URL rules), so the numeric
 * spellings a hostile link can use (`2130706433`, `0x7f.0.0.1`, `0177.0.0.1`,
 * `127.1`) are recognised as what they connect to, not as host names.
 */

/** What an address is; every kind but `public` is refused unless private addresses are allowed. */
export type AddressKind =
  | "public"
  | "loopback"
  | "private"
  | "link-local"
  | "unspecified"
  | "shared"
  | "multicast"
  | "broadcast"
  | "reserved";

export interface ClassifiedAddress {
  /** The address in its usual spelling (dotted IPv4; compressed IPv6 without brackets or zone). */
  address: string;
  family: 4 | 6;
  kind: AddressKind;
}

/** How each kind is named in a refusal ("127.0.0.1 is a loopback address"). */
const KIND_PHRASES: Readonly<Record<AddressKind, string>> = {
  public: "a public address",
  loopback: "a loopback address",
  private: "a private network address",
  "link-local": "a link-local address",
  unspecified: "an unspecified address",
  shared: "a shared (carrier-grade NAT) address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  reserved: "a reserved address",
};

/** "a loopback address" style phrase for a kind. */
export function describeAddressKind(kind: AddressKind): string {
  return KIND_PHRASES[kind];
}

/** One IPv4 part in decimal, 0x hex or leading-0 octal, as URL hosts allow; null when it is not a number. */
function parseIpv4Part(part: string): number | null {
  if (part === "") return null;
  if (/^0[xX][0-9a-fA-F]*$/.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return parseInt(part.slice(1), 8);
  if (/^(0|[1-9][0-9]*)$/.test(part)) return Number(part);
  return null;
}

/**
 * The 32-bit value of an IPv4 address written in any form a URL host accepts
 * (1 to 4 parts, the last filling the remaining bytes; decimal, hex or octal
 * parts), or null when the text is not one.
 */
export function parseIpv4(text: string): number | null {
  const parts = text.endsWith(".") ? text.slice(0, -1).split(".") : text.split(".");
  if (parts.length === 0 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    const n = parseIpv4Part(p);
    if (n === null || !Number.isFinite(n)) return null;
    nums.push(n);
  }
  const last = nums[nums.length - 1];
  if (nums.slice(0, -1).some((n) => n > 255)) return null;
  if (last >= 256 ** (5 - nums.length)) return null;
  let value = last;
  nums.slice(0, -1).forEach((n, i) => (value += n * 256 ** (3 - i)));
  return value;
}

/** The eight 16-bit groups of an IPv6 address (brackets and a zone id allowed), or null. */
export function parseIpv6(text: string): number[] | null {
  let s = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(":") || !/^[0-9a-fA-F:.]+$/.test(s)) return null;
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === "") return [];
    const out: number[] = [];
    const pieces = half.split(":");
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      if (i === pieces.length - 1 && p.includes(".")) {
        // An embedded dotted IPv4 tail (::ffff:127.0.0.1) is strictly four decimal parts.
        if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(p)) return null;
        const bytes = p.split(".").map(Number);
        if (bytes.some((b) => b > 255)) return null;
        out.push(bytes[0] * 256 + bytes[1], bytes[2] * 256 + bytes[3]);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
        out.push(parseInt(p, 16));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}

function formatIpv4(v: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(v / 2 ** shift) % 256).join(".");
}

/** Compressed IPv6 spelling (RFC 5952: the longest run of two or more zero groups becomes ::). */
function formatIpv6(groups: number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}

/** IPv4 blocks that are not the public internet: [first address, prefix length, kind]. */
const IPV4_BLOCKS: readonly (readonly [string, number, AddressKind])[] = [
  ["0.0.0.0", 32, "unspecified"],
  ["0.0.0.0", 8, "reserved"], // "this network"
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "shared"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"], // IETF protocol assignments
  ["192.0.2.0", 24, "reserved"], // documentation
  ["192.88.99.0", 24, "reserved"], // retired 6to4 relay anycast
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "reserved"], // benchmarking
  ["198.51.100.0", 24, "reserved"], // documentation
  ["203.0.113.0", 24, "reserved"], // documentation
  ["224.0.0.0", 4, "multicast"],
  ["255.255.255.255", 32, "broadcast"],
  ["240.0.0.0", 4, "reserved"],
];

function classifyIpv4Value(v: number): AddressKind {
  for (const [first, prefix, kind] of IPV4_BLOCKS) {
    const size = 2 ** (32 - prefix);
    const start = parseIpv4(first)!;
    if (v >= start && v < start + size) return kind;
  }
  return "public";
}

/** Value of the IPv4 address held in two IPv6 groups. */
const v4From = (hi: number, lo: number) => hi * 65536 + lo;

function classifyIpv6Groups(g: number[]): { kind: AddressKind; embedded?: number } {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return { kind: "unspecified" };
  if (zeroUpTo(7) && g[7] === 1) return { kind: "loopback" };
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-translated (::ffff:0:a.b.c.d) connect to the IPv4 address.
  if (zeroUpTo(5) && g[5] === 0xffff) return { kind: classifyIpv4Value(v4From(g[6], g[7])), embedded: v4From(g[6], g[7]) };
  if (zeroUpTo(4) && g[4] === 0xffff && g[5] === 0) return { kind: classifyIpv4Value(v4From(g[6], g[7])), embedded: v4From(g[6], g[7]) };
  // Deprecated IPv4-compatible (::a.b.c.d): judged by the IPv4 address, never public on its own.
  if (zeroUpTo(6)) {
    const kind = classifyIpv4Value(v4From(g[6], g[7]));
    return { kind: kind === "public" ? "reserved" : kind, embedded: v4From(g[6], g[7]) };
  }
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address they carry.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return { kind: classifyIpv4Value(v4From(g[6], g[7])), embedded: v4From(g[6], g[7]) };
  if (g[0] === 0x2002) return { kind: classifyIpv4Value(v4From(g[1], g[2])), embedded: v4From(g[1], g[2]) };
  if ((g[0] & 0xffc0) === 0xfe80) return { kind: "link-local" };
  if ((g[0] & 0xffc0) === 0xfec0) return { kind: "private" }; // deprecated site-local
  if ((g[0] & 0xfe00) === 0xfc00) return { kind: "private" }; // unique local fc00::/7
  if ((g[0] & 0xff00) === 0xff00) return { kind: "multicast" };
  if (g[0] === 0x2001 && g[1] === 0x0db8) return { kind: "reserved" }; // documentation
  if (g[0] === 0x0100 && zeroUpTo(4)) return { kind: "reserved" }; // discard-only 100::/64
  // Outside global unicast 2000::/3 nothing is assigned for the public internet.
  if ((g[0] & 0xe000) !== 0x2000) return { kind: "reserved" };
  return { kind: "public" };
}

/**
 * Classifies an IP address written as a URL host or as a resolver returns it:
 * dotted or numeric IPv4 in any URL spelling, IPv6 with or without brackets
 * (IPv4-mapped, NAT64 and 6to4 addresses are judged by the IPv4 address they
 * reach). Returns null when the text is not an IP address (a host name).
 */
export function classifyAddress(text: string): ClassifiedAddress | null {
  const t = text.trim();
  if (t === "") return null;
  const v6 = parseIpv6(t);
  if (v6) {
    const { kind } = classifyIpv6Groups(v6);
    return { address: formatIpv6(v6), family: 6, kind };
  }
  // A name whose last label is not numeric is a host name, even if earlier labels look like numbers.
  const v4 = parseIpv4(t);
  if (v4 === null) return null;
  return { address: formatIpv4(v4), family: 4, kind: classifyIpv4Value(v4) };
}

/** The host of a URL as an address or name: brackets of an IPv6 literal removed. */
export function hostOfUrl(url: URL): string {
  const h = url.hostname;
  return h.startsWith("[") && h.endsWith("]") ? h.slice(1, -1) : h;
}
