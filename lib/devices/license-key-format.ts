/**
 * A device's license key, `lic_<prefix>_<secret>`. The prefix (12 lower-case
 * base32 characters, 60 bits) is public: it finds the row and is the device's
 * routing token in subjects. The secret (32 random bytes, base64url) makes the
 * key a credential; only sha256(whole key) is stored.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const PREFIX_LENGTH = 12;
const SECRET_BYTES = 32;
const LICENSE_KEY_PATTERN = /^lic_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/;

export function hashLicenseKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A new key with its public prefix and the hash to store. */
export function generateLicenseKey(): { key: string; prefix: string; hash: string } {
  const prefix = Array.from({ length: PREFIX_LENGTH }, () => PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)]).join("");
  const key = `lic_${prefix}_${randomBytes(SECRET_BYTES).toString("base64url")}`;
  return { key, prefix, hash: hashLicenseKey(key) };
}

/** The prefix of a well-formed key; null for anything else. */
export function parseLicenseKey(raw: string): { prefix: string } | null {
  const match = LICENSE_KEY_PATTERN.exec(raw);
  return match ? { prefix: match[1] } : null;
}

/** Constant-time comparison of a presented key with a stored hash. */
export function licenseKeyMatches(key: string, hash: string): boolean {
  const actual = Buffer.from(hashLicenseKey(key), "hex");
  const expected = Buffer.from(hash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
