import { z } from "zod";
import type { Tier } from "@/generated/prisma/client";
import { recordAudit, type AuditActor, type RequestContext } from "@/lib/audit/record-audit";
import { ensurePlanFitsUsage } from "@/lib/billing/ensure-plan-fits-usage";
import { paymentProvider } from "@/lib/billing/payment-provider";
import { isDowngrade } from "@/lib/billing/plans";
import { syncSubscriptionPlan } from "@/lib/billing/sync-subscription-plan";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError, parseInput } from "@/lib/errors/domain-errors";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { ensureOrgStreams } from "./ensure-org-streams";
import { NATS_NOT_CONNECTED } from "./get-account-usage";
import { provisionOrgAccount, type NatsRuntime } from "./provision-org-account";

export const TIERS = ["free", "pro", "enterprise"] as const satisfies readonly Tier[];

export const changeTierInput = z.object({ tier: z.enum(TIERS, "Choose Free, Pro or Enterprise.") });

export type TierChange = {
  tier: Tier;
  changed: boolean;
  /** Whether the new limits reached the NATS servers; when not, the org keeps the error and the reconciler retries. */
  push: { ok: boolean; error?: string };
};

/** A member changes their org's plan (and with it the account's NATS limits). */
export async function changeTier(db: Db, nats: NatsRuntime | null, ctx: OrgContext, raw: unknown, context: RequestContext): Promise<TierChange> {
  ensureCan(ctx, "nats_account:write");
  // The plan is also what the org pays for: the Billing page's rules apply (billing:write; Stripe's checkout when set up).
  ensureCan(ctx, "billing:write");
  if (paymentProvider().name !== "local") throw new ConflictError("Plans are paid through Stripe: change the plan on the Billing page.", "tier");
  return applyTierChange(db, nats, ctx.org.id, raw, auditActor(ctx), context);
}

/** The same change by an operator on the server (`cordon org limits --tier`), who needs no membership. */
export async function changeTierByOperator(db: Db, nats: NatsRuntime | null, slug: string, raw: unknown, actor: AuditActor): Promise<TierChange> {
  const org = await db.org.findFirst({ where: { slug, deletedAt: null }, select: { id: true } });
  if (!org) throw new NotFoundError("Organisation");
  return applyTierChange(db, nats, org.id, raw, actor, {});
}

/**
 * Commits the tier (and the subscription's plan) with its audit event, then
 * pushes the account at once so the servers enforce the new limits live. A
 * downgrade the current usage would violate is refused first, unless the
 * payment provider already made it (`checkUsage: false`: its word is final).
 * A failed push is not undone: the database is the truth, the org keeps the
 * error and the reconciler retries.
 */
export async function applyTierChange(
  db: Db,
  nats: NatsRuntime | null,
  orgId: string,
  raw: unknown,
  actor: AuditActor,
  context: RequestContext,
  { checkUsage = true }: { checkUsage?: boolean } = {},
): Promise<TierChange> {
  const { tier } = parseInput(changeTierInput, raw, "tier");
  const current = await db.org.findFirst({ where: { id: orgId, deletedAt: null }, select: { tier: true } });
  if (!current) throw new NotFoundError("Organisation");
  // Checked before the transaction (it asks NATS): a stream created in between slips through; the new limits then refuse more.
  if (checkUsage) await ensurePlanFitsUsage(db, nats, orgId, current.tier, tier);
  const before = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ tier: Tier; slug: string }[]>`SELECT tier, slug FROM "Org" WHERE id = ${orgId}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
    if (!row) throw new NotFoundError("Organisation");
    if (row.tier === tier) return row.tier;
    await tx.org.update({ where: { id: orgId }, data: { tier, ...(nats ? {} : { natsError: `${NATS_NOT_CONNECTED}; the new limits apply once it is` }) } });
    await syncSubscriptionPlan(tx, orgId, tier);
    await recordAudit(tx, {
      action: "tier.change",
      actor,
      orgId,
      target: { type: "org", id: orgId, label: row.slug },
      detail: { before: row.tier, after: tier },
      context,
    });
    return row.tier;
  });
  if (before === tier) return { tier, changed: false, push: { ok: true } };
  if (!nats) return { tier, changed: true, push: { ok: false, error: NATS_NOT_CONNECTED } };
  if (isDowngrade(before, tier)) {
    // Shrink the system streams while the account still has the larger plan's storage: once the lower limit
    // is pushed, nats-server refuses every stream update while the old reservations exceed it. A failure
    // here resurfaces in the push below, which reports it.
    const org = await db.org.findUniqueOrThrow({ where: { id: orgId }, select: { id: true, natsKeyGeneration: true } });
    await ensureOrgStreams(nats.pool, { ...org, tier }).catch(() => undefined);
  }
  return { tier, changed: true, push: await provisionOrgAccount(db, nats, orgId, actor) };
}
