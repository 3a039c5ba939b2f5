import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ConfigError, loadConfig } from "@/lib/config/config";
import { generateOperatorSeed } from "@/lib/nats/key-pair";
import { ensureSecrets } from "@/lib/stack/ensure-secrets";
import { readEnvFile } from "@/lib/stack/env-file";

const base = { OPERATOR_SEED: generateOperatorSeed(), AUTH_SECRET: "x".repeat(43) };

test("without URLs, config points at the local stack", () => {
  const config = loadConfig({ ...base, CORDON_PG_PASSWORD: "p@ss word" });
  assert.equal(config.databaseUrl, "postgresql://cordon:p%40ss%20word@127.0.0.1:54320/cordon");
  assert.equal(config.natsUrl, "nats://127.0.0.1:4222");
});

test("explicit URLs and ports win", () => {
  const config = loadConfig({ ...base, DATABASE_URL: "postgres://u:p@db:5432/x", NATS_URL: "nats://nats:4222" });
  assert.equal(config.databaseUrl, "postgres://u:p@db:5432/x");
  assert.equal(config.natsUrl, "nats://nats:4222");
  assert.equal(loadConfig({ ...base, CORDON_NATS_PORT: "5000" }).natsUrl, "nats://127.0.0.1:5000");
});

test("bad or missing values are named in the error", () => {
  assert.throws(
    () => loadConfig({ AUTH_SECRET: base.AUTH_SECRET }),
    (error: Error) => error instanceof ConfigError && /OPERATOR_SEED/.test(error.message),
  );
  assert.throws(() => loadConfig({ ...base, AUTH_SECRET: "short" }), /AUTH_SECRET must be at least 32/);
  assert.throws(() => loadConfig({ ...base, DATABASE_URL: "mysql://x" }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ ...base, NATS_URL: "http://x" }), /NATS_URL must look like/);
});

test("secrets are generated once, reused, and overridden by the environment", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cordon-secrets-"));
  try {
    const file = path.join(dir, ".env.local");
    const first = ensureSecrets(file, {});
    assert.match(first.OPERATOR_SEED, /^SO/);
    assert.ok(first.AUTH_SECRET.length >= 32);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(ensureSecrets(file, {}), first);
    assert.equal(ensureSecrets(file, { AUTH_SECRET: "from-env".repeat(5) }).AUTH_SECRET, "from-env".repeat(5));
    assert.equal(readEnvFile(file).AUTH_SECRET, first.AUTH_SECRET);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a partial secrets file is completed, keeping what it had", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cordon-secrets-"));
  try {
    const file = path.join(dir, ".env.local");
    writeFileSync(file, "# mine\nAUTH_SECRET='kept-secret-kept-secret-kept-secret'\n");
    const secrets = ensureSecrets(file, {});
    assert.equal(secrets.AUTH_SECRET, "kept-secret-kept-secret-kept-secret");
    assert.match(readFileSync(file, "utf8"), /OPERATOR_SEED=SO/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
