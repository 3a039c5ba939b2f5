import assert from "node:assert/strict";
import { test } from "node:test";
import { OperatorKeys } from "@/lib/nats/derive-keys";
import { generateOperatorSeed } from "@/lib/nats/key-pair";

test("derived keys are stable for the same operator seed", () => {
  const seed = generateOperatorSeed();
  const a = new OperatorKeys(seed);
  const b = new OperatorKeys(seed);
  assert.equal(a.systemAccount().getPublicKey(), b.systemAccount().getPublicKey());
  assert.equal(a.account("org-1").getPublicKey(), b.account("org-1").getPublicKey());
  assert.equal(a.systemUser().getPublicKey(), b.systemUser().getPublicKey());
});

test("derived keys differ by operator, org, purpose and generation", () => {
  const keys = new OperatorKeys(generateOperatorSeed());
  const other = new OperatorKeys(generateOperatorSeed());
  const publicKeys = [
    keys.account("org-1").getPublicKey(),
    keys.account("org-2").getPublicKey(),
    keys.account("org-1", 1).getPublicKey(),
    keys.accountSigningKey("org-1").getPublicKey(),
    keys.systemAccount().getPublicKey(),
    other.account("org-1").getPublicKey(),
  ];
  assert.equal(new Set(publicKeys).size, publicKeys.length);
});

test("keys have the right NKey kind", () => {
  const keys = new OperatorKeys(generateOperatorSeed());
  assert.match(keys.operator.getPublicKey(), /^O/);
  assert.match(keys.systemAccount().getPublicKey(), /^A/);
  assert.match(keys.account("org").getPublicKey(), /^A/);
  assert.match(keys.systemUser().getPublicKey(), /^U/);
});

test("a seed that is not an operator seed is refused", () => {
  assert.throws(() => new OperatorKeys("SUAIBDPBAUTWCWBKIO6XHQNINK5FWJW4OHLXC3HQ2KFE4PEJUA44CNHTC4"), /operator NKey seed/);
  assert.throws(() => new OperatorKeys(""), /operator NKey seed/);
});
