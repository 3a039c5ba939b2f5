import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { OperatorKeys } from "./derive-keys";
import { pushAccount } from "./push-account";
import type { SystemConnection } from "./system-connection";

export type NatsRuntime = { system: SystemConnection; keys: OperatorKeys };

const RECONCILER: AuditActor = { type: "system", label: "nats reconciler" };

/**
 * Pushes an org's account and records the outcome: on success the org is
 * `active` with the pushed claims' hash; on failure it keeps its status (a new
 * org stays `pending`) with the reason, for the reconciler to retry. Either
 * way the push is audited.
 */
export async function provisionOrgAccount(db: Db, nats: NatsRuntime, orgId: string, actor: AuditActor = RECONCILER): Promise<{ ok: boolean; error?: string }> {
  const org = await db.org.findUniqueOrThrow({ where: { id: orgId } });
  try {
    const pushed = await pushAccount(nats.system, nats.keys, org);
    await db.$transaction(async (tx) => {
      await tx.org.update({
        where: { id: org.id },
        data: { natsAccount: pushed.account, natsPushedAt: new Date(), natsClaimsHash: pushed.hash, natsError: null, status: "active" },
      });
      await recordAudit(tx, {
        action: "jwt.push",
        actor,
        orgId: org.id,
        target: { type: "nats_account", id: pushed.account, label: org.slug },
        detail: { tier: org.tier, hash: pushed.hash, previousHash: org.natsClaimsHash, changed: pushed.hash !== org.natsClaimsHash },
      });
    });
    return { ok: true };
  } catch (error) {
    const reason = (error as Error).message;
    await db.$transaction(async (tx) => {
      await tx.org.update({ where: { id: org.id }, data: { natsError: reason } });
      await recordAudit(tx, {
        action: "jwt.push",
        actor,
        orgId: org.id,
        target: { type: "org", id: org.id, label: org.slug },
        detail: { tier: org.tier, error: reason },
        outcome: "failure",
      });
    });
    return { ok: false, error: reason };
  }
}
