import assert from "node:assert/strict";
import { test } from "node:test";
import { openSecret, sealSecret, SecretBoxError } from "@/lib/crypto/secret-box";

const authSecret = "a".repeat(43);
const purpose = "totp-secret";

function isSecretBoxError(error: unknown): boolean {
  return error instanceof SecretBoxError && error.message.length > 0;
}

/** Flips one bit in one base64url part of a sealed value, keeping the encoding canonical. */
function flipBit(sealed: string, partIndex: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[partIndex], "base64url");
  bytes[0] ^= 0x01;
  parts[partIndex] = bytes.toString("base64url");
  return parts.join(".");
}

test("a sealed secret opens to the same plaintext", () => {
  for (const plaintext of ["JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "", "ünïcødé ✓ 🔐", "x".repeat(5000)]) {
    const sealed = sealSecret(plaintext, purpose, authSecret);
    assert.match(sealed, /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/);
    assert.ok(!plaintext || !sealed.includes(plaintext), "plaintext must not appear in the sealed value");
    assert.equal(openSecret(sealed, purpose, authSecret), plaintext);
  }
});

test("every seal uses a fresh IV", () => {
  const sealed = Array.from({ length: 20 }, () => sealSecret("same secret", purpose, authSecret));
  const ivs = sealed.map((value) => value.split(".")[1]);
  assert.equal(new Set(ivs).size, ivs.length);
  assert.equal(new Set(sealed).size, sealed.length);
  for (const value of sealed) assert.equal(openSecret(value, purpose, authSecret), "same secret");
});

test("tampering with any part is detected", () => {
  const sealed = sealSecret("top secret value", purpose, authSecret);
  for (const partIndex of [1, 2, 3]) {
    const tampered = flipBit(sealed, partIndex);
    assert.notEqual(tampered, sealed);
    assert.throws(() => openSecret(tampered, purpose, authSecret), isSecretBoxError);
  }
  const [version, iv, ciphertext, tag] = sealed.split(".");
  const tamperedTag = Buffer.from(tag, "base64url");
  tamperedTag[15] ^= 0x80;
  assert.throws(() => openSecret([version, iv, ciphertext, tamperedTag.toString("base64url")].join("."), purpose, authSecret), isSecretBoxError);
  assert.throws(() => openSecret([version, iv, ciphertext.slice(0, -4), tag].join("."), purpose, authSecret), isSecretBoxError);
});

test("the wrong AUTH_SECRET cannot open it", () => {
  const sealed = sealSecret("top secret value", purpose, authSecret);
  assert.throws(() => openSecret(sealed, purpose, "b".repeat(43)), isSecretBoxError);
  assert.throws(() => openSecret(sealed, purpose, authSecret + "x"), isSecretBoxError);
});

test("a value sealed for one purpose cannot be opened for another", () => {
  const sealed = sealSecret("top secret value", purpose, authSecret);
  assert.throws(() => openSecret(sealed, "webhook-secret", authSecret), isSecretBoxError);
  assert.throws(() => openSecret(sealed, purpose + " ", authSecret), isSecretBoxError);
  const other = sealSecret("top secret value", "webhook-secret", authSecret);
  assert.equal(openSecret(other, "webhook-secret", authSecret), "top secret value");
  assert.throws(() => openSecret(other, purpose, authSecret), isSecretBoxError);
});

test("garbage is rejected with a SecretBoxError", () => {
  const sealed = sealSecret("top secret value", purpose, authSecret);
  const [, iv, ciphertext, tag] = sealed.split(".");
  const garbage = [
    "",
    "garbage",
    "v1",
    "v1...",
    `v2.${iv}.${ciphertext}.${tag}`,
    `v1.${iv}.${ciphertext}`,
    `v1.${iv}.${ciphertext}.${tag}.extra`,
    `v1.${iv}!.${ciphertext}.${tag}`,
    `v1.${iv}.${ciphertext}.${tag}=`,
    `v1.${iv.slice(0, 8)}.${ciphertext}.${tag}`,
    `v1.${iv}.${ciphertext}.${tag.slice(0, 11)}`,
    `v1.${iv}.${ciphertext}.${tag.slice(0, 21)}B`,
  ];
  for (const value of garbage) assert.throws(() => openSecret(value, purpose, authSecret), isSecretBoxError, `should reject ${JSON.stringify(value)}`);
});

test("an empty AUTH_SECRET or purpose is refused", () => {
  assert.throws(() => sealSecret("x", purpose, ""), isSecretBoxError);
  assert.throws(() => sealSecret("x", "", authSecret), isSecretBoxError);
});
