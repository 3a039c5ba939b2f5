import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { loadConfig } from "@/lib/config/config";
import type { Db } from "@/lib/db/client";
import { problem } from "@/lib/http/problem";
import { SERVICE_NAME_PATTERN } from "./register-service";
import { openServiceSecret } from "./service-secret";
import { previousSecretActive } from "./service-view";
import { signGatewayRequest } from "./sign-gateway-request";
import { normalizeHost, resolveUpstreamAddresses, UpstreamAddressError, type ResolvedAddress } from "./upstream-address-policy";

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;

export type ForwardIdentity = { userId: string | null; orgId: string; roles: string[]; permissions: string[]; requestId: string };

export type ForwardInput = {
  orgId: string;
  serviceName: string;
  method: string;
  /** The part of the gateway path after the service name, starting with `/` (percent-encoded as received). */
  path: string;
  /** The query string, `?…` or empty. */
  search: string;
  headers: Headers;
  body: Uint8Array | null;
  identity: ForwardIdentity;
  /** Until the upstream's response headers arrive (DNS and connect included); after that, the longest pause in its body. */
  timeoutMs?: number;
};

const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];
const GATEWAY_HEADERS = ["x-gateway-timestamp", "x-gateway-signature", "x-user-id", "x-org-id", "x-user-roles", "x-user-permissions", "x-request-id"];
/** Never forwarded: the caller's credentials, anything claiming to be from the gateway, and what the connection itself decides. */
const NOT_FORWARDED = new Set([...HOP_BY_HOP, ...GATEWAY_HEADERS, "host", "cookie", "authorization", "content-length", "expect"]);
/** Never passed back: cookies an upstream sets would land on Cordon's own origin, next to the console session. */
const NOT_RETURNED = new Set([...HOP_BY_HOP, "content-length", "set-cookie", "x-request-id"]);

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const BODYLESS_METHODS = new Set(["GET", "HEAD", "DELETE", "OPTIONS"]);
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
/** Visible ASCII only: the path and query arrive percent-encoded. */
const REQUEST_TARGET = /^[\x21-\x7e]*$/;

// Own agents (keep-alive), so sockets to upstreams are only ever opened by the pinned lookup below.
const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/** Connects only to addresses that were checked, so DNS answering differently at connect time (rebinding) changes nothing. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) return callback(null, addresses);
    const match = addresses.find((candidate) => !options.family || candidate.family === options.family) ?? addresses[0];
    callback(null, match.address, match.family);
  };
}

/** Dot segments (also percent-encoded, or hidden behind an encoded slash) would let a path climb out of the service's base path. */
function climbsOut(path: string): boolean {
  return path.split("/").some((segment) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return true;
    }
    return decoded.split(/[\\/]/).some((part) => part === "." || part === "..");
  });
}

/** Roles and permissions as a comma-separated list; commas, `%`, spaces and non-ASCII inside an item are percent-encoded. */
function headerList(items: string[]): string {
  return items.map((item) => item.replace(/[^\x21-\x7e]|[,%]/gu, (character) => encodeURIComponent(character))).join(",");
}

function listedInConnection(value: string | null | undefined): Set<string> {
  return new Set((value ?? "").split(",").map((token) => token.trim().toLowerCase()));
}

function outgoingHeaders(input: ForwardInput, signature: Record<string, string>, bodyLength: number): Record<string, string> {
  const listed = listedInConnection(input.headers.get("connection"));
  const headers: Record<string, string> = {};
  input.headers.forEach((value, name) => {
    if (!NOT_FORWARDED.has(name) && !listed.has(name)) headers[name] = value;
  });
  const { identity } = input;
  if (identity.userId) headers["X-User-Id"] = identity.userId;
  headers["X-Org-Id"] = identity.orgId;
  headers["X-User-Roles"] = headerList(identity.roles);
  headers["X-User-Permissions"] = headerList(identity.permissions);
  headers["X-Request-ID"] = identity.requestId;
  if (bodyLength > 0 || !BODYLESS_METHODS.has(input.method)) headers["Content-Length"] = String(bodyLength);
  return { ...headers, ...signature };
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function sendUpstream(url: URL, options: http.RequestOptions, body: Uint8Array | null): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(options, resolve);
    request.on("error", reject);
    request.end(body && body.length ? body : undefined);
  });
}

