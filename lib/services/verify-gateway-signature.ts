/**
 * Verifies that a request really came from the Cordon gateway. Written for
 * upstream services: it depends on nothing but `node:crypto`, so copy this
 * file into a Node service as is (or import it).
 *
 * The gateway signs every forwarded request:
 *
 *   X-Gateway-Timestamp: <unix seconds>
 *   X-Gateway-Signature: <hex>[,<hex>]
 *
 * where each hex is HMAC-SHA256(secret, `${timestamp}|${path}|${body}`):
 * `path` is the request target exactly as the upstream receives it (path and
 * query string, i.e. Node's `req.url`), and `body` the raw request bytes
 * (empty when there is none). While a secret is being rotated the gateway
 * sends two signatures, the new secret's first; configure both secrets here
 * during the overlap, then only the new one.
 *
 * Usage (node:http; read the raw body before parsing it):
 *
 *   import { verifyGatewaySignature } from "./verify-gateway-signature";
 *
 *   const result = verifyGatewaySignature({
 *     secret: [process.env.GATEWAY_SECRET!, process.env.GATEWAY_SECRET_OLD].filter(Boolean) as string[],
 *     timestamp: req.headers["x-gateway-timestamp"],
 *     signature: req.headers["x-gateway-signature"],
 *     path: req.url!,
 *     body: rawBody, // Buffer or string
 *   });
 *   if (!result.ok) return res.writeHead(401).end(result.reason);
 *   // X-User-Id, X-Org-Id, X-User-Roles, X-User-Permissions can now be trusted.
 *
 * It rejects a timestamp more than 300 s from the local clock, a signature
 * that matches none of the secrets (compared in constant time), and a request
 * seen before within that window (an in-memory replay cache; one per process,
 * so several instances of an upstream each keep their own).
 *
 * The signed string has no nonce: two byte-identical requests (same path,
 * query and body) in the same second carry the same signature, and the second
 * is refused as a replay. Callers that legitimately repeat themselves that fast
 * should vary the query, or the upstream passes `replayCache: null`.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const GATEWAY_TIMESTAMP_HEADER = "x-gateway-timestamp";
export const GATEWAY_SIGNATURE_HEADER = "x-gateway-signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** At most this many signatures in one header: the gateway sends one or two. */
const MAX_SIGNATURES = 8;
const HEX_SIGNATURE = /^[0-9a-f]{64}$/;
const TIMESTAMP = /^[0-9]{1,12}$/;

type HeaderValue = string | string[] | null | undefined;

export type GatewaySignatureInput = {
  /** The shared secret, or every secret accepted right now (during a rotation: new and old). */
  secret: string | string[];
  /** The X-Gateway-Timestamp header value. */
  timestamp: HeaderValue;
  /** The X-Gateway-Signature header value. */
  signature: HeaderValue;
  /** The request target as received: path plus query string (`req.url` in node:http). */
  path: string;
  /** The raw request body; null or undefined for none. */
  body?: string | Uint8Array | null;
  /** The current time in milliseconds (Date.now()); for tests. */
  now?: number;
  toleranceSeconds?: number;
  /** Where seen requests are remembered; defaults to one cache per process, `null` turns replay protection off. */
  replayCache?: GatewayReplayCache | null;
};

export type GatewaySignatureFailure = "missing_headers" | "malformed_headers" | "stale_timestamp" | "bad_signature" | "replayed";

export type GatewaySignatureResult = { ok: true } | { ok: false; reason: GatewaySignatureFailure };

/** Remembers requests until they expire; `remember` says whether the key was already there (a replay). */
export interface GatewayReplayCache {
  remember(key: string, expiresAt: number, now: number): boolean;
}

/** An in-memory replay cache; the oldest entries go first once it holds `maxEntries`. */
export class MemoryReplayCache implements GatewayReplayCache {
  private readonly entries = new Map<string, number>();

  constructor(private readonly maxEntries = 100_000) {}

  remember(key: string, expiresAt: number, now: number): boolean {
    const existing = this.entries.get(key);
    if (existing !== undefined && existing > now) return true;
    this.entries.delete(key);
    this.prune(now);
    this.entries.set(key, expiresAt);
    return false;
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    // Map keeps insertion order, so the oldest entries come first.
    for (const [key, expiresAt] of this.entries) {
      if (expiresAt > now && this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}

const processReplayCache = new MemoryReplayCache();

function bodyBytes(body: string | Uint8Array | null | undefined): Uint8Array {
  if (body == null) return new Uint8Array(0);
  return typeof body === "string" ? Buffer.from(body, "utf8") : body;
}

/** HMAC-SHA256(secret, `timestamp|path|body`) as lowercase hex: the one definition the gateway signs with too. */
export function computeGatewaySignature(secret: string, timestamp: string | number, path: string, body?: string | Uint8Array | null): string {
  return createHmac("sha256", secret).update(`${timestamp}|${path}|`, "utf8").update(bodyBytes(body)).digest("hex");
}

function single(value: HeaderValue): string | null {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : null;
  return value ?? null;
}

export function verifyGatewaySignature(input: GatewaySignatureInput): GatewaySignatureResult {
  const timestamp = single(input.timestamp)?.trim();
  const header = single(input.signature);
  if (!timestamp || !header) return { ok: false, reason: "missing_headers" };

  const signatures = header.split(",").map((part) => part.trim().toLowerCase());
  if (!TIMESTAMP.test(timestamp) || signatures.length > MAX_SIGNATURES || !signatures.every((s) => HEX_SIGNATURE.test(s))) {
    return { ok: false, reason: "malformed_headers" };
  }

  const now = input.now ?? Date.now();
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const seconds = Number(timestamp);
  if (Math.abs(now / 1000 - seconds) > tolerance) return { ok: false, reason: "stale_timestamp" };

  const secrets = (Array.isArray(input.secret) ? input.secret : [input.secret]).filter((secret) => secret.length > 0);
  const body = bodyBytes(input.body);
  const matches = secrets.some((secret) => {
    const expected = Buffer.from(computeGatewaySignature(secret, timestamp, input.path, body), "hex");
    return signatures.some((signature) => timingSafeEqual(expected, Buffer.from(signature, "hex")));
  });
  if (!matches) return { ok: false, reason: "bad_signature" };

  // Keyed on the signed message, not on a signature: a replay that drops one of two signatures is still the same request.
  const cache = input.replayCache === undefined ? processReplayCache : input.replayCache;
  if (cache) {
    const key = createHash("sha256").update(`${timestamp}|${input.path}|`, "utf8").update(body).digest("hex");
    if (cache.remember(key, (seconds + tolerance) * 1000, now)) return { ok: false, reason: "replayed" };
  }
  return { ok: true };
}
