import type { Org } from "@/generated/prisma/client";
import { recordAuditBatch, type AuditActor, type AuditEventInput } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { activeRevocations } from "./account-revocations";
import type { AccountState } from "./build-account-claims";
import type { OperatorKeys } from "./derive-keys";
import { ensureOrgStreams, type EnsureStreamsReport } from "./ensure-org-streams";
import type { OrgConnectionPool } from "./org-connection-pool";
import { pushAccount } from "./push-account";
import type { SystemConnection } from "./system-connection";

/** Cordon's ways into NATS: `$SYS` requests go through `system`, work inside an org's account through `pool`. */
export type NatsRuntime = { system: SystemConnection; keys: OperatorKeys; pool: OrgConnectionPool };

export const RECONCILER: AuditActor = { type: "system", label: "nats reconciler" };

type Pushed = { account: string; hash: string };

/**
 * `streams`: what ensuring the org's streams changed (absent when a push did not include it).
 * `pushed` on a failure: the account reached the server but its streams could not be set up.
 */
export type PushOutcome = { org: Org } & (
  { ok: true; account: string; hash: string; streams?: EnsureStreamsReport } | { ok: false; error: string; pushed?: Pushed }
);

/** Pushes one org's account and nothing else; see `ensureStreamsAfterPush` for the rest of converging it. */
export async function pushOrgAccountOnly(nats: NatsRuntime, org: Org & Pick<AccountState, "natsRevocations">): Promise<PushOutcome> {
  try {
    const result = await pushAccount(nats.system, nats.keys, org);
    return { org, ok: true, account: result.account, hash: result.hash };
  } catch (error) {
    return { org, ok: false, error: (error as Error).message };
  }
}

/**
 * Makes sure a pushed org's system streams exist (they live inside the
 * account, so they can only follow the push); a failed push passes through.
 * The org is converged only when both succeeded.
 */
export async function ensureStreamsAfterPush(nats: NatsRuntime, outcome: PushOutcome): Promise<PushOutcome> {
  if (!outcome.ok) return outcome;
  try {
    return { ...outcome, streams: await ensureOrgStreams(nats.pool, outcome.org) };
  } catch (error) {
    const pushed = { account: outcome.account, hash: outcome.hash };
    return { org: outcome.org, ok: false, pushed, error: `its streams could not be set up: ${(error as Error).message}` };
  }
}

/** Pushes one org's account, then ensures its streams; failures are an outcome, not an exception. */
export async function pushOrgAccount(nats: NatsRuntime, org: Org & Pick<AccountState, "natsRevocations">): Promise<PushOutcome> {
  return ensureStreamsAfterPush(nats, await pushOrgAccountOnly(nats, org));
}

/**
 * Records push outcomes in one statement per kind plus one audit insert: a
 * success makes the org `active` with the pushed claims' hash; a failure keeps
 * its status (a new org stays `pending`) with the reason, for the reconciler to
 * retry, and still records a push that reached the server. Every push is audited.
 */
export async function recordPushOutcomes(tx: Tx, outcomes: PushOutcome[], actor: AuditActor = RECONCILER): Promise<void> {
  const converged = outcomes.filter((o): o is Extract<PushOutcome, { ok: true }> => o.ok);
  const failed = outcomes.filter((o): o is Extract<PushOutcome, { ok: false }> => !o.ok);
  if (converged.length) {
    await tx.$executeRaw`
      UPDATE "Org" AS o SET "natsAccount" = v.account, "natsClaimsHash" = v.hash, "natsError" = NULL, "natsPushedAt" = now(), status = 'active', "updatedAt" = now()
      FROM (SELECT unnest(${converged.map((o) => o.org.id)}::uuid[]) AS id, unnest(${converged.map((o) => o.account)}::text[]) AS account, unnest(${converged.map((o) => o.hash)}::text[]) AS hash) AS v
      WHERE o.id = v.id`;
  }
  if (failed.length) {
    await tx.$executeRaw`
      UPDATE "Org" AS o SET "natsError" = v.error, "natsAccount" = COALESCE(v.account, o."natsAccount"), "natsClaimsHash" = COALESCE(v.hash, o."natsClaimsHash"),
        "natsPushedAt" = CASE WHEN v.account IS NULL THEN o."natsPushedAt" ELSE now() END, "updatedAt" = now()
      FROM (SELECT unnest(${failed.map((o) => o.org.id)}::uuid[]) AS id, unnest(${failed.map((o) => o.error)}::text[]) AS error,
        unnest(${failed.map((o) => o.pushed?.account ?? null)}::text[]) AS account, unnest(${failed.map((o) => o.pushed?.hash ?? null)}::text[]) AS hash) AS v
      WHERE o.id = v.id`;
  }
  const events: AuditEventInput[] = outcomes.map((o) => {
    if (!o.ok && !o.pushed) {
      return {
        action: "jwt.push",
        actor,
        orgId: o.org.id,
        target: { type: "org", id: o.org.id, label: o.org.slug },
        detail: { tier: o.org.tier, error: o.error },
        outcome: "failure",
      };
    }
    const pushed = o.ok ? o : o.pushed!;
    return {
      action: "jwt.push",
      actor,
      orgId: o.org.id,
      target: { type: "nats_account", id: pushed.account, label: o.org.slug },
      detail: {
        tier: o.org.tier,
        hash: pushed.hash,
        previousHash: o.org.natsClaimsHash,
        changed: pushed.hash !== o.org.natsClaimsHash,
        ...(o.ok ? (o.streams ? { streams: o.streams } : {}) : { streamsError: o.error }),
      },
    };
  });
  await recordAuditBatch(tx, events);
}

/** Pushes one org's account and ensures its streams now, and records the outcome (after creating an org, after a plan change). */
export async function provisionOrgAccount(db: Db, nats: NatsRuntime, orgId: string, actor: AuditActor = RECONCILER): Promise<{ ok: boolean; error?: string }> {
  const outcome = await pushOrgAccount(nats, await db.org.findUniqueOrThrow({ where: { id: orgId }, include: activeRevocations() }));
  await db.$transaction((tx) => recordPushOutcomes(tx, [outcome], actor));
  return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
}
