import { recordAuditBatch, type AuditActor, type AuditEventInput } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { AccountState } from "./build-account-claims";
import { RECONCILER, type NatsRuntime } from "./provision-org-account";
import { PushError, pushSignedAccount, signAccountJwt, type PushResult, type SignedAccount } from "./push-account";
import type { SystemConnection } from "./system-connection";

/** One account's change: the state NATS holds now and the state to push. */
export type AccountChange = { before: AccountState; after: AccountState };

/** Sends one signed JWT; a parameter so a test can make a chosen push fail. */
export type PushSigned = (system: SystemConnection, signed: SignedAccount) => Promise<PushResult>;

export type AccountRef = { orgId: string; slug: string; account: string };

export type MultiPushReport =
  | { ok: true; pushed: AccountRef[] }
  | {
      ok: false;
      failed: AccountRef & { error: string };
      /** Every account the failed push may have reached, with whether its before state was restored. */
      rolledBack: (AccountRef & { ok: boolean; error?: string })[];
      rollbackOk: boolean;
    };

/**
 * Pushes several accounts as one change: all or nothing. Every JWT (after,
 * and before for a rollback) is built and signed before anything is sent, so
 * a change that cannot be built pushes nothing. Then the accounts are pushed
 * in order; when one fails, the before state is re-pushed to it and to every
 * account pushed before it, newest first. The failed account is included
 * because a push that timed out may still have been applied.
 *
 * The org rows are the caller's: they should hold the before state until
 * this returns ok. Only the pushed claims' hash is recorded here, and an
 * account whose rollback failed gets the error (`natsError`), so the
 * reconciler converges it to the database.
 */
export async function pushAccountsWithRollback(
  db: Db,
  nats: NatsRuntime,
  changes: AccountChange[],
  options: { actor?: AuditActor; push?: PushSigned } = {},
): Promise<MultiPushReport> {
  const { actor = RECONCILER, push = pushSignedAccount } = options;
  const signed = await Promise.all(
    changes.map(async (change) => {
      try {
        return { change, after: await signAccountJwt(nats.keys, change.after), before: await signAccountJwt(nats.keys, change.before) };
      } catch (error) {
        throw new PushError(`nothing was pushed: the account of ${change.after.slug} could not be built: ${(error as Error).message}`);
      }
    }),
  );
  // A deleted org's account is never pushed again (its purge may already have removed it).
  const deleted = await db.org.findMany({ where: { id: { in: changes.map((c) => c.after.id) }, deletedAt: { not: null } }, select: { slug: true } });
  if (deleted.length) throw new PushError(`nothing was pushed: ${deleted.map((o) => o.slug).join(", ")} is deleted`);
  const ref = (s: (typeof signed)[number]): AccountRef => ({ orgId: s.change.after.id, slug: s.change.after.slug, account: s.after.account });

  let failedAt = -1;
  let failure = "";
  for (const [index, s] of signed.entries()) {
    try {
      await push(nats.system, s.after);
    } catch (error) {
      failedAt = index;
      failure = (error as Error).message;
      break;
    }
  }

  const pushes = signed.slice(0, failedAt === -1 ? signed.length : failedAt + 1).map((s, index): AuditEventInput => {
    const failedHere = index === failedAt;
    return {
      action: "jwt.push",
      actor,
      orgId: s.change.after.id,
      target: { type: "nats_account", id: s.after.account, label: s.change.after.slug },
      detail: { tier: s.change.after.tier, hash: s.after.hash, multiAccount: signed.length, ...(failedHere ? { error: failure } : {}) },
      outcome: failedHere ? "failure" : "success",
    };
  });
  if (failedAt === -1) {
    await db.$transaction(async (tx) => {
      for (const s of signed) await tx.org.update({ where: { id: s.change.after.id }, data: { natsClaimsHash: s.after.hash, natsPushedAt: new Date() } });
      await recordAuditBatch(tx, pushes);
    });
    return { ok: true, pushed: signed.map(ref) };
  }

  const rolledBack: (AccountRef & { ok: boolean; error?: string })[] = [];
  for (const s of signed.slice(0, failedAt + 1).reverse()) {
    try {
      await push(nats.system, s.before);
      rolledBack.push({ ...ref(s), ok: true });
    } catch (error) {
      rolledBack.push({ ...ref(s), ok: false, error: (error as Error).message });
    }
  }
  const failed = { ...ref(signed[failedAt]), error: failure };
  await db.$transaction(async (tx) => {
    // A restored account matches the database again; one whose rollback failed is left for the reconciler.
    for (const r of rolledBack.filter((r) => !r.ok)) {
      await tx.org.update({ where: { id: r.orgId }, data: { natsError: `a multi-account push failed and restoring this account failed too: ${r.error}` } });
    }
    await recordAuditBatch(tx, [
      ...pushes,
      ...rolledBack.map((r): AuditEventInput => ({
        action: "jwt.rollback",
        actor,
        orgId: r.orgId,
        target: { type: "nats_account", id: r.account, label: r.slug },
        detail: { failedAccount: failed.slug, failure, ...(r.error ? { error: r.error } : {}) },
        outcome: r.ok ? "success" : "failure",
      })),
    ]);
  });
  return { ok: false, failed, rolledBack, rollbackOk: rolledBack.every((r) => r.ok) };
}
