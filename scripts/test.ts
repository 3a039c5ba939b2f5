// `npm test`: typecheck, lint, unit, integration (real PostgreSQL + real
// nats-server), e2e (Playwright in Debian's Chromium against a production
// build started like `npm start`). `npm test -- unit integration` runs only
// those stages; any other argument narrows unit/integration to test files whose
// path contains it (`npm test -- integration streams`). Ends with one line:
// `N passed, N failed`.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { findFreePort } from "@/lib/stack/ports";
import { ensureDatabase, startPostgres } from "@/lib/stack/postgres";
import { makeTempDir } from "@/test/support/temp-dir";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const STAGES = ["typecheck", "lint", "unit", "integration", "e2e"] as const;
type Stage = (typeof STAGES)[number];
type Counts = { passed: number; failed: number; skipped: number };

const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const stageResults: string[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const fileFilters = process.argv.slice(2).filter((arg) => !STAGES.includes(arg as Stage));

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts") && (!fileFilters.length || fileFilters.some((filter) => file.includes(filter))))
    .map((file) => path.join(dir, file))
    .sort();
}

function add(stage: string, counts: Counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  stageResults.push(`${stage}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`);
}

/** Runs files with node's test runner; counts come from a TAP copy of its report. */
async function nodeTests(stage: string, files: string[], env: NodeJS.ProcessEnv, concurrency: number): Promise<void> {
  if (!files.length) throw new Error(`no ${stage} tests found`);
  const tmp = makeTempDir(`cordon-${stage}-report`);
  const tapFile = path.join(tmp.path, "report.tap");
  const code = await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "--test",
      `--test-concurrency=${concurrency}`,
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      "--test-reporter=tap",
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    env,
  );
  const tap = existsSync(tapFile) ? readFileSync(tapFile, "utf8") : "";
  tmp.remove();
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, "m").exec(tap)?.[1] ?? 0);
  const counts = { passed: count("pass"), failed: count("fail") + count("cancelled"), skipped: count("skipped") + count("todo") };
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // the runner itself failed
  add(stage, counts);
}

async function integration(): Promise<void> {
  const dataDir = makeTempDir("cordon-test-pg");
  const port = await findFreePort();
  const postgres = await startPostgres({
    dataDir: path.join(dataDir.path, "data"),
    port,
    user: "cordon",
    password: "cordon-test",
    logFile: path.join(dataDir.path, "postgres.log"),
  });
  try {
    const template = "cordon_template";
    await ensureDatabase(postgres.url("postgres"), template);
    const migrated = await run(bin("prisma"), ["migrate", "deploy"], { ...process.env, DATABASE_URL: postgres.url(template) });
    if (migrated !== 0) throw new Error("prisma migrate deploy failed on the template database");
    await nodeTests(
      "integration",
      testFiles(path.join(root, "test", "integration")),
      { ...process.env, TEST_PG_ADMIN_URL: postgres.url("postgres"), TEST_PG_TEMPLATE: template },
      2,
    );
  } finally {
    await postgres.stop();
    dataDir.remove();
  }
}

async function e2e(): Promise<void> {
  if (!existsSync("/usr/bin/chromium") && !process.env.CHROMIUM_PATH) throw new Error("Chromium is missing: apt-get install chromium (or set CHROMIUM_PATH)");
  if ((await run(bin("next"), ["build"], { ...process.env, NODE_ENV: "production" })) !== 0) throw new Error("next build failed");
  const dataDir = makeTempDir("cordon-e2e");
  const reportDir = makeTempDir("cordon-e2e-report");
  const jsonReport = path.join(reportDir.path, "report.json");
  const env = {
    ...process.env,
    E2E_DATA_DIR: dataDir.path,
    E2E_PORT: String(await findFreePort()),
    E2E_PG_PORT: String(await findFreePort()),
    E2E_NATS_PORT: String(await findFreePort()),
    E2E_NATS_MONITOR_PORT: String(await findFreePort()),
    PLAYWRIGHT_JSON_OUTPUT_NAME: jsonReport,
  };
  const code = await run(bin("playwright"), ["test", "--reporter=list,json"], env);
  const stats = existsSync(jsonReport) ? JSON.parse(readFileSync(jsonReport, "utf8")).stats : undefined;
  dataDir.remove();
  reportDir.remove();
  const counts = { passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0), failed: stats?.unexpected ?? 0, skipped: stats?.skipped ?? 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  add("e2e", counts);
}

async function main(): Promise<number> {
  const requested = process.argv.slice(2).filter((arg) => STAGES.includes(arg as Stage)) as Stage[];
  const stages = requested.length ? requested : [...STAGES];
  for (const stage of stages) {
    console.log(`\n=== ${stage} ===`);
    const started = Date.now();
    try {
      if (stage === "typecheck" || stage === "lint") {
        const code =
          stage === "typecheck"
            ? await run(bin("tsc"), ["--noEmit"])
            : (await run(bin("eslint"), [".", "--max-warnings", "0"])) || (await run(bin("prettier"), ["--check", "--log-level=warn", "."]));
        add(stage, { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
      } else if (stage === "unit") {
        await nodeTests("unit", testFiles(path.join(root, "test", "unit")), process.env, 2);
      } else if (stage === "integration") {
        await integration();
      } else {
        await e2e();
      }
    } catch (error) {
      console.error(`${stage} could not run: ${(error as Error).message}`);
      add(stage, { passed: 0, failed: 1, skipped: 0 });
    }
    console.log(`=== ${stage} took ${((Date.now() - started) / 1000).toFixed(1)}s ===`);
  }
  console.log(`\n${stageResults.join("\n")}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
  return totals.failed ? 1 : 0;
}

process.exitCode = await main();
