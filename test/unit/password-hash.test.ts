import assert from "node:assert/strict";
import { test } from "node:test";
import { hash, parseOptions, type Algorithm } from "@node-rs/argon2";
import { ARGON2_PARAMS, getDummyPasswordHash, hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password-hash";

const ARGON2ID: Algorithm.Argon2id = 2;
const password = "correct horse battery staple";

test("hashes are Argon2id with the chosen parameters in the PHC string", async () => {
  assert.equal(ARGON2_PARAMS.memoryCost, 65536);
  assert.equal(ARGON2_PARAMS.timeCost, 3);
  assert.equal(ARGON2_PARAMS.parallelism, 1);
  const stored = await hashPassword(password);
  assert.match(stored, /^\$argon2id\$v=19\$m=65536,t=3,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  const parsed = parseOptions(stored);
  assert.equal(parsed.algorithm, ARGON2ID);
  assert.equal(parsed.saltLen, 16);
  assert.equal(parsed.outputLen, 32);
  assert.notEqual(await hashPassword(password), stored, "a fresh salt each time");
});

test("verifyPassword accepts the password and nothing else", async () => {
  const stored = await hashPassword(password);
  assert.equal(await verifyPassword(stored, password), true);
  assert.equal(await verifyPassword(stored, "correct horse battery stapl"), false);
  assert.equal(await verifyPassword(stored, "Correct horse battery staple"), false);
  assert.equal(await verifyPassword(stored, ""), false);
  const unicode = "pässwörd 🔑 långt nog";
  assert.equal(await verifyPassword(await hashPassword(unicode), unicode), true);
});

test("a malformed hash is false, not an exception", async () => {
  for (const stored of ["", "garbage", "$argon2id$", "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$", "$2b$12$abcdefghijklmnopqrstuu"]) {
    assert.equal(await verifyPassword(stored, password), false, JSON.stringify(stored));
  }
  assert.equal(await verifyPassword(undefined as unknown as string, password), false);
});

test("a hash with absurd parameters is refused quickly instead of being computed", async () => {
  const started = performance.now();
  assert.equal(await verifyPassword("$argon2id$v=19$m=999999999,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g", password), false);
  assert.ok(performance.now() - started < 5000);
});

test("needsRehash is false for current hashes and true for other parameters", async () => {
  assert.equal(needsRehash(await hashPassword(password)), false);
  const weaker = await hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  assert.equal(needsRehash(weaker), true);
  assert.equal(await verifyPassword(weaker, password), true, "old hashes still verify");
  const fewerPasses = await hash(password, { ...ARGON2_PARAMS, timeCost: ARGON2_PARAMS.timeCost - 1 });
  assert.equal(needsRehash(fewerPasses), true);
  const argon2i = await hash(password, { ...ARGON2_PARAMS, algorithm: 1 });
  assert.match(argon2i, /^\$argon2i\$/);
  assert.equal(needsRehash(argon2i), true);
  assert.equal(needsRehash("garbage"), true);
});

test("the dummy verification uses the same parameters and always says no", async () => {
  const dummy = await getDummyPasswordHash();
  assert.equal(needsRehash(dummy), false);
  assert.equal(await getDummyPasswordHash(), dummy, "made once per process");
  assert.equal(await verifyAgainstDummy(password), false);
  assert.equal(await verifyAgainstDummy(""), false);
});

test("the dummy verification takes about as long as a real one", async () => {
  const stored = await hashPassword(password);
  await verifyAgainstDummy(password);
  const median = async (fn: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await fn();
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[2];
  };
  const real = await median(() => verifyPassword(stored, "wrong password"));
  const dummy = await median(() => verifyAgainstDummy("wrong password"));
  assert.ok(dummy > real / 3 && dummy < real * 3, `real ${real.toFixed(1)} ms, dummy ${dummy.toFixed(1)} ms`);
});
