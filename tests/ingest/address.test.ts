import { describe, expect, it } from "vitest";
import { classifyAddress, describeAddressKind, hostOfUrl, parseIpv4, parseIpv6, type AddressKind } from "@/lib/ingest/address";

/** [as written, normalised address, kind]: every spelling a hostile link may use for a non-public address. */
const REFUSED: [string, string, AddressKind][] = [
  // IPv4 loopback in every URL spelling
  ["127.0.0.1", "127.0.0.1", "loopback"],
  ["127.255.255.254", "127.255.255.254", "loopback"],
  ["2130706433", "127.0.0.1", "loopback"], // one decimal number
  ["0x7f000001", "127.0.0.1", "loopback"], // one hex number
  ["017700000001", "127.0.0.1", "loopback"], // one octal number
  ["0x7f.0.0.1", "127.0.0.1", "loopback"], // hex part
  ["0X7F.0.0.1", "127.0.0.1", "loopback"],
  ["0177.0.0.1", "127.0.0.1", "loopback"], // octal part
  ["0177.0000.0000.0001", "127.0.0.1", "loopback"],
  ["127.1", "127.0.0.1", "loopback"], // short form: the last part fills three bytes
  ["127.0.1", "127.0.0.1", "loopback"],
  ["127.0.0.1.", "127.0.0.1", "loopback"], // trailing dot
  // IPv4 private, link-local, unspecified, shared, multicast, broadcast, reserved
  ["10.0.0.1", "10.0.0.1", "private"],
  ["10.255.255.255", "10.255.255.255", "private"],
  ["172.16.0.1", "172.16.0.1", "private"],
  ["172.31.255.255", "172.31.255.255", "private"],
  ["192.168.1.1", "192.168.1.1", "private"],
  ["0xc0.0xa8.1.1", "192.168.1.1", "private"],
  ["169.254.169.254", "169.254.169.254", "link-local"], // cloud metadata service
  ["0.0.0.0", "0.0.0.0", "unspecified"],
  ["0", "0.0.0.0", "unspecified"],
  ["0.1.2.3", "0.1.2.3", "reserved"], // "this network" 0/8
  ["100.64.0.1", "100.64.0.1", "shared"],
  ["100.127.255.255", "100.127.255.255", "shared"],
  ["224.0.0.1", "224.0.0.1", "multicast"],
  ["239.255.255.250", "239.255.255.250", "multicast"],
  ["255.255.255.255", "255.255.255.255", "broadcast"],
  ["240.0.0.1", "240.0.0.1", "reserved"],
  ["192.0.2.10", "192.0.2.10", "reserved"],
  ["198.18.0.1", "198.18.0.1", "reserved"],
  // IPv6
  ["::1", "::1", "loopback"],
  ["[::1]", "::1", "loopback"],
  ["0:0:0:0:0:0:0:1", "::1", "loopback"],
  ["::", "::", "unspecified"],
  ["[::]", "::", "unspecified"],
  ["::ffff:127.0.0.1", "::ffff:7f00:1", "loopback"], // IPv4-mapped, dotted
  ["[::ffff:7f00:1]", "::ffff:7f00:1", "loopback"], // IPv4-mapped, as the URL parser writes it
  ["::ffff:10.1.2.3", "::ffff:a01:203", "private"],
  ["::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "link-local"],
  ["::ffff:0:127.0.0.1", "::ffff:0:7f00:1", "loopback"], // IPv4-translated
  ["::127.0.0.1", "::7f00:1", "loopback"], // IPv4-compatible (deprecated)
  ["::8.8.8.8", "::808:808", "reserved"],
  ["64:ff9b::127.0.0.1", "64:ff9b::7f00:1", "loopback"], // NAT64
  ["2002:7f00:1::", "2002:7f00:1::", "loopback"], // 6to4 of 127.0.0.1
  ["fe80::1", "fe80::1", "link-local"],
  ["fe80::1%eth0", "fe80::1", "link-local"], // zone id
  ["febf:ffff::1", "febf:ffff::1", "link-local"], // top of fe80::/10
  ["fc00::1", "fc00::1", "private"], // unique local fc00::/7
  ["fd12:3456:789a::1", "fd12:3456:789a::1", "private"],
  ["fec0::1", "fec0::1", "private"], // site-local (deprecated)
  ["ff02::1", "ff02::1", "multicast"],
  ["2001:db8::1", "2001:db8::1", "reserved"],
  ["100::1", "100::1", "reserved"],
  ["4000::1", "4000::1", "reserved"], // outside global unicast 2000::/3
];

const PUBLIC: [string, string][] = [
  ["93.184.216.34", "93.184.216.34"],
  ["8.8.8.8", "8.8.8.8"],
  ["172.15.255.255", "172.15.255.255"], // just below 172.16/12
  ["172.32.0.0", "172.32.0.0"], // just above
  ["100.63.255.255", "100.63.255.255"], // just below 100.64/10
  ["100.128.0.0", "100.128.0.0"],
  ["11.0.0.1", "11.0.0.1"],
  ["1.1", "1.0.0.1"],
  ["2606:4700:4700::1111", "2606:4700:4700::1111"],
  ["::ffff:8.8.8.8", "::ffff:808:808"],
  ["2002:808:808::1", "2002:808:808::1"],
];

describe("classifyAddress", () => {
  it.each(REFUSED)("%s is %s, %s", (text, address, kind) => {
    expect(classifyAddress(text)).toMatchObject({ address, kind });
  });

  it.each(PUBLIC)("%s is public (%s)", (text, address) => {
    expect(classifyAddress(text)).toMatchObject({ address, kind: "public" });
  });

  it("returns null for host names and malformed addresses", () => {
    for (const t of ["example.com", "localhost", "127.0.0.1.example", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "08.1.1.1", "0x.0x.0x.0xg", "::1::2", "1:2:3:4:5:6:7:8:9", "::ffff:1.2.3", "", "  "]) {
      expect(classifyAddress(t), t).toBeNull();
    }
  });

  it("judges each spelling the URL parser accepts by the address it connects to", () => {
    // The WHATWG URL parser normalises numeric hosts; the classification must agree with it.
    const spellings = ["http://2130706433/", "http://0x7f.0.0.1/", "http://0177.0.0.1/", "http://127.1/", "http://[::1]/", "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[fe80::1]/", "http://[fd00::1]/"];
    const kinds = spellings.map((u) => classifyAddress(hostOfUrl(new URL(u)))?.kind);
    expect(kinds).toEqual(["loopback", "loopback", "loopback", "loopback", "loopback", "unspecified", "loopback", "link-local", "private"]);
    expect(classifyAddress(hostOfUrl(new URL("http://news.example/")))).toBeNull();
  });
});

describe("parseIpv4 and parseIpv6", () => {
  it("parse the parts and reject out-of-range values", () => {
    expect(parseIpv4("1.2.3.4")).toBe(0x01020304);
    expect(parseIpv4("1.16909060")).toBeNull(); // 16909060 > 0xffffff does not fit three bytes
    expect(parseIpv4("1.65536")).toBe(0x01010000);
    expect(parseIpv4("4294967295")).toBe(0xffffffff);
    expect(parseIpv4("4294967296")).toBeNull();
    expect(parseIpv6("1::")).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6("1:2:3:4:5:6:7::")).toEqual([1, 2, 3, 4, 5, 6, 7, 0]);
    expect(parseIpv6("1:2:3:4:5:6:7:8::")).toBeNull();
  });
});

describe("describeAddressKind", () => {
  it("names every kind for the refusal line", () => {
    expect(describeAddressKind("loopback")).toBe("a loopback address");
    expect(describeAddressKind("link-local")).toBe("a link-local address");
    expect(describeAddressKind("unspecified")).toBe("an unspecified address");
  });
});
