import assert from "node:assert/strict";
import { test } from "node:test";
import { createAccount, createUser, fromSeed } from "@nats-io/nkeys";
import { FastKeyPair, generateOperatorSeed } from "@/lib/nats/key-pair";

test("FastKeyPair signs byte-for-byte like the stock nkeys pair", () => {
  for (const stock of [createAccount(), createUser(), fromSeed(new TextEncoder().encode(generateOperatorSeed()))]) {
    const fast = new FastKeyPair(stock.getSeed());
    assert.equal(fast.getPublicKey(), stock.getPublicKey());
    assert.deepEqual(Buffer.from(fast.getPrivateKey()), Buffer.from(stock.getPrivateKey()));
    const message = new TextEncoder().encode(`claims for ${stock.getPublicKey()}`);
    assert.deepEqual(Buffer.from(fast.sign(message)), Buffer.from(stock.sign(message)));
    assert.ok(stock.verify(message, fast.sign(message)));
  }
});

test("FastKeyPair verifies its own signatures and rejects tampered input", () => {
  const pair = new FastKeyPair(createAccount().getSeed());
  const message = new TextEncoder().encode("hello");
  const signature = pair.sign(message);
  assert.equal(pair.verify(message, signature), true);
  assert.equal(pair.verify(new TextEncoder().encode("hellp"), signature), false);
});

test("generated operator seeds are operator seeds", () => {
  const seed = generateOperatorSeed();
  assert.match(seed, /^SO[A-Z2-7]{56}$/);
  assert.match(FastKeyPair.fromSeedText(seed).getPublicKey(), /^O[A-Z2-7]{55}$/);
});
