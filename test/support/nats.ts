import { bootState } from "@/lib/boot/boot-state";
import { OperatorKeys } from "@/lib/nats/derive-keys";
import { generateOperatorSeed } from "@/lib/nats/key-pair";
import { OrgConnectionPool } from "@/lib/nats/org-connection-pool";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { SystemConnection } from "@/lib/nats/system-connection";
import { findNatsServer, NATS_SERVER_MISSING, startNatsServer, type RunningNatsServer } from "@/lib/stack/nats-server";
import { findFreePort } from "@/lib/stack/ports";
import { makeTempDir } from "./temp-dir";

export type TestNats = {
  url: string;
  monitorUrl: string;
  operatorSeed: string;
  keys: OperatorKeys;
  /** Stops the server but keeps its data, so `start()` brings the same accounts back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  dispose(): Promise<void>;
};

/** A real nats-server in operator mode, on free loopback ports, with its own operator. */
export async function startTestNats(): Promise<TestNats> {
  const binary = findNatsServer();
  if (!binary) throw new Error(NATS_SERVER_MISSING);
  const dir = makeTempDir("cordon-test-nats");
  const operatorSeed = generateOperatorSeed();
  const keys = new OperatorKeys(operatorSeed);
  const port = await findFreePort();
  const monitorPort = await findFreePort();
  let server: RunningNatsServer | undefined;
  const start = async () => {
    server = await startNatsServer({ binary, dir: dir.path, port, monitorPort, keys });
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    monitorUrl: `http://127.0.0.1:${monitorPort}`,
    operatorSeed,
    keys,
    start,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async dispose() {
      await server?.stop();
      dir.remove();
    },
  };
}

/**
 * The runtime Cordon's NATS use cases take (system connection, keys, org
 * connection pool), against a test server; `close()` when done. `asBoot`
 * also installs it where boot would, for code that finds it through
 * `natsRuntime()` (API route handlers); `close()` removes it again.
 */
export async function openTestRuntime(
  nats: TestNats,
  options: { poolCapacity?: number; asBoot?: boolean } = {},
): Promise<NatsRuntime & { close(): Promise<void> }> {
  const system = await SystemConnection.open({ url: nats.url, keys: nats.keys });
  const pool = new OrgConnectionPool({ url: nats.url, keys: nats.keys, capacity: options.poolCapacity });
  if (options.asBoot) Object.assign(bootState(), { system, keys: nats.keys, pool });
  const close = async () => {
    if (options.asBoot) Object.assign(bootState(), { system: undefined, keys: undefined, pool: undefined });
    await Promise.all([pool.close(), system.close()]);
  };
  return { system, keys: nats.keys, pool, close };
}
