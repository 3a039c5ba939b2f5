import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { signGatewayRequest } from "@/lib/services/sign-gateway-request";
import { MemoryReplayCache, verifyGatewaySignature, type GatewaySignatureInput } from "@/lib/services/verify-gateway-signature";

const NOW = 1_800_000_000_000;
const TS = NOW / 1000;
const path = "/v2/orders/42?expand=items&x=%2C";
const body = new TextEncoder().encode('{"qty":3,"note":"é"}');

function signed(secrets: string[], overrides: Partial<GatewaySignatureInput> = {}, timestamp = TS): GatewaySignatureInput {
  const headers = signGatewayRequest({ secrets, timestamp, path, body });
  return {
    secret: secrets[0],
    timestamp: headers["X-Gateway-Timestamp"],
    signature: headers["X-Gateway-Signature"],
    path,
    body,
    now: NOW,
    replayCache: new MemoryReplayCache(),
    ...overrides,
  };
}

test("the signature is hex HMAC-SHA256(secret, timestamp|path|body)", () => {
  const headers = signGatewayRequest({ secrets: ["s3cret"], timestamp: TS + 0.7, path, body });
  const expected = createHmac("sha256", "s3cret").update(`${TS}|${path}|`).update(body).digest("hex");
  assert.deepEqual(headers, { "X-Gateway-Timestamp": String(TS), "X-Gateway-Signature": expected });
  assert.throws(() => signGatewayRequest({ secrets: [], timestamp: TS, path, body }));
});

test("a correctly signed request is accepted, with the body as bytes or as a string", () => {
  assert.deepEqual(verifyGatewaySignature(signed(["s3cret"])), { ok: true });
  assert.deepEqual(verifyGatewaySignature(signed(["s3cret"], { body: new TextDecoder().decode(body) })), { ok: true });
  const empty = signGatewayRequest({ secrets: ["s3cret"], timestamp: TS, path: "/", body: null });
  const input = { secret: "s3cret", timestamp: empty["X-Gateway-Timestamp"], signature: empty["X-Gateway-Signature"], path: "/", now: NOW, replayCache: null };
  assert.deepEqual(verifyGatewaySignature({ ...input, body: null }), { ok: true });
  assert.deepEqual(verifyGatewaySignature({ ...input, body: "" }), { ok: true });
});

test("a different secret, body, path or timestamp is a bad signature", () => {
  const reject = (input: GatewaySignatureInput) => assert.deepEqual(verifyGatewaySignature(input), { ok: false, reason: "bad_signature" });
  reject(signed(["s3cret"], { secret: "other" }));
  reject(signed(["s3cret"], { body: '{"qty":4,"note":"é"}' }));
  reject(signed(["s3cret"], { path: "/v2/orders/43?expand=items&x=%2C" }));
  reject(signed(["s3cret"], { path: "/v2/orders/42" }));
  reject(signed(["s3cret"], { timestamp: String(TS + 1) }));
  reject(signed(["s3cret"], { secret: "" }));
  reject(signed(["s3cret"], { secret: [] }));
});

test("timestamps more than 300 s away are stale; at the edge they pass", () => {
  assert.deepEqual(verifyGatewaySignature(signed(["k"], {}, TS - 301)), { ok: false, reason: "stale_timestamp" });
  assert.deepEqual(verifyGatewaySignature(signed(["k"], {}, TS + 301)), { ok: false, reason: "stale_timestamp" });
  assert.deepEqual(verifyGatewaySignature(signed(["k"], {}, TS - 300)), { ok: true });
  assert.deepEqual(verifyGatewaySignature(signed(["k"], { toleranceSeconds: 30 }, TS - 31)), { ok: false, reason: "stale_timestamp" });
});

