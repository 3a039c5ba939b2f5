import { getDb } from "@/lib/db/client";
import { bootState } from "./boot-state";

export type Readiness = {
  ready: boolean;
  checks: { database: string; nats: string; reconcile: string };
};

/** Readiness as `/api/ready` reports it: every part named with "ok" or what is wrong. */
export async function checkReadiness(): Promise<Readiness> {
  const state = bootState();
  let database = "ok";
  try {
    await getDb().$queryRaw`SELECT 1`;
  } catch (error) {
    database = `unreachable: ${(error as Error).message.split("\n")[0]}`;
  }
  const nats = state.system?.isConnected() ? "ok" : state.natsError ? `unreachable: ${state.natsError}` : "connecting";
  const reconcile = state.reconciled ? "ok" : "pending";
  return { ready: database === "ok" && nats === "ok" && reconcile === "ok", checks: { database, nats, reconcile } };
}
