import { loadConfig, type Env } from "@/lib/config/config";
import { OperatorKeys } from "./derive-keys";
import { OrgConnectionPool } from "./org-connection-pool";
import type { NatsRuntime } from "./provision-org-account";
import { SystemConnection } from "./system-connection";

/** A NATS runtime for one-off work (the CLI); fails fast when NATS is unreachable. `close()` when done. */
export async function openNatsRuntime(env: Env = process.env): Promise<NatsRuntime & { close(): Promise<void> }> {
  const config = loadConfig(env);
  const keys = new OperatorKeys(config.operatorSeed);
  const system = await SystemConnection.open({ url: config.natsUrl, keys, connectTimeoutMs: 5_000 });
  const pool = new OrgConnectionPool({ url: config.natsUrl, keys, capacity: config.natsPoolSize });
  return { keys, system, pool, close: async () => void (await Promise.all([pool.close(), system.close()])) };
}
