import assert from "node:assert/strict";
import { test } from "node:test";
import { generateTotpSecret, hotpCode, totpCodeAt, totpKeyUri, totpStep, verifyTotp } from "@/lib/auth/totp";
import { totpQrSvg } from "@/lib/auth/totp-qr";

/** RFC 6238 Appendix B: SHA-1 key is the ASCII string "12345678901234567890". */
const rfcKey = Buffer.from("12345678901234567890", "ascii");
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32 of rfcKey
const rfcVectors: [seconds: number, code: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

// A fixed moment in the middle of a step, so step arithmetic below is exact.
const now = 1_700_000_015_000;
const step = Math.floor(now / 1000 / 30);
const codeAt = (offsetSteps: number) => totpCodeAt(rfcSecret, now + offsetSteps * 30_000);

test("RFC 4226 Appendix D HOTP values", () => {
  const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
  expected.forEach((code, counter) => assert.equal(hotpCode(rfcKey, counter), code));
});

test("RFC 6238 Appendix B SHA-1 vectors, 8 digits and 6 digits", () => {
  for (const [seconds, code] of rfcVectors) {
    assert.equal(hotpCode(rfcKey, Math.floor(seconds / 30), 8), code, `8 digits at T=${seconds}`);
    assert.equal(totpCodeAt(rfcSecret, seconds * 1000), code.slice(-6), `6 digits at T=${seconds}`);
  }
});

test("the step is floor(unix seconds / 30)", () => {
  assert.equal(totpStep(0), 0);
  assert.equal(totpStep(29_999), 0);
  assert.equal(totpStep(30_000), 1);
  assert.equal(totpStep(59_000), 1);
  assert.equal(totpStep(1111111109_000), 37037036);
});

test("generated secrets are 20 random bytes in base32", () => {
  const a = generateTotpSecret();
  const b = generateTotpSecret();
  assert.match(a, /^[A-Z2-7]{32}$/);
  assert.notEqual(a, b);
  assert.match(totpCodeAt(a, now), /^\d{6}$/);
});

test("the current step and one step either side are accepted, reporting the matched step", () => {
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: codeAt(0), lastUsedStep: null, now }), { ok: true, step });
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: codeAt(-1), lastUsedStep: null, now }), { ok: true, step: step - 1 });
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: codeAt(1), now }), { ok: true, step: step + 1 });
  // Edges of the current step.
  const start = step * 30_000;
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: codeAt(0), now: start }), { ok: true, step });
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: codeAt(0), now: start + 29_999 }), { ok: true, step });
});

test("codes two or more steps away are rejected", () => {
  for (const offset of [-3, -2, 2, 3]) {
    const code = codeAt(offset);
    assert.ok(![-1, 0, 1].some((near) => codeAt(near) === code), "test codes must differ");
    assert.deepEqual(verifyTotp({ secret: rfcSecret, code, now }), { ok: false, reason: "invalid" }, `offset ${offset}`);
  }
});

test("a wrong code or wrong secret is invalid", () => {
  const wrong = String((Number(codeAt(0)) + 1) % 1_000_000).padStart(6, "0");
  assert.ok(![-1, 0, 1].some((near) => codeAt(near) === wrong));
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: wrong, now }), { ok: false, reason: "invalid" });
  const otherSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  assert.ok(![-1, 0, 1].some((near) => totpCodeAt(otherSecret, now + near * 30_000) === codeAt(0)));
  assert.deepEqual(verifyTotp({ secret: otherSecret, code: codeAt(0), now }), { ok: false, reason: "invalid" });
});

test("a code cannot be reused once its step has been used", () => {
  const first = verifyTotp({ secret: rfcSecret, code: codeAt(0), lastUsedStep: step - 5, now });
  assert.deepEqual(first, { ok: true, step });
  assert.ok(first.ok);
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: codeAt(0), lastUsedStep: first.step, now }), { ok: false, reason: "replayed" });
  // Still replayed when presented later, while it is within the window.
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: codeAt(0), lastUsedStep: first.step, now: now + 30_000 }), { ok: false, reason: "replayed" });
  // The next code is fine.
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: codeAt(1), lastUsedStep: first.step, now }), { ok: true, step: step + 1 });
});

test("an older code is refused after a newer one has been used", () => {
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: codeAt(-1), lastUsedStep: step, now }), { ok: false, reason: "replayed" });
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: codeAt(0), lastUsedStep: step + 1, now }), { ok: false, reason: "replayed" });
  assert.deepEqual(verifyTotp({ secret: rfcSecret, code: codeAt(-1), lastUsedStep: step + 1, now }), { ok: false, reason: "replayed" });
});

test("spaces in the code are ignored", () => {
  const code = codeAt(0);
  for (const typed of [`${code.slice(0, 3)} ${code.slice(3)}`, ` ${code} `, code.split("").join(" "), `${code.slice(0, 3)}\t${code.slice(3)}`]) {
    assert.deepEqual(verifyTotp({ secret: rfcSecret, code: typed, now }), { ok: true, step }, JSON.stringify(typed));
  }
});

test("input that is not six digits is invalid, without throwing", () => {
  const code = codeAt(0);
  const inputs = [
    "",
    "      ",
    "12345",
    "1234567",
    code + "0",
    code.slice(1),
    "abcdef",
    `${code.slice(0, 5)}a`,
    `${code.slice(0, 3)}-${code.slice(3)}`,
    "١٢٣٤٥٦",
    "１２３４５６",
    "12.345",
  ];
  for (const input of inputs) {
    assert.deepEqual(verifyTotp({ secret: rfcSecret, code: input, now }), { ok: false, reason: "invalid" }, JSON.stringify(input));
  }
});

test("the key URI names issuer, account and secret", () => {
  const secret = generateTotpSecret();
  const uri = totpKeyUri({ secret, accountName: "alice@example.com" });
  const parsed = new URL(uri);
  assert.equal(parsed.protocol, "otpauth:");
  assert.equal(parsed.host, "totp");
  assert.equal(decodeURIComponent(parsed.pathname), "/Cordon:alice@example.com");
  assert.equal(parsed.searchParams.get("secret"), secret);
  assert.equal(parsed.searchParams.get("issuer"), "Cordon");

  const custom = new URL(totpKeyUri({ secret, accountName: "bob smith", issuer: "Acme Corp" }));
  assert.equal(decodeURIComponent(custom.pathname), "/Acme Corp:bob smith");
  assert.equal(custom.searchParams.get("issuer"), "Acme Corp");
  assert.throws(() => totpKeyUri({ secret, accountName: "a:b" }));
});

test("the QR code is an SVG", async () => {
  const svg = await totpQrSvg(totpKeyUri({ secret: generateTotpSecret(), accountName: "alice@example.com" }));
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<\/svg>\s*$/);
  assert.match(svg, /<path/);
});
