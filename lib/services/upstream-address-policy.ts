import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";

/**
 * Which addresses the gateway may forward to. Cloud metadata endpoints,
 * link-local, multicast and unspecified addresses are never allowed (they are
 * how a forwarding proxy gets turned against its own host); private ranges and
 * loopback only when GATEWAY_ALLOW_PRIVATE_UPSTREAMS=true (local development).
 * Addresses that embed an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged
 * by the IPv4 address inside.
 */

export type AddressClass = { kind: "public" } | { kind: "private" | "forbidden"; reason: string };

type Range = { bytes: number[]; prefix: number; reason: string };

function v4(cidr: string, reason: string): Range {
  const [address, prefix] = cidr.split("/");
  return { bytes: ipv4Bytes(address)!, prefix: Number(prefix), reason };
}

function v6(cidr: string, reason: string): Range {
  const [address, prefix] = cidr.split("/");
  return { bytes: ipv6Bytes(address)!, prefix: Number(prefix), reason };
}

const FORBIDDEN_V4 = [
  v4("0.0.0.0/8", "an unspecified address"),
  v4("169.254.0.0/16", "a link-local address (cloud metadata)"),
  v4("100.100.100.200/32", "a cloud metadata address"),
  v4("224.0.0.0/4", "a multicast address"),
  v4("240.0.0.0/4", "a reserved address"),
];
const PRIVATE_V4 = [
  v4("127.0.0.0/8", "a loopback address"),
  v4("10.0.0.0/8", "a private address"),
  v4("172.16.0.0/12", "a private address"),
  v4("192.168.0.0/16", "a private address"),
  v4("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
  v4("192.0.0.0/24", "an IETF protocol address"),
  v4("198.18.0.0/15", "a benchmarking address"),
];
const FORBIDDEN_V6 = [
  v6("::/128", "an unspecified address"),
  v6("fe80::/10", "a link-local address"),
  v6("fd00:ec2::254/128", "a cloud metadata address"),
  v6("ff00::/8", "a multicast address"),
];
const PRIVATE_V6 = [v6("::1/128", "a loopback address"), v6("fc00::/7", "a private (unique local) address"), v6("fec0::/10", "a site-local address")];
/** IPv6 ranges whose last or inner 32 bits are an IPv4 address, and where it sits. */
const EMBEDS_V4 = [
  { range: v6("::ffff:0:0/96", ""), offset: 12 },
  { range: v6("64:ff9b::/96", ""), offset: 12 },
  { range: v6("2002::/16", ""), offset: 2 },
];
const IPV4_COMPATIBLE = v6("::/96", "a deprecated IPv4-compatible address");

/** Host names that reach metadata services however they resolve. */
const FORBIDDEN_NAMES = new Set(["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"]);

function ipv4Bytes(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^[0-9]{1,3}$/.test(part) && Number(part) <= 255)) return null;
  return parts.map(Number);
}

/** The 16 bytes of an IPv6 address (`::`, embedded dotted quads and zone ids allowed). */
function ipv6Bytes(text: string): number[] | null {
  let address = text.split("%")[0].toLowerCase();
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const quad = ipv4Bytes(dotted[2]);
    if (!quad) return null;
    address = `${dotted[1]}${((quad[0] << 8) | quad[1]).toString(16)}:${((quad[2] << 8) | quad[3]).toString(16)}`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string) => (half ? half.split(":") : []);
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return all.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

function inRange(bytes: number[], range: Range): boolean {
  if (bytes.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const bits = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if ((bytes[bit / 8] & mask) !== (range.bytes[bit / 8] & mask)) return false;
  }
  return true;
}

function classifyBytes(bytes: number[]): AddressClass {
  if (bytes.length === 16) {
    for (const { range, offset } of EMBEDS_V4) if (inRange(bytes, range)) return classifyBytes(bytes.slice(offset, offset + 4));
  }
  const [forbidden, privateRanges] = bytes.length === 4 ? [FORBIDDEN_V4, PRIVATE_V4] : [FORBIDDEN_V6, PRIVATE_V6];
  const hit = (ranges: Range[]) => ranges.find((range) => inRange(bytes, range));
  const deny = hit(forbidden);
  if (deny) return { kind: "forbidden", reason: deny.reason };
  const internal = hit(privateRanges);
  if (internal) return { kind: "private", reason: internal.reason };
  if (bytes.length === 16 && inRange(bytes, IPV4_COMPATIBLE)) return { kind: "forbidden", reason: IPV4_COMPATIBLE.reason };
  return { kind: "public" };
}

/** How an IP address (v4 or v6, as written by DNS or in a URL without brackets) is treated. */
export function classifyAddress(ip: string): AddressClass {
  const version = isIP(ip.split("%")[0]);
  const bytes = version === 4 ? ipv4Bytes(ip) : version === 6 ? ipv6Bytes(ip) : null;
  if (!bytes) return { kind: "forbidden", reason: "not an IP address" };
  return classifyBytes(bytes);
}

/** Why an address may not be used (a sentence fragment), or null when it may. */
export function addressRefusal(ip: string, allowPrivate: boolean): string | null {
  const verdict = classifyAddress(ip);
  if (verdict.kind === "public" || (verdict.kind === "private" && allowPrivate)) return null;
  return verdict.reason;
}

/** A URL's host without IPv6 brackets or a trailing dot, lowercased. */
export function normalizeHost(hostname: string): string {
  return hostname
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "")
    .toLowerCase();
}

/**
 * What can be said about a host without resolving it: a literal IP is judged
 * as an address; metadata names are always refused and `localhost` is
 * loopback. Null when nothing is wrong (yet: names are judged again by the
 * addresses they resolve to, on every request).
 */
export function hostRefusal(hostname: string, allowPrivate: boolean): string | null {
  const host = normalizeHost(hostname);
  if (isIP(host)) return addressRefusal(host, allowPrivate);
  if (FORBIDDEN_NAMES.has(host)) return "a cloud metadata host";
  if ((host === "localhost" || host.endsWith(".localhost")) && !allowPrivate) return "a loopback address";
  return null;
}

/** A refused host. The message names the kind of address, never a resolved one (that stays in `address`, for logs). */
export class UpstreamAddressError extends Error {
  constructor(
    readonly host: string,
    readonly reason: string,
    readonly address?: string,
  ) {
    super(`${host} ${address ? "resolves to" : "is"} ${reason}, which upstream services may not use.`);
    this.name = "UpstreamAddressError";
  }
}

export type ResolvedAddress = { address: string; family: number };
export type HostLookup = (hostname: string, options: { all: true; verbatim: true }) => Promise<ResolvedAddress[]>;

/**
 * Resolves a host and checks every address it resolves to: if any is refused,
 * so is the host (a name that resolves to one public and one internal address
 * must not get lucky). The caller connects only to the addresses returned, so
 * a DNS answer that changes between check and connect (rebinding) cannot slip
 * an internal address in. DNS failures propagate as they are.
 */
export async function resolveUpstreamAddresses(hostname: string, options: { allowPrivate: boolean; lookup?: HostLookup }): Promise<ResolvedAddress[]> {
  const host = normalizeHost(hostname);
  const early = hostRefusal(host, options.allowPrivate);
  if (early) throw new UpstreamAddressError(host, early);
  const version = isIP(host);
  if (version) return [{ address: host, family: version }];
  const addresses = await (options.lookup ?? (dnsLookup as HostLookup))(host, { all: true, verbatim: true });
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, options.allowPrivate);
    if (refusal) throw new UpstreamAddressError(host, refusal, address);
  }
  return addresses;
}
