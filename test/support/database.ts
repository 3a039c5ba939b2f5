import { randomBytes } from "node:crypto";
import { after, before } from "node:test";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";

export type TestDatabase = { name: string; url: string; db: Db; drop(): Promise<void> };

function harnessEnv() {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (!adminUrl || !template) throw new Error("Integration tests need the harness's PostgreSQL: run them with `npm test` (or `npm run test:integration`).");
  return { adminUrl, template };
}

export function databaseUrl(name: string): string {
  const url = new URL(harnessEnv().adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: harnessEnv().adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new database for one test file, copied from the migrated template (fast:
 * no migrations per file). Sets DATABASE_URL so code under test that uses
 * the process-wide client talks to it.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const { template } = harnessEnv();
  const name = `test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}${options.empty ? "" : ` TEMPLATE ${template}`}`);
  const url = databaseUrl(name);
  process.env.DATABASE_URL = url;
  const db = createDb(url);
  return {
    name,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * A fresh database for the test file that calls it: created before its
 * tests, dropped after. Read `.db` / `.url` inside tests.
 */
export function testDatabaseForFile(options: { empty?: boolean } = {}): { readonly db: Db; readonly url: string } {
  let database: TestDatabase | undefined;
  before(async () => {
    database = await createTestDatabase(options);
  });
  after(async () => {
    await database?.drop();
  });
  const current = () => {
    if (!database) throw new Error("the test database exists only while tests run");
    return database;
  };
  return {
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
  };
}
