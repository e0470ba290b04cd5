/**
 * The public base URL of the published flag pages (ClaimReview `url`): an
 * absolute http(s) address that readers elsewhere can open. A loopback or
 * unspecified host ("localhost", 127.0.0.1, [::1], 0.0.0.0) or any other
 * non-public IP literal would publish links that lead nowhere, so it is
 * refused rather than written into a review.
 */
import { classifyAddress, describeAddressKind, hostOfUrl } from "../ingest/address";

/**
 * Checks `value` (named `setting` in the message, e.g. "PARALLAX_PUBLIC_URL")
 * and returns it as a URL. Throws one message naming the setting and the
 * problem: not absolute, not http(s), or a host that is not public.
 */
export function parsePublicBaseUrl(value: string, setting: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${setting} "${value}" is not an absolute URL (expected e.g. https://desk.example.org)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${setting} "${value}" must use http or https`);
  const host = hostOfUrl(url).toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) throw new Error(`${setting} "${value}" names localhost: give the address readers use to reach the desk`);
  const ip = classifyAddress(host);
  if (ip && ip.kind !== "public") throw new Error(`${setting} "${value}": ${ip.address} is ${describeAddressKind(ip.kind)}, not one readers can reach`);
  return url;
}
