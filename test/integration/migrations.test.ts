import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { testDatabaseForFile } from "@/test/support/database";
import { prismaBin, repoRoot, runCommand } from "@/test/support/run-command";
import { makeTempDir } from "@/test/support/temp-dir";

const database = testDatabaseForFile({ empty: true });

const diffAgainst = (schemaPath: string) =>
  runCommand(prismaBin, ["migrate", "diff", "--from-config-datasource", "--to-schema", schemaPath, "--exit-code"], {
    ...process.env,
    DATABASE_URL: database.url,
  });

test("the committed migrations deploy to an empty database and match the schema exactly", async () => {
  const deploy = await runCommand(prismaBin, ["migrate", "deploy"], { ...process.env, DATABASE_URL: database.url });
  assert.equal(deploy.code, 0, deploy.stderr);
  assert.match(deploy.stdout, /successfully applied/);

  const diff = await diffAgainst(path.join(repoRoot, "prisma", "schema.prisma"));
  assert.equal(diff.code, 0, `schema and migrations differ:\n${diff.stdout}${diff.stderr}`);
});

test("the diff check notices a schema change that has no migration", async () => {
  const dir = makeTempDir("cordon-schema");
  try {
    const changed = path.join(dir.path, "schema.prisma");
    const schema = readFileSync(path.join(repoRoot, "prisma", "schema.prisma"), "utf8");
    writeFileSync(changed, schema.replace("model User {", "model User {\n  nickname String?"));
    const diff = await diffAgainst(changed);
    assert.equal(diff.code, 2, diff.stdout + diff.stderr);
    assert.match(diff.stdout, /nickname/);
  } finally {
    dir.remove();
  }
});
