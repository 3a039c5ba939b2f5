import type { Env } from "@/lib/config/config";
import { execFileSync } from "node:child_process";
import { accessSync, constants, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { OperatorKeys } from "@/lib/nats/derive-keys";
import { buildOperatorJwt, buildSystemAccountJwt } from "@/lib/nats/operator-jwts";
import { renderNatsServerConfig } from "@/lib/nats/server-config";
import { spawnManaged, type ManagedProcess } from "./managed-process";
import { StackError } from "./stack-error";
import { waitUntil } from "./wait-until";

export const NATS_SERVER_MISSING =
  "nats-server was not found on PATH: install it (Debian/Ubuntu: apt-get install nats-server), or set NATS_URL to a running operator-mode server.";

/** The nats-server binary: NATS_SERVER_BIN, else the first on PATH. */
export function findNatsServer(env: Env = process.env): string | undefined {
  if (env.NATS_SERVER_BIN) return env.NATS_SERVER_BIN;
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, "nats-server");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** `v2.9.10` from `nats-server --version`. */
export function natsServerVersion(binary: string): string {
  const output = execFileSync(binary, ["--version"]).toString().trim();
  return /v?\d+\.\d+\.\d+\S*/.exec(output)?.[0] ?? output;
}

export type NatsServerOptions = {
  binary: string;
  dir: string;
  port: number;
  monitorPort: number;
  keys: OperatorKeys;
  host?: string;
};

export type RunningNatsServer = {
  process: ManagedProcess;
  url: string;
  monitorUrl: string;
  stop(): Promise<void>;
};

/**
 * Runs nats-server in operator mode: it trusts the operator derived from
 * OPERATOR_SEED, keeps pushed accounts in `<dir>/jwt` and JetStream data in
 * `<dir>/jetstream`, both of which survive restarts.
 */
export async function startNatsServer(options: NatsServerOptions): Promise<RunningNatsServer> {
  const host = options.host ?? "127.0.0.1";
  const jwtDir = path.join(options.dir, "jwt");
  const jetStreamDir = path.join(options.dir, "jetstream");
  try {
    mkdirSync(jwtDir, { recursive: true });
    mkdirSync(jetStreamDir, { recursive: true });
  } catch (error) {
    throw new StackError(`Cannot write the NATS data directory ${options.dir} (${(error as Error).message}): set CORDON_DATA_DIR to a writable directory.`);
  }
  const operatorJwtPath = path.join(options.dir, "operator.jwt");
  writeFileSync(operatorJwtPath, await buildOperatorJwt(options.keys));
  const configPath = path.join(options.dir, "nats-server.conf");
  writeFileSync(
    configPath,
    renderNatsServerConfig({
      host,
      port: options.port,
      monitorPort: options.monitorPort,
      operatorJwtPath,
      systemAccountPublicKey: options.keys.systemAccount().getPublicKey(),
      systemAccountJwt: await buildSystemAccountJwt(options.keys),
      jwtDir,
      jetStreamDir,
    }),
  );

  const logFile = path.join(options.dir, "nats-server.log");
  const server = spawnManaged("nats-server", options.binary, ["-c", configPath], { logFile, stopSignal: "SIGTERM" });
  const monitorUrl = `http://${host}:${options.monitorPort}`;
  await waitUntil(async () => ((await fetch(`${monitorUrl}/healthz`)).ok ? true : undefined), {
    timeoutMs: 20_000,
    abort: server.exited,
    describe: () => `nats-server did not become healthy on port ${options.port}; see ${logFile}`,
  });
  return { process: server, url: `nats://${host}:${options.port}`, monitorUrl, stop: () => server.stop() };
}
