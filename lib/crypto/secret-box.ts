import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encrypts small secrets (e.g. TOTP seeds) before they are stored.
 *
 * AES-256-GCM with a key derived from AUTH_SECRET by HKDF-SHA256, one key per
 * `purpose`. The purpose is also bound as additional authenticated data, so a
 * value sealed for one purpose can never be opened as another, even if the
 * keys were ever shared.
 *
 * Format: `v1.<iv>.<ciphertext>.<tag>`, each part base64url without padding.
 */

const VERSION = "v1";
const HKDF_SALT = "cordon";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A sealed value could not be opened (bad format, tampered, wrong key or wrong purpose), or the inputs were unusable. */
export class SecretBoxError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SecretBoxError";
  }
}

const keyCache = new Map<string, Buffer>();

function deriveKey(authSecret: string, purpose: string): Buffer {
  if (authSecret.length === 0) throw new SecretBoxError("secret box: AUTH_SECRET must not be empty");
  if (purpose.length === 0) throw new SecretBoxError("secret box: purpose must not be empty");
  // JSON keeps the (authSecret, purpose) pair unambiguous whatever characters they contain.
  const cacheKey = JSON.stringify([authSecret, purpose]);
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", authSecret, HKDF_SALT, purpose, KEY_BYTES));
    keyCache.set(cacheKey, key);
  }
  return key;
}

function decodePart(part: string, name: string): Buffer {
  // Node's base64url decoder silently skips characters it does not know, so check the alphabet first.
  if (!BASE64URL.test(part)) throw new SecretBoxError(`secret box: ${name} is not base64url`);
  const bytes = Buffer.from(part, "base64url");
  // Only the canonical encoding is accepted, so each sealed value has exactly one spelling.
  if (bytes.toString("base64url") !== part) throw new SecretBoxError(`secret box: ${name} is not canonical base64url`);
  return bytes;
}

export function sealSecret(plaintext: string, purpose: string, authSecret: string): string {
  const key = deriveKey(authSecret, purpose);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(".");
}

export function openSecret(sealed: string, purpose: string, authSecret: string): string {
  const key = deriveKey(authSecret, purpose);
  if (typeof sealed !== "string") throw new SecretBoxError("secret box: sealed value must be a string");
  const parts = sealed.split(".");
  if (parts.length !== 4) throw new SecretBoxError("secret box: sealed value is not in the v1.<iv>.<ciphertext>.<tag> format");
  const [version, ivPart, ciphertextPart, tagPart] = parts;
  if (version !== VERSION) throw new SecretBoxError(`secret box: unsupported version ${JSON.stringify(version.slice(0, 16))}`);
  const iv = decodePart(ivPart, "iv");
  const ciphertext = decodePart(ciphertextPart, "ciphertext");
  const tag = decodePart(tagPart, "tag");
  if (iv.length !== IV_BYTES) throw new SecretBoxError(`secret box: iv must be ${IV_BYTES} bytes`);
  if (tag.length !== TAG_BYTES) throw new SecretBoxError(`secret box: tag must be ${TAG_BYTES} bytes`);

  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(purpose, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new SecretBoxError("secret box: could not decrypt (tampered value, wrong AUTH_SECRET or wrong purpose)", { cause: error });
  }
}