test("missing, duplicated or malformed headers are refused before any HMAC", () => {
  const base = signed(["k"]);
  assert.deepEqual(verifyGatewaySignature({ ...base, timestamp: undefined }), { ok: false, reason: "missing_headers" });
  assert.deepEqual(verifyGatewaySignature({ ...base, signature: "" }), { ok: false, reason: "missing_headers" });
  assert.deepEqual(verifyGatewaySignature({ ...base, signature: [base.signature as string, base.signature as string] }), {
    ok: false,
    reason: "missing_headers",
  });
  assert.deepEqual(verifyGatewaySignature({ ...base, timestamp: "12.5" }), { ok: false, reason: "malformed_headers" });
  assert.deepEqual(verifyGatewaySignature({ ...base, signature: "abc" }), { ok: false, reason: "malformed_headers" });
  assert.deepEqual(verifyGatewaySignature({ ...base, signature: `${base.signature},` }), { ok: false, reason: "malformed_headers" });
  assert.deepEqual(verifyGatewaySignature({ ...base, signature: Array(9).fill(base.signature).join(",") }), { ok: false, reason: "malformed_headers" });
  // A header array of one (node:http never sends that, but frameworks might) is fine.
  assert.deepEqual(verifyGatewaySignature({ ...base, signature: [base.signature as string] }), { ok: true });
});

test("during a rotation either secret verifies the two-signature header; after it only the new one", () => {
  const rotating = signed(["new-secret", "old-secret"]);
  assert.equal((rotating.signature as string).split(",").length, 2);
  assert.deepEqual(verifyGatewaySignature({ ...rotating, secret: "new-secret" }), { ok: true });
  assert.deepEqual(verifyGatewaySignature({ ...rotating, secret: "old-secret", replayCache: new MemoryReplayCache() }), { ok: true });
  assert.deepEqual(verifyGatewaySignature({ ...rotating, secret: ["old-secret", "new-secret"], replayCache: new MemoryReplayCache() }), { ok: true });
  const retired = signed(["new-secret"]);
  assert.deepEqual(verifyGatewaySignature({ ...retired, secret: "old-secret" }), { ok: false, reason: "bad_signature" });
  // Signature order does not matter, and uppercase hex is the same signature.
  const [fresh, old] = (rotating.signature as string).split(",");
  assert.deepEqual(verifyGatewaySignature({ ...rotating, signature: `${old.toUpperCase()}, ${fresh}`, replayCache: null }), { ok: true });
});

test("a replay within the window is refused, also with one of two signatures dropped; entries expire", () => {
  const cache = new MemoryReplayCache();
  const rotating = signed(["new-secret", "old-secret"], { secret: ["new-secret", "old-secret"], replayCache: cache });
  assert.deepEqual(verifyGatewaySignature(rotating), { ok: true });
  assert.deepEqual(verifyGatewaySignature(rotating), { ok: false, reason: "replayed" });
  const oldOnly = (rotating.signature as string).split(",")[1];
  assert.deepEqual(verifyGatewaySignature({ ...rotating, signature: oldOnly }), { ok: false, reason: "replayed" });
  // Forged requests are not remembered, so they cannot block the real one.
  const other = signed(["new-secret"], { secret: "new-secret", replayCache: cache, path: "/other" });
  assert.deepEqual(verifyGatewaySignature({ ...other, secret: "wrong" }), { ok: false, reason: "bad_signature" });
  assert.equal(cache.size, 1);
  // Past the window the timestamp is stale anyway, so the entry can go.
  assert.equal(cache.remember("k", NOW + 1000, NOW), false);
  assert.equal(cache.remember("k", NOW + 1000, NOW + 500), true);
  assert.equal(cache.remember("k", NOW + 5000, NOW + 1000), false);
});

test("the replay cache stays bounded, dropping the oldest entries first", () => {
  const cache = new MemoryReplayCache(3);
  for (const key of ["a", "b", "c", "d"]) cache.remember(key, NOW + 60_000, NOW);
  assert.equal(cache.size, 3);
  assert.equal(cache.remember("a", NOW + 60_000, NOW), false);
  assert.equal(cache.remember("d", NOW + 60_000, NOW), true);
});
