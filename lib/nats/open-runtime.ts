import { loadConfig, type Env } from "@/lib/config/config";
import { OperatorKeys } from "./derive-keys";
import type { NatsRuntime } from "./provision-org-account";
import { SystemConnection } from "./system-connection";

/** A system connection for one-off work (the CLI); fails fast when NATS is unreachable. */
export async function openNatsRuntime(env: Env = process.env): Promise<NatsRuntime> {
  const config = loadConfig(env);
  const keys = new OperatorKeys(config.operatorSeed);
  return { keys, system: await SystemConnection.open({ url: config.natsUrl, keys, connectTimeoutMs: 5_000 }) };
}
