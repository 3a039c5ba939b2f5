import assert from "node:assert/strict";
import { test } from "node:test";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_BITS,
  RECOVERY_CODE_PATTERN,
  recoveryCodeMatches,
} from "@/lib/auth/recovery-codes";

test("ten unique codes by default", () => {
  const codes = generateRecoveryCodes();
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  assert.equal(generateRecoveryCodes(3).length, 3);
  assert.throws(() => generateRecoveryCodes(0), RangeError);
  assert.throws(() => generateRecoveryCodes(1.5), RangeError);
});

test("codes are two dash-separated groups from the unambiguous alphabet", () => {
  for (const code of generateRecoveryCodes(50)) {
    assert.match(code, /^[a-z2-9]{6}-[a-z2-9]{6}$/);
    assert.match(code, RECOVERY_CODE_PATTERN);
    assert.doesNotMatch(code, /[01oli]/);
    assert.match(code, /[a-z]/, "a code always contains a letter, so it can't be mistaken for a TOTP code");
  }
});

test("the alphabet has no look-alikes and every code carries at least 50 bits", () => {
  assert.doesNotMatch(RECOVERY_CODE_ALPHABET, /[01oli]/);
  assert.equal(new Set(RECOVERY_CODE_ALPHABET).size, RECOVERY_CODE_ALPHABET.length);
  assert.match(RECOVERY_CODE_ALPHABET, /^[a-z2-9]+$/);
  const length = generateRecoveryCodes(1)[0].replace(/-/g, "").length;
  const bits = length * Math.log2(RECOVERY_CODE_ALPHABET.length);
  assert.ok(bits >= 50, `only ${bits} bits`);
  assert.equal(RECOVERY_CODE_BITS, bits);
});

test("generation uses the whole alphabet", () => {
  const seen = new Set(generateRecoveryCodes(100).join("").replace(/-/g, ""));
  // 1200 uniform draws from 31 symbols miss one with probability ~1e-15.
  assert.equal(seen.size, RECOVERY_CODE_ALPHABET.length);
});

test("normalisation lowercases and drops dashes and spaces", () => {
  assert.equal(normaliseRecoveryCode("ABCDEF-GHJKMN"), "abcdefghjkmn");
  assert.equal(normaliseRecoveryCode("  abc def - ghj kmn \n"), "abcdefghjkmn");
  assert.equal(normaliseRecoveryCode("abcdefghjkmn"), "abcdefghjkmn");
});

test("the hash is hex SHA-256 of the normalised code", () => {
  assert.equal(hashRecoveryCode("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  assert.equal(hashRecoveryCode("A-B C"), hashRecoveryCode("abc"));
  const [code] = generateRecoveryCodes(1);
  assert.match(hashRecoveryCode(code), /^[0-9a-f]{64}$/);
  assert.equal(hashRecoveryCode(code.toUpperCase().replace("-", " ")), hashRecoveryCode(code));
});

test("matching accepts the code in any typed form and rejects others", () => {
  const [code, other] = generateRecoveryCodes(2);
  const hash = hashRecoveryCode(code);
  assert.equal(recoveryCodeMatches(code, hash), true);
  assert.equal(recoveryCodeMatches(code.toUpperCase(), hash), true);
  assert.equal(recoveryCodeMatches(` ${code.replace("-", "")} `, hash), true);
  assert.equal(recoveryCodeMatches(code, hash.toUpperCase()), true);
  assert.equal(recoveryCodeMatches(other, hash), false);
  assert.equal(recoveryCodeMatches(code.slice(0, -1), hash), false);
  assert.equal(recoveryCodeMatches("", hash), false);
  assert.equal(recoveryCodeMatches(code, ""), false);
  assert.equal(recoveryCodeMatches(code, hash.slice(0, 63)), false);
  assert.equal(recoveryCodeMatches(code, `${hash.slice(0, 63)}g`), false);
});
