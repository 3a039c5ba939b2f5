import { runBillingCycle } from "@/lib/billing/run-billing-cycle";
import { loadConfig } from "@/lib/config/config";
import { RELAY_BATCH, relayAuditOutbox } from "@/lib/audit/relay-audit-outbox";
import { getDb } from "@/lib/db/client";
import { OperatorKeys } from "@/lib/nats/derive-keys";
import { OrgConnectionPool } from "@/lib/nats/org-connection-pool";
import { reconcileAccounts } from "@/lib/nats/reconcile-accounts";
import { purgeDeletedOrgs } from "@/lib/orgs/purge-deleted-orgs";
import { SystemConnection } from "@/lib/nats/system-connection";
import { bootState, natsRuntime } from "./boot-state";

/** How often orgs whose account is not yet pushed are retried. */
const RETRY_INTERVAL_MS = 5_000;

/**
 * The server's boot sequence: connect the system account (retrying until the
 * server answers), push every org's account and ensure its streams (through
 * the org connection pool, which connects lazily), then mark ready. `/api/ready`
 * stays 503 until this is done. Afterwards a loop retries any org that is
 * still pending or whose last push failed.
 */
export async function bootServer(): Promise<void> {
  const state = bootState();
  if (state.system) return;
  const config = loadConfig();
  try {
    state.keys = new OperatorKeys(config.operatorSeed);
    state.system = await SystemConnection.open({ url: config.natsUrl, keys: state.keys, waitOnFirstConnect: true });
    state.pool = new OrgConnectionPool({ url: config.natsUrl, keys: state.keys, capacity: config.natsPoolSize });
    state.natsError = undefined;
  } catch (error) {
    state.natsError = (error as Error).message;
    console.error(`[boot] NATS system connection failed: ${state.natsError}`);
    return;
  }
  const report = await reconcileAccounts(getDb(), natsRuntime()!);
  state.reconciled = true;
  console.log(
    `[boot] ready in ${Date.now() - state.startedAt} ms (${report.pushed}/${report.orgs} accounts pushed in ${report.ms} ms, ${report.failed} failed)`,
  );
  state.reconcileTimer = setInterval(() => void retryUnconverged(), RETRY_INTERVAL_MS);
  state.reconcileTimer.unref();
}

let retrying = false;
async function retryUnconverged(): Promise<void> {
  const nats = natsRuntime();
  if (retrying || !nats?.system.isConnected()) return;
  retrying = true;
  try {
    const report = await reconcileAccounts(getDb(), nats, { onlyUnconverged: true });
    if (report.orgs) console.log(`[reconcile] ${report.pushed} pushed, ${report.failed} still failing`);
    // Committed audit events go out to each org's audit.<action> (at least once; NATS down only delays them).
    let relayed;
    do relayed = await relayAuditOutbox(getDb(), nats);
    while (relayed.published === RELAY_BATCH);
    // Orgs past their deletion grace period lose their NATS account (one cheap query when none is due).
    const purge = await purgeDeletedOrgs(getDb(), nats);
    if (purge.due) console.log(`[purge] ${purge.deleted.length} accounts deleted, ${purge.failed.length} failed`);
    await runBillingCycle(getDb(), nats); // usage metering and invoices, at most once a minute
  } catch (error) {
    console.error(`[reconcile] ${(error as Error).message}`);
  } finally {
    retrying = false;
  }
}

/** Stops the retry loop, the org connections and the system connection (tests, shutdown). */
export async function stopServer(): Promise<void> {
  const state = bootState();
  if (state.reconcileTimer) clearInterval(state.reconcileTimer);
  await state.pool?.close();
  state.pool = undefined;
  await state.system?.close();
  state.system = undefined;
}
