// Password hashing with Argon2id (server only).
import { getRandomValues } from "node:crypto";
import { hash, parseOptions, verify, type Algorithm, type Options, type ParsedHashOptions } from "@node-rs/argon2";

// `Algorithm` is a const enum in the package's typings and an empty object at
// runtime, so `Algorithm.Argon2id` can't be used as a value (and tsc rejects it
// under isolatedModules). The literal is checked against the enum member here.
const ARGON2ID: Algorithm.Argon2id = 2;
// Version 0x13 (19), the current Argon2 version; `Version.V0x13` in the typings.
const ARGON2_VERSION_0X13 = 1;
const SALT_BYTES = 16;

// Argon2id, m=64 MiB, t=3, p=1, 32-byte output, 16-byte random salt.
//
// OWASP's Password Storage Cheat Sheet lists equivalent *minimum* Argon2id
// settings (m=46 MiB t=1, m=19 MiB t=2, m=12 MiB t=3, m=9 MiB t=4, m=7 MiB
// t=5, all p=1). On this 2-core machine each of them hashes in ~12–30 ms, so
// we can afford more: bench/argon2-params.ts takes the strongest candidate
// (largest memory × passes) whose hash fits 50–150 ms (median ≥ 50 ms, p95 ≤
// 150 ms). That is m=64 MiB t=3 — RFC 9106's second recommended setting, with
// p=1 so one login occupies one core and two can run side by side (roughly
// 20 logins/s at most, 64 MiB per login in flight). m=96 MiB t=2 is as strong
// but slower and its p95 went past 150 ms in most runs; m=64 MiB t=4 and
// m=128 MiB t=2 are over budget. Four of five runs chose this setting; the
// fifth ran while another job kept both cores busy (every figure inflated).
//
// `npx tsx bench/argon2-params.ts`, 10 hashes each, 2 × AMD EPYC, load 1.6:
//   parameters                  p50 ms   p95 ms
//   m=7 MiB,   t=5, p=1           11.4     24.8   OWASP minimum
//   m=9 MiB,   t=4, p=1           12.3     15.2   OWASP minimum
//   m=12 MiB,  t=3, p=1           15.7     16.3   OWASP minimum
//   m=19 MiB,  t=2, p=1           19.3     20.6   OWASP minimum
//   m=46 MiB,  t=1, p=1           23.3     26.3   OWASP minimum
//   m=32 MiB,  t=2, p=1           31.1     37.0
//   m=19 MiB,  t=4, p=1           36.5     37.3
//   m=46 MiB,  t=2, p=1           45.3     53.5
//   m=64 MiB,  t=2, p=1           73.1     76.1
//   m=128 MiB, t=1, p=1           74.6     92.3
//   m=64 MiB,  t=3, p=1           85.9     96.0   <- chosen
//   m=96 MiB,  t=2, p=1          104.8    126.0
//   m=64 MiB,  t=4, p=1          136.0    172.4
//   m=128 MiB, t=2, p=1          156.0    454.8
// (Other runs gave 102–111 ms p50 and 116–145 ms p95 for the chosen setting.)
//
// Changing these makes needsRehash() true for existing hashes; rehash them
// after the next successful login.
export const ARGON2_PARAMS = {
  algorithm: ARGON2ID,
  memoryCost: 64 * 1024,
  timeCost: 3,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

// Stored hashes come from our own database, but a corrupted or tampered row
// must not make one login allocate gigabytes or spin for minutes (argon2 will
// happily try m=999999999). Anything outside these bounds is treated as invalid.
const LIMITS = { maxMemoryCost: 256 * 1024, maxTimeCost: 16, maxParallelism: 8 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

function parse(storedHash: string): ParsedHashOptions | null {
  try {
    return parseOptions(storedHash);
  } catch {
    return null;
  }
}

function withinLimits(options: ParsedHashOptions): boolean {
  return (
    options.algorithm === ARGON2ID &&
    options.memoryCost <= LIMITS.maxMemoryCost &&
    options.timeCost <= LIMITS.maxTimeCost &&
    options.parallelism <= LIMITS.maxParallelism
  );
}

/** True when `password` matches `storedHash`. Never throws: a malformed or unacceptable hash is `false`. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  const options = typeof storedHash === "string" ? parse(storedHash) : null;
  if (!options || !withinLimits(options)) {
    // Spend the usual time anyway, so a broken row looks like a wrong password.
    await verifyAgainstDummy(password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** True when `storedHash` was not made with the current ARGON2_PARAMS (or can't be read): rehash after a successful login. */
export function needsRehash(storedHash: string): boolean {
  const options = parse(storedHash);
  if (!options) return true;
  return (
    options.algorithm !== ARGON2_PARAMS.algorithm ||
    options.version !== ARGON2_VERSION_0X13 ||
    options.memoryCost !== ARGON2_PARAMS.memoryCost ||
    options.timeCost !== ARGON2_PARAMS.timeCost ||
    options.parallelism !== ARGON2_PARAMS.parallelism ||
    options.outputLen !== ARGON2_PARAMS.outputLen ||
    options.saltLen < SALT_BYTES
  );
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random secret that nobody knows, made with ARGON2_PARAMS once per
 * process (the first call pays for one extra hash).
 */
export function getDummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(getRandomValues(new Uint8Array(32)), ARGON2_PARAMS);
  return dummyHash;
}

/**
 * For logins with an unknown email: runs one verification with the same cost
 * as a real one and always resolves to false, so response time does not tell
 * which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  try {
    await verify(await getDummyPasswordHash(), password);
  } catch {
    // Nothing to report; the answer is "no" either way.
  }
  return false;
}
