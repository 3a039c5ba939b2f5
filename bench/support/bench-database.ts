import { execFileSync } from "node:child_process";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/client";
import { findFreePort } from "@/lib/stack/ports";
import { ensureDatabase, startPostgres } from "@/lib/stack/postgres";
import { makeTempDir } from "@/test/support/temp-dir";

const root = path.resolve(import.meta.dirname, "..", "..");

/** A throwaway embedded PostgreSQL with the migrations applied, for benchmarks. */
export async function startBenchDatabase(): Promise<{ db: Db; url: string; stop(): Promise<void> }> {
  const dir = makeTempDir("cordon-bench");
  const postgres = await startPostgres({
    dataDir: path.join(dir.path, "data"),
    port: await findFreePort(),
    user: "cordon",
    password: "bench",
    logFile: path.join(dir.path, "pg.log"),
  });
  await ensureDatabase(postgres.url("postgres"), "bench");
  const url = postgres.url("bench");
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  const db = createDb(url);
  return {
    db,
    url,
    async stop() {
      await db.$disconnect();
      await postgres.stop();
      dir.remove();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
