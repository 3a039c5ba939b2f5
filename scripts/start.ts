// `npm start`: the whole local stack from a fresh clone. Generates secrets
// once, runs PostgreSQL and an operator-mode nats-server (unless DATABASE_URL /
// NATS_URL name existing ones), applies migrations, builds if needed and serves
// the app. Ctrl-C stops every child by its process group.
import { execFileSync, type ExecFileSyncOptions } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { LOCAL_STACK_DEFAULTS } from "@/lib/config/config";
import { OperatorKeys } from "@/lib/nats/derive-keys";
import { ensureSecrets } from "@/lib/stack/ensure-secrets";
import { InstanceLock } from "@/lib/stack/instance-lock";
import { spawnManaged, type ManagedProcess } from "@/lib/stack/managed-process";
import { findNatsServer, NATS_SERVER_MISSING, startNatsServer } from "@/lib/stack/nats-server";
import { assertPortFree } from "@/lib/stack/ports";
import { ensureDatabase, startPostgres } from "@/lib/stack/postgres";
import { StackError } from "@/lib/stack/stack-error";
import { waitUntil } from "@/lib/stack/wait-until";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const started = Date.now();
const children: ManagedProcess[] = [];
let lock: InstanceLock | undefined;

const say = (message: string) => console.log(`[cordon] ${message}`);
const numberFromEnv = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

let shutdown: Promise<never> | undefined;

/**
 * Stops every child (newest first) and exits. Runs once: a second Ctrl-C, or
 * the SIGTERM that npm and tsx forward, waits for the same shutdown instead
 * of exiting before postgres and nats-server are down.
 */
function stopAll(exitCode: number): Promise<never> {
  shutdown ??= (async () => {
    for (const child of [...children].reverse()) {
      say(`stopping ${child.name}…`);
      await child.stop();
    }
    lock?.release();
    process.exit(exitCode);
  })();
  return shutdown;
}

function watch(child: ManagedProcess) {
  children.push(child);
  lock?.recordGroup(child.child.pid);
  void child.exited.then((code) => {
    if (shutdown) return; // we are stopping it
    console.error(`[cordon] ${child.name} exited unexpectedly (code ${code}); stopping the stack.`);
    void stopAll(1);
  });
}

/** Runs a one-off step; its own output has said what went wrong, so the failure is one line. */
function runStep(name: string, command: string, args: string[], options: ExecFileSyncOptions) {
  try {
    execFileSync(command, args, options);
  } catch {
    throw new StackError(`${name} failed (see its output above).`);
  }
}

async function main() {
  const dataDir = path.resolve(process.env.CORDON_DATA_DIR ?? path.join(root, ".cordon"));
  const appPort = numberFromEnv("PORT", LOCAL_STACK_DEFAULTS.appPort);
  const host = process.env.HOSTNAME ?? "0.0.0.0";
  // The local stack shows emails at /dev/mail unless an SMTP server is configured.
  const env: NodeJS.ProcessEnv = { CORDON_DEV_MAIL: "1", ...process.env };

  // Check the cheap things first, so a broken machine fails before anything starts.
  const natsBinary = env.NATS_URL ? undefined : findNatsServer(env);
  if (!env.NATS_URL && !natsBinary) throw new StackError(NATS_SERVER_MISSING);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new StackError(`Cannot create the data directory ${dataDir} (${(error as Error).message}): set CORDON_DATA_DIR to a writable directory.`);
  }
  lock = InstanceLock.acquire(path.join(dataDir, "cordon.lock"));
  await assertPortFree(appPort, host, "the app", "PORT");

  Object.assign(env, ensureSecrets(path.join(root, ".env.local"), env));

  if (!env.DATABASE_URL) {
    const port = numberFromEnv("CORDON_PG_PORT", LOCAL_STACK_DEFAULTS.pgPort);
    await assertPortFree(port, "127.0.0.1", "PostgreSQL", "CORDON_PG_PORT");
    say(`starting PostgreSQL on 127.0.0.1:${port} (data in ${path.join(dataDir, "postgres")})`);
    const postgres = await startPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port,
      user: LOCAL_STACK_DEFAULTS.pgUser,
      password: env.CORDON_PG_PASSWORD!,
      logFile: path.join(dataDir, "postgres.log"),
    });
    watch(postgres.process);
    await ensureDatabase(postgres.url("postgres"), LOCAL_STACK_DEFAULTS.pgDatabase);
    env.DATABASE_URL = postgres.url(LOCAL_STACK_DEFAULTS.pgDatabase);
  }

  if (!env.NATS_URL) {
    const port = numberFromEnv("CORDON_NATS_PORT", LOCAL_STACK_DEFAULTS.natsPort);
    const monitorPort = numberFromEnv("CORDON_NATS_MONITOR_PORT", LOCAL_STACK_DEFAULTS.natsMonitorPort);
    await assertPortFree(port, "127.0.0.1", "NATS", "CORDON_NATS_PORT");
    await assertPortFree(monitorPort, "127.0.0.1", "NATS monitoring", "CORDON_NATS_MONITOR_PORT");
    say(`starting nats-server (operator mode) on 127.0.0.1:${port}`);
    const nats = await startNatsServer({
      binary: natsBinary!,
      dir: path.join(dataDir, "nats"),
      port,
      monitorPort,
      keys: new OperatorKeys(env.OPERATOR_SEED!),
    });
    watch(nats.process);
    env.NATS_URL = nats.url;
  }

  say("applying database migrations");
  runStep("prisma migrate deploy", path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });

  const next = path.join(root, "node_modules", ".bin", "next");
  if (!dev && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    say("building the app (first run only; takes a minute or two)");
    runStep("next build", next, ["build"], { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
  }

  const args = dev ? ["dev", "-p", String(appPort), "-H", host] : ["start", "-p", String(appPort), "-H", host];
  const app = spawnManaged("app", next, args, { cwd: root, env: { ...env, NODE_ENV: dev ? "development" : "production" } });
  watch(app);

  const readyUrl = `http://127.0.0.1:${appPort}/api/ready`;
  await waitUntil(async () => ((await fetch(readyUrl)).ok ? true : undefined), {
    timeoutMs: 180_000,
    intervalMs: 500,
    abort: app.exited,
    describe: () => `the app did not become ready; see ${readyUrl}`,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(`Cordon is ready at http://localhost:${appPort} (${seconds}s). Press Ctrl-C to stop.`);
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));
main().catch((error: unknown) => {
  const message = error instanceof StackError ? error.message : ((error as Error).stack ?? String(error));
  console.error(`[cordon] ${message}`);
  void stopAll(1);
});
