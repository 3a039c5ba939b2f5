import type { OperatorKeys } from "@/lib/nats/derive-keys";
import type { OrgConnectionPool } from "@/lib/nats/org-connection-pool";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import type { SystemConnection } from "@/lib/nats/system-connection";

/**
 * What the server has brought up so far. Kept on globalThis because Next
 * loads instrumentation and route handlers as separate module graphs.
 */
export type BootState = {
  startedAt: number;
  system?: SystemConnection;
  keys?: OperatorKeys;
  pool?: OrgConnectionPool;
  natsError?: string;
  reconciled: boolean;
  reconcileTimer?: NodeJS.Timeout;
};

const holder = globalThis as typeof globalThis & { __cordonBoot?: BootState };

export function bootState(): BootState {
  holder.__cordonBoot ??= { startedAt: Date.now(), reconciled: false };
  return holder.__cordonBoot;
}

/** The NATS system connection, keys and org connection pool, once boot connected them; null before. */
export function natsRuntime(): NatsRuntime | null {
  const state = bootState();
  return state.system && state.keys && state.pool ? { system: state.system, keys: state.keys, pool: state.pool } : null;
}
