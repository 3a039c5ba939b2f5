import type { Org } from "@/generated/prisma/client";
import { recordAuditBatch, type AuditActor, type AuditEventInput } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import type { OperatorKeys } from "./derive-keys";
import { pushAccount } from "./push-account";
import type { SystemConnection } from "./system-connection";

export type NatsRuntime = { system: SystemConnection; keys: OperatorKeys };

export const RECONCILER: AuditActor = { type: "system", label: "nats reconciler" };

export type PushOutcome = { org: Org } & ({ ok: true; account: string; hash: string } | { ok: false; error: string });

/** Pushes one org's account; failures are an outcome, not an exception. */
export async function pushOrgAccount(nats: NatsRuntime, org: Org): Promise<PushOutcome> {
  try {
    const pushed = await pushAccount(nats.system, nats.keys, org);
    return { org, ok: true, account: pushed.account, hash: pushed.hash };
  } catch (error) {
    return { org, ok: false, error: (error as Error).message };
  }
}

/**
 * Records push outcomes in one statement per kind plus one audit insert: a
 * success makes the org `active` with the pushed claims' hash; a failure keeps
 * its status (a new org stays `pending`) with the reason, for the reconciler to
 * retry. Every push is audited.
 */
export async function recordPushOutcomes(tx: Tx, outcomes: PushOutcome[], actor: AuditActor = RECONCILER): Promise<void> {
  const pushed = outcomes.filter((o): o is Extract<PushOutcome, { ok: true }> => o.ok);
  const failed = outcomes.filter((o): o is Extract<PushOutcome, { ok: false }> => !o.ok);
  if (pushed.length) {
    await tx.$executeRaw`
      UPDATE "Org" AS o SET "natsAccount" = v.account, "natsClaimsHash" = v.hash, "natsError" = NULL, "natsPushedAt" = now(), status = 'active', "updatedAt" = now()
      FROM (SELECT unnest(${pushed.map((o) => o.org.id)}::uuid[]) AS id, unnest(${pushed.map((o) => o.account)}::text[]) AS account, unnest(${pushed.map((o) => o.hash)}::text[]) AS hash) AS v
      WHERE o.id = v.id`;
  }
  if (failed.length) {
    await tx.$executeRaw`
      UPDATE "Org" AS o SET "natsError" = v.error, "updatedAt" = now()
      FROM (SELECT unnest(${failed.map((o) => o.org.id)}::uuid[]) AS id, unnest(${failed.map((o) => o.error)}::text[]) AS error) AS v
      WHERE o.id = v.id`;
  }
  const events: AuditEventInput[] = outcomes.map((o) =>
    o.ok
      ? {
          action: "jwt.push",
          actor,
          orgId: o.org.id,
          target: { type: "nats_account", id: o.account, label: o.org.slug },
          detail: { tier: o.org.tier, hash: o.hash, previousHash: o.org.natsClaimsHash, changed: o.hash !== o.org.natsClaimsHash },
        }
      : {
          action: "jwt.push",
          actor,
          orgId: o.org.id,
          target: { type: "org", id: o.org.id, label: o.org.slug },
          detail: { tier: o.org.tier, error: o.error },
          outcome: "failure",
        },
  );
  await recordAuditBatch(tx, events);
}

/** Pushes one org's account now and records the outcome (after creating an org, after a plan change). */
export async function provisionOrgAccount(db: Db, nats: NatsRuntime, orgId: string, actor: AuditActor = RECONCILER): Promise<{ ok: boolean; error?: string }> {
  const outcome = await pushOrgAccount(nats, await db.org.findUniqueOrThrow({ where: { id: orgId } }));
  await db.$transaction((tx) => recordPushOutcomes(tx, [outcome], actor));
  return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
}
