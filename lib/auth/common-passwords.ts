// Server only (reads a file): is a password on the list of common / breached
// passwords in data/common-passwords.txt (see scripts/build-common-passwords.ts)?
import { readFileSync } from "node:fs";
import path from "node:path";

// Resolved from the app's root (the working directory of `npm start`, the CLI,
// the tests, and of the standalone server, which traces data/ in): bundlers
// rewrite module-relative URLs.
const LIST_PATH = path.join(process.cwd(), "data", "common-passwords.txt");
// "Password123!" → "password" only counts when the base is at least this long,
// so that e.g. "abc" + a long run of digits isn't flagged for its "abc".
const MIN_VARIANT_BASE_LENGTH = 6;
const TRAILING_JUNK = /^[\p{N}\p{P}\p{S}\s]$/u;

let list: ReadonlySet<string> | undefined;

/** The list, read from disk on first use and kept for the life of the process. */
export function commonPasswords(): ReadonlySet<string> {
  if (!list) {
    const entries = readFileSync(LIST_PATH, "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean);
    list = new Set(entries);
  }
  return list;
}

/** The password lowercased with trailing digits, punctuation, symbols and spaces removed ("Password123!" → "password"). */
export function stripTrailingJunk(password: string): string {
  const chars = [...password.toLowerCase()];
  let end = chars.length;
  // A loop rather than a /…+$/ regex: that backtracks quadratically on long inputs.
  while (end > 0 && TRAILING_JUNK.test(chars[end - 1])) end--;
  return chars.slice(0, end).join("");
}

export function isCommonPassword(password: string): boolean {
  const passwords = commonPasswords();
  if (passwords.has(password.toLowerCase())) return true;
  const base = stripTrailingJunk(password);
  return [...base].length >= MIN_VARIANT_BASE_LENGTH && passwords.has(base);
}
