import { createHmac, timingSafeEqual } from "node:crypto";
import { generateSecret, generateURI, ScureBase32Plugin } from "otplib";

/**
 * RFC 6238 TOTP as authenticator apps use it: HMAC-SHA-1, 6 digits, 30 s
 * steps. otplib provides the base32 secret and the otpauth:// URI; the HOTP
 * math (RFC 4226) is done here with node:crypto so verification can report
 * which time step matched, which is what replay protection is built on.
 */

export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Steps accepted either side of the current one, for clock drift and slow typing. */
export const TOTP_WINDOW = 1;
const SECRET_BYTES = 20;

const base32 = new ScureBase32Plugin();

export type TotpVerifyResult = { ok: true; step: number } | { ok: false; reason: "invalid" | "replayed" };

/** A fresh shared secret: 20 random bytes (160 bits, as RFC 4226 recommends), base32 without padding. */
export function generateTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

/** The otpauth:// URI an authenticator app scans, labelled `issuer:accountName`. */
export function totpKeyUri({ secret, accountName, issuer = "Cordon" }: { secret: string; accountName: string; issuer?: string }): string {
  // Colons separate issuer from account in the label, so they may appear in neither.
  if (issuer.includes(":") || accountName.includes(":")) throw new Error("TOTP issuer and account name must not contain ':'");
  return generateURI({ strategy: "totp", issuer, label: accountName, secret, algorithm: "sha1", digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
}

function decodeSecret(secret: string): Buffer {
  const cleaned = secret.replace(/\s+/g, "").replace(/=+$/, "").toUpperCase();
  if (cleaned.length === 0) throw new Error("TOTP secret is empty");
  return Buffer.from(base32.decode(cleaned));
}

/** RFC 4226 HOTP: HMAC-SHA-1 over the 8-byte big-endian counter, dynamic truncation, last `digits` decimal digits. */
export function hotpCode(key: Uint8Array, counter: number, digits: number = TOTP_DIGITS): string {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError(`HOTP counter must be a non-negative integer, got ${counter}`);
  if (!Number.isInteger(digits) || digits < 6 || digits > 10) throw new RangeError(`HOTP digits must be 6 to 10, got ${digits}`);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac("sha1", key).update(message).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return (binary % 10 ** digits).toString().padStart(digits, "0");
}

/** The time-step counter for a moment: floor(unix seconds / 30). */
export function totpStep(now: number = Date.now()): number {
  if (!Number.isFinite(now) || now < 0) throw new RangeError(`TOTP time must be a non-negative number of milliseconds, got ${now}`);
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/** The 6-digit code for a base32 secret at `now` (milliseconds since the epoch). */
export function totpCodeAt(secret: string, now: number = Date.now()): string {
  return hotpCode(decodeSecret(secret), totpStep(now));
}

/**
 * Checks a code against the current step and one step either side.
 *
 * The matched step is returned so the caller can store it as `lastUsedStep`:
 * a code whose step is not after `lastUsedStep` is "replayed", so a code can't
 * be used twice in its window and an older code can't follow a newer one.
 * Input that is not 6 digits (spaces ignored) is "invalid"; this never throws
 * for user input.
 */
export function verifyTotp({
  secret,
  code,
  lastUsedStep,
  now = Date.now(),
}: {
  secret: string;
  code: string;
  lastUsedStep?: number | null;
  now?: number;
}): TotpVerifyResult {
  const candidate = typeof code === "string" ? code.replace(/\s+/g, "") : "";
  if (!/^\d{6}$/.test(candidate)) return { ok: false, reason: "invalid" };

  const key = decodeSecret(secret);
  const current = totpStep(now);
  const given = Buffer.from(candidate, "ascii");
  let accepted: number | undefined;
  let replayed = false;
  // Every step in the window is computed and compared, match or not, so timing reveals nothing about which one matched.
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    if (step < 0) continue;
    const matches = timingSafeEqual(Buffer.from(hotpCode(key, step), "ascii"), given);
    if (!matches) continue;
    if (lastUsedStep != null && step <= lastUsedStep) replayed = true;
    else accepted ??= step;
  }

  if (accepted !== undefined) return { ok: true, step: accepted };
  return { ok: false, reason: replayed ? "replayed" : "invalid" };
}
