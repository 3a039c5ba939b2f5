import assert from "node:assert/strict";
import { test } from "node:test";
import { loginWithPassword } from "@/lib/auth/login-with-password";
import { unlockAccount } from "@/lib/auth/unlock-account";
import { testDatabaseForFile } from "@/test/support/database";
import { createUser, lastEmailLink, STRONG_PASSWORD, testContext, tokenFromLink, setTestSecrets } from "@/test/support/identity";

setTestSecrets();
const database = testDatabaseForFile();

test("the account locks after exactly 5 failed passwords, and the emailed link unlocks it", async () => {
  const user = await createUser(database.db);
  const context = testContext();
  for (let attempt = 1; attempt <= 4; attempt++) {
    const result = await loginWithPassword(database.db, { email: user.email, password: `wrong password ${attempt}` }, context);
    assert.equal(result.status, "invalid", `attempt ${attempt}`);
  }
  assert.equal((await loginWithPassword(database.db, { email: user.email, password: "wrong password 5" }, context)).status, "locked");
  // Even the right password is refused while locked.
  assert.equal((await loginWithPassword(database.db, { email: user.email, password: STRONG_PASSWORD }, context)).status, "locked");
  const locked = await database.db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.ok(locked.lockedUntil && locked.lockedUntil.getTime() - Date.now() > 14 * 60 * 1000);
  assert.equal(await database.db.auditEvent.count({ where: { action: "user.lock", targetId: user.id } }), 1);
  assert.equal(await database.db.auditEvent.count({ where: { action: "login.failure", targetId: user.id } }), 5);

  const email = await lastEmailLink(database.db, user.email);
  assert.match(email.subject, /locked/);
  assert.equal(await unlockAccount(database.db, tokenFromLink(email.link), context), true);
  assert.equal(await unlockAccount(database.db, tokenFromLink(email.link), context), false, "an unlock link works once");
  assert.equal((await loginWithPassword(database.db, { email: user.email, password: STRONG_PASSWORD }, context)).status, "signed_in");
});

test("a success resets the count: failures must be consecutive to lock", async () => {
  const user = await createUser(database.db);
  const context = testContext();
  for (let round = 0; round < 2; round++) {
    for (let attempt = 0; attempt < 4; attempt++) await loginWithPassword(database.db, { email: user.email, password: "nope nope nope" }, context);
    assert.equal((await loginWithPassword(database.db, { email: user.email, password: STRONG_PASSWORD }, context)).status, "signed_in");
  }
});

test("unknown emails and wrong passwords get the same answers, lockout included", async () => {
  const user = await createUser(database.db);
  const context = testContext();
  const unknown = "nobody-here@example.com";
  const statuses = async (email: string) => {
    const seen: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) seen.push((await loginWithPassword(database.db, { email, password: "not the password" }, context)).status);
    return seen;
  };
  assert.deepEqual(await statuses(unknown), await statuses(user.email));
});

test("unknown emails and wrong passwords cost the same work (one Argon2 verification each)", async () => {
  const user = await createUser(database.db);
  // CPU time, not wall time: it counts the work done (Argon2 runs on this process's
  // thread pool) and does not swing with other load on the machine.
  const cpuMs = async (email: string) => {
    const before = process.cpuUsage();
    await loginWithPassword(database.db, { email, password: "not the password" }, testContext());
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 5; i++) {
    known.push(await cpuMs(user.email));
    unknown.push(await cpuMs(`ghost-${i}@example.com`));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[2];
  const ratio = median(known) / median(unknown);
  assert.ok(median(unknown) > 20, `an unknown email must still pay for a password verification (${median(unknown).toFixed(1)} ms CPU)`);
  assert.ok(ratio > 0.5 && ratio < 2, `known ${median(known).toFixed(1)} ms vs unknown ${median(unknown).toFixed(1)} ms CPU`);
});

test("the per-IP limit stops a password spray across many accounts", async () => {
  const context = testContext("203.0.113.77");
  const results: string[] = [];
  for (let i = 0; i < 31; i++) results.push((await loginWithPassword(database.db, { email: `spray-${i}@example.com`, password: "x" }, context)).status);
  assert.equal(results.at(-1), "rate_limited");
  assert.ok(results.slice(0, 30).every((status) => status !== "rate_limited"));
});
