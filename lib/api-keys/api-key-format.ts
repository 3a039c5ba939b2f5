/**
 * The shape of an API key, `cdn_<prefix>_<secret>`, and the pure helpers
 * around it. The prefix (12 lower-case base32 characters, 60 bits) is public:
 * it is shown in lists and finds the row. The secret is 32 random bytes in
 * base64url. Only sha256(whole key) is stored, so a database leak reveals no
 * usable key, and a fast hash is enough because the key is 256 bits of entropy.
 */
import { createHash, randomInt, randomBytes, timingSafeEqual } from "node:crypto";

export const API_KEY_MARKER = "cdn_";
export const API_KEY_PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
export const API_KEY_PREFIX_LENGTH = 12;
const SECRET_BYTES = 32;

// base64url of 32 bytes is 43 characters, and may itself contain "_": the fixed lengths keep parsing unambiguous.
const API_KEY_PATTERN = /^cdn_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * Whether a bearer token is meant to be an API key rather than a JWT (which
 * starts with `eyJ`). Deliberately loose: a mangled `cdn_…` token is still
 * treated as an API key, so the client hears that the key is invalid.
 */
export function isApiKey(token: string): boolean {
  return token.startsWith(API_KEY_MARKER);
}

export function generateApiKeyPrefix(): string {
  return Array.from({ length: API_KEY_PREFIX_LENGTH }, () => API_KEY_PREFIX_ALPHABET[randomInt(API_KEY_PREFIX_ALPHABET.length)]).join("");
}

/** A new key with its public prefix and the hash to store. */
export function generateApiKey(prefix: string = generateApiKeyPrefix()): { key: string; prefix: string; secretHash: string } {
  const key = `${API_KEY_MARKER}${prefix}_${randomBytes(SECRET_BYTES).toString("base64url")}`;
  if (!API_KEY_PATTERN.test(key)) throw new RangeError(`Not a valid API key prefix: ${JSON.stringify(prefix)}`);
  return { key, prefix, secretHash: hashApiKey(key) };
}

/** The prefix of a well-formed key; null for anything else. */
export function parseApiKey(raw: string): { prefix: string } | null {
  const match = API_KEY_PATTERN.exec(raw);
  return match ? { prefix: match[1] } : null;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Constant-time comparison of a presented key with a stored hash. */
export function apiKeyMatches(key: string, secretHash: string): boolean {
  const actual = Buffer.from(hashApiKey(key), "hex");
  const expected = Buffer.from(secretHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** How lists show a key: enough to recognise it, nothing that works. */
export function maskedApiKey(prefix: string): string {
  return `${API_KEY_MARKER}${prefix}_…`;
}
