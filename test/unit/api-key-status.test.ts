import assert from "node:assert/strict";
import { test } from "node:test";
import { API_KEY_EXPIRY_PRESETS, apiKeyExpiry, apiKeyStatus, maxApiKeyExpiry } from "@/lib/api-keys/api-key-status";

const now = new Date("2028-02-29T12:00:00Z");

test("revoked wins over expired; a key without expiry never expires", () => {
  const past = new Date(now.getTime() - 1);
  const future = new Date(now.getTime() + 1);
  assert.equal(apiKeyStatus({ revokedAt: null, expiresAt: null }, now), "active");
  assert.equal(apiKeyStatus({ revokedAt: null, expiresAt: future }, now), "active");
  assert.equal(apiKeyStatus({ revokedAt: null, expiresAt: now }, now), "expired");
  assert.equal(apiKeyStatus({ revokedAt: null, expiresAt: past }, now), "expired");
  assert.equal(apiKeyStatus({ revokedAt: past, expiresAt: past }, now), "revoked");
  assert.equal(apiKeyStatus({ revokedAt: past, expiresAt: null }, now), "revoked");
});

test("every preset fits within the one-year maximum, leap days included", () => {
  const max = maxApiKeyExpiry(now);
  assert.equal(max.toISOString(), "2029-03-01T12:00:00.000Z");
  for (const { days } of API_KEY_EXPIRY_PRESETS) if (days !== null) assert.ok(apiKeyExpiry(days, now) <= max, `${days} days`);
  assert.equal(apiKeyExpiry(30, now).toISOString(), "2028-03-30T12:00:00.000Z");
  assert.deepEqual(
    API_KEY_EXPIRY_PRESETS.map((p) => p.days),
    [30, 90, 365, null],
  );
});
