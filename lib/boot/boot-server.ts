import { loadConfig } from "@/lib/config/config";
import { OperatorKeys } from "@/lib/nats/derive-keys";
import { SystemConnection } from "@/lib/nats/system-connection";
import { bootState } from "./boot-state";

/**
 * The server's boot sequence: connect the system account (retrying until the
 * server answers), then reconcile NATS with the database. `/api/ready` stays
 * 503 until both are done.
 */
export async function bootServer(): Promise<void> {
  const state = bootState();
  if (state.system) return;
  const config = loadConfig();
  try {
    state.system = await SystemConnection.open({ url: config.natsUrl, keys: new OperatorKeys(config.operatorSeed), waitOnFirstConnect: true });
    state.natsError = undefined;
  } catch (error) {
    state.natsError = (error as Error).message;
    console.error(`[boot] NATS system connection failed: ${state.natsError}`);
    return;
  }
  // Nothing in NATS is derived from the database yet: the account reconciler
  // joins here when organisations get their own accounts.
  state.reconciled = true;
  console.log(`[boot] ready in ${Date.now() - state.startedAt} ms`);
}
