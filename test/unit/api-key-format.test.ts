import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import {
  API_KEY_PREFIX_ALPHABET,
  API_KEY_PREFIX_LENGTH,
  apiKeyMatches,
  generateApiKey,
  generateApiKeyPrefix,
  hashApiKey,
  isApiKey,
  maskedApiKey,
  parseApiKey,
} from "@/lib/api-keys/api-key-format";

test("a key is cdn_, a 12-character base32 prefix, _, and 32 random bytes in base64url", () => {
  const keys = Array.from({ length: 500 }, () => generateApiKey());
  for (const { key, prefix, secretHash } of keys) {
    assert.match(key, /^cdn_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
    assert.ok(key.startsWith(`cdn_${prefix}_`));
    assert.equal(Buffer.from(key.slice(`cdn_${prefix}_`.length), "base64url").length, 32);
    assert.equal(secretHash, createHash("sha256").update(key).digest("hex"));
  }
  assert.equal(new Set(keys.map((k) => k.key)).size, keys.length);
  assert.equal(new Set(keys.map((k) => k.prefix)).size, keys.length);
});

test("the prefix alphabet is lower-case base32 and a prefix carries 60 bits", () => {
  assert.equal(API_KEY_PREFIX_ALPHABET, "abcdefghijklmnopqrstuvwxyz234567");
  assert.equal(API_KEY_PREFIX_LENGTH * Math.log2(API_KEY_PREFIX_ALPHABET.length), 60);
  const seen = new Set(Array.from({ length: 200 }, generateApiKeyPrefix).join(""));
  assert.ok(seen.size > 25, "prefixes use the whole alphabet");
});

test("parsing returns the prefix of a well-formed key and null for anything else", () => {
  const { key, prefix } = generateApiKey();
  assert.deepEqual(parseApiKey(key), { prefix });
  // A secret that contains "_" (base64url) still parses by length.
  const underscored = `cdn_abcdefgh2345_${"_".repeat(43)}`;
  assert.deepEqual(parseApiKey(underscored), { prefix: "abcdefgh2345" });
  for (const bad of [
    "",
    "cdn_",
    key.toUpperCase(),
    key.replace("cdn_", "cdx_"),
    key.slice(0, -1),
    `${key}A`,
    ` ${key}`,
    `${key}\n`,
    key.replace(`cdn_${prefix}`, `cdn_${prefix.slice(1)}`),
    `cdn_abcdefgh2345_${"=".repeat(43)}`,
    `cdn_abcdefgh1345_${"A".repeat(43)}`,
    "eyJhbGciOiJIUzI1NiJ9.e30.sig",
  ])
    assert.equal(parseApiKey(bad), null, JSON.stringify(bad));
});

test("isApiKey tells a key (even a mangled one) from a JWT", () => {
  assert.equal(isApiKey(generateApiKey().key), true);
  assert.equal(isApiKey("cdn_garbage"), true);
  assert.equal(isApiKey("eyJhbGciOiJIUzI1NiJ9.e30.sig"), false);
  assert.equal(isApiKey(""), false);
});

test("a presented key matches only its own stored hash", () => {
  const a = generateApiKey();
  const b = generateApiKey(a.prefix);
  assert.equal(apiKeyMatches(a.key, a.secretHash), true);
  assert.equal(apiKeyMatches(b.key, a.secretHash), false, "same prefix, other secret");
  assert.equal(apiKeyMatches(a.key, ""), false);
  assert.equal(apiKeyMatches(a.key, a.secretHash.slice(2)), false);
  assert.equal(apiKeyMatches(a.key, "zz"), false);
  assert.equal(hashApiKey(a.key), a.secretHash);
});

test("a given prefix must itself be valid, and lists show only the prefix", () => {
  assert.throws(() => generateApiKey("short"), RangeError);
  assert.throws(() => generateApiKey("ABCDEFGHIJKL"), RangeError);
  assert.equal(maskedApiKey("abcdefgh2345"), "cdn_abcdefgh2345_…");
});
