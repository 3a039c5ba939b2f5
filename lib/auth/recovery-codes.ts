import { createHash, randomInt, timingSafeEqual } from "node:crypto";

/**
 * One-time recovery codes for accounts with a second factor.
 *
 * Codes look like `xxxxxx-xxxxxx`, drawn uniformly from 31 lowercase letters
 * and digits with no look-alikes (no 0/o, 1/l/i). 31 symbols carry log2(31) ≈
 * 4.95 bits each, so 10 characters would fall just short of 50 bits (≈ 49.5);
 * 12 characters give ≈ 59.5 bits.
 *
 * Storage: only a SHA-256 of the normalised code is kept. A fast, unsalted
 * hash is right here (unlike for passwords) because the codes are random and
 * high-entropy: there is no dictionary to try, and brute-forcing ~2^59 guesses
 * is out of reach however fast each hash is.
 */

/** 31 characters: digits 2-9 and lowercase letters except i, l and o. */
export const RECOVERY_CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const GROUP_LENGTH = 6;
const GROUPS = 2;
export const RECOVERY_CODE_LENGTH = GROUP_LENGTH * GROUPS;
/** Entropy of one code in bits (≈ 59.5). */
export const RECOVERY_CODE_BITS = RECOVERY_CODE_LENGTH * Math.log2(RECOVERY_CODE_ALPHABET.length);
/** The displayed form, e.g. `k7m2qz-9hx4ra`. */
export const RECOVERY_CODE_PATTERN = new RegExp(
  `^[${RECOVERY_CODE_ALPHABET}]{${GROUP_LENGTH}}(?:-[${RECOVERY_CODE_ALPHABET}]{${GROUP_LENGTH}}){${GROUPS - 1}}$`,
);

function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    // randomInt draws without modulo bias.
    for (let i = 0; i < GROUP_LENGTH; i++) group += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

/** `count` distinct fresh codes, in display form. Show them once; store only their hashes. */
export function generateRecoveryCodes(count = 10): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new RangeError(`recovery code count must be 1 to 100, got ${count}`);
  const codes = new Set<string>();
  while (codes.size < count) {
    const code = generateRecoveryCode();
    // Sign-in tells recovery codes from 6-digit TOTP codes by their letters, so an all-digit code
    // (odds ≈ 1 in 8 million) is drawn again; this costs a negligible fraction of a bit.
    if (/[a-z]/.test(code)) codes.add(code);
  }
  return [...codes];
}

/** What the user typed, reduced to the canonical form: lowercase, no dashes or whitespace. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, "");
}

/** Hex SHA-256 of the normalised code: the only form that is stored. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code), "utf8").digest("hex");
}

/** Whether `input` is the code behind `hash`, compared in constant time. */
export function recoveryCodeMatches(input: string, hash: string): boolean {
  if (typeof input !== "string" || typeof hash !== "string" || !/^[0-9a-f]{64}$/i.test(hash)) return false;
  const expected = Buffer.from(hash, "hex");
  const actual = Buffer.from(hashRecoveryCode(input), "hex");
  return timingSafeEqual(actual, expected);
}