function toResponse(upstream: http.IncomingMessage, method: string, requestId: string, idleMs: number): Response {
  const status = upstream.statusCode ?? 0;
  if (status < 200 || status > 599) {
    upstream.destroy();
    return problem(502, "Bad Gateway", "The service sent an invalid response.", requestId);
  }
  const listed = listedInConnection(upstream.headers.connection);
  const headers = new Headers();
  for (let i = 0; i < upstream.rawHeaders.length; i += 2) {
    const name = upstream.rawHeaders[i].toLowerCase();
    if (NOT_RETURNED.has(name) || listed.has(name)) continue;
    try {
      headers.append(name, upstream.rawHeaders[i + 1]);
    } catch {
      // A value the Fetch API cannot carry: dropped rather than failing the whole response.
    }
  }
  headers.set("X-Request-ID", requestId);
  if (method === "HEAD" || NULL_BODY_STATUSES.has(status)) {
    upstream.resume();
    return new Response(null, { status, headers });
  }
  // A body that stalls longer than the timeout is cut off (the client sees an aborted response).
  upstream.setTimeout(idleMs, () => upstream.destroy(new Error("upstream body stalled")));
  return new Response(Readable.toWeb(upstream) as ReadableStream<Uint8Array>, { status, headers });
}

/**
 * Forwards one gateway request to an org's upstream service and returns the
 * upstream's response (status, safe headers, streamed body) or a problem+json
 * Response: 404 unknown service, 400 a path that climbs out of the base path,
 * 405 an unsupported method, 403 a forbidden address, 502 unreachable or
 * invalid, 504 too slow. The caller has already authenticated the request and
 * checked `services:invoke`.
 *
 * The request is signed (see verify-gateway-signature.ts) over the request
 * target the upstream receives: the base URL's path + `path` + `search`.
 * Every address the host resolves to is checked against the address policy
 * on each request, and the connection is pinned to those addresses.
 */
export async function forwardToService(db: Db, input: ForwardInput): Promise<Response> {
  const { requestId } = input.identity;
  const method = input.method.toUpperCase();
  const timeoutMs = input.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const search = input.search === "?" ? "" : input.search;

  if (!METHODS.has(method)) return problem(405, "Method Not Allowed", `${input.method} cannot be forwarded to a service.`, requestId);
  if (!input.path.startsWith("/") || !REQUEST_TARGET.test(input.path + search) || (search && !search.startsWith("?")) || search.includes("#")) {
    return problem(400, "Bad Request", "The path or query string cannot be forwarded.", requestId);
  }
  if (climbsOut(input.path)) return problem(400, "Bad Request", "Paths with . or .. segments cannot be forwarded.", requestId);

  const service = SERVICE_NAME_PATTERN.test(input.serviceName)
    ? await db.service.findUnique({ where: { orgId_name: { orgId: input.orgId, name: input.serviceName } } })
    : null;
  if (!service) return problem(404, "Not Found", "No service with that name is registered in this organisation.", requestId);

  const url = new URL(service.baseUrl);
  const target = `${url.pathname.replace(/\/$/, "")}${input.path}${search}`;
  const body = input.body && input.body.length ? input.body : null;

  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error("upstream timeout")), timeoutMs);
  const failure = (error: unknown): Response => {
    if (error instanceof UpstreamAddressError) {
      console.warn(`[gateway] ${requestId} service ${service.name} refused: ${error.message}${error.address ? ` (${error.address})` : ""}`);
      return problem(403, "Forbidden", error.message, requestId);
    }
    if (deadline.signal.aborted) return problem(504, "Gateway Timeout", `The service did not answer within ${timeoutMs} ms.`, requestId);
    // The cause stays in the server log: it can name internal addresses the caller has no business seeing.
    console.warn(`[gateway] ${requestId} service ${service.name} unreachable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return problem(502, "Bad Gateway", "The service could not be reached.", requestId);
  };
  try {
    let addresses: ResolvedAddress[];
    try {
      addresses = await untilAborted(resolveUpstreamAddresses(url.hostname, { allowPrivate: loadConfig().allowPrivateUpstreams }), deadline.signal);
    } catch (error) {
      return failure(error);
    }
    // Signed just before sending, so the timestamp is as fresh as it can be; a secret that cannot be opened is our fault (500).
    const secrets = [service.secretSealed, ...(previousSecretActive(service) ? [service.previousSecretSealed!] : [])].map(openServiceSecret);
    const signature = signGatewayRequest({ secrets, timestamp: Date.now() / 1000, path: target, body });
    let upstream: http.IncomingMessage;
    try {
      upstream = await sendUpstream(
        url,
        {
          protocol: url.protocol,
          hostname: normalizeHost(url.hostname),
          port: url.port || undefined,
          method,
          path: target,
          headers: outgoingHeaders({ ...input, method }, signature, body?.length ?? 0),
          agent: agents[url.protocol as keyof typeof agents],
          lookup: pinnedLookup(addresses),
          signal: deadline.signal,
        },
        body,
      );
    } catch (error) {
      return failure(error);
    }
    return toResponse(upstream, method, requestId, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
