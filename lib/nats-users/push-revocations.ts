import type { AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { NATS_NOT_CONNECTED } from "@/lib/nats/get-account-usage";
import { provisionOrgAccount, type NatsRuntime } from "@/lib/nats/provision-org-account";

export type RevocationPush = { ok: boolean; error?: string };

/**
 * Pushes the org's account after a key was revoked, so the servers cut that
 * key's connections now. Without NATS the org keeps the reason (`natsError`)
 * and the reconciler pushes it once NATS is back; the revocation itself is
 * already committed.
 */
export async function pushRevocations(db: Db, nats: NatsRuntime | null, orgId: string, actor: AuditActor): Promise<RevocationPush> {
  if (nats) return provisionOrgAccount(db, nats, orgId, actor);
  await db.org.update({ where: { id: orgId }, data: { natsError: `${NATS_NOT_CONNECTED}; a revoked NATS user is cut off once it is` } });
  return { ok: false, error: NATS_NOT_CONNECTED };
}
