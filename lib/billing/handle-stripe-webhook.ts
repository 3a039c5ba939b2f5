import type Stripe from "stripe";
import type { SubscriptionStatus, Tier } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { applyTierChange, TIERS } from "@/lib/nats/change-tier";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { getSubscription } from "./get-subscription";
import type { StripeProvider } from "./stripe-provider";

export type WebhookOutcome = { received: true; duplicate?: true; ignored?: "stale" | "unhandled" | "unknown_org" };

const STRIPE_ACTOR = { type: "system" as const, label: "stripe" };

/** Stripe's subscription statuses folded onto Cordon's four. */
export function subscriptionStatusOf(status: Stripe.Subscription.Status): SubscriptionStatus {
  switch (status) {
    case "trialing":
      return "trialing";
    case "active":
      return "active";
    case "canceled":
    case "incomplete_expired":
      return "canceled";
    default: // past_due, incomplete, unpaid, paused: not paid for now
      return "past_due";
  }
}

const isTier = (value: string | undefined): value is Tier => TIERS.includes(value as Tier);

async function markProcessed(db: Db, event: Stripe.Event): Promise<boolean> {
  try {
    await db.processedWebhookEvent.create({ data: { provider: "stripe", eventId: event.id, type: event.type } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Handles one verified-by-signature Stripe webhook, at most once per event
 * id. Subscription events carry the whole subscription, so applying only
 * the newest (by the event's creation time) makes out-of-order deliveries
 * converge on Stripe's latest state; an older event is acknowledged and
 * skipped. The plan moves through the same tier change as everywhere else
 * (NATS limits pushed at once), without the usage check: Stripe's word on
 * what is paid for is final.
 */
export async function handleStripeWebhook(
  db: Db,
  nats: NatsRuntime | null,
  provider: StripeProvider,
  payload: string,
  signature: string | null,
): Promise<WebhookOutcome> {
  const event = provider.verifyWebhook(payload, signature);
  if (await db.processedWebhookEvent.findUnique({ where: { eventId: event.id }, select: { id: true } })) return { received: true, duplicate: true };

  if (event.type === "checkout.session.completed") {
    const session = event.data.object;
    const orgId = session.client_reference_id;
    const customer = typeof session.customer === "string" ? session.customer : session.customer?.id;
    if (!orgId || !(await db.org.findUnique({ where: { id: orgId }, select: { id: true } }))) return { received: true, ignored: "unknown_org" };
    if (!(await markProcessed(db, event))) return { received: true, duplicate: true };
    await getSubscription(db, orgId);
    if (customer) await db.subscription.update({ where: { orgId }, data: { provider: "stripe", providerCustomerId: customer } });
    return { received: true };
  }
  if (!["customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted"].includes(event.type)) {
    await markProcessed(db, event);
    return { received: true, ignored: "unhandled" };
  }

  const stripeSubscription = event.data.object as Stripe.Subscription;
  const orgId = stripeSubscription.metadata.orgId;
  if (!orgId || !(await db.org.findUnique({ where: { id: orgId }, select: { id: true } }))) return { received: true, ignored: "unknown_org" };
  await getSubscription(db, orgId);
  const deleted = event.type === "customer.subscription.deleted";
  const plan: Tier = deleted ? "free" : isTier(stripeSubscription.metadata.plan) ? stripeSubscription.metadata.plan : "free";
  const item = stripeSubscription.items.data[0];
  const eventAt = new Date(event.created * 1000);

  const applied = await db.$transaction(async (tx) => {
    // The row lock orders concurrent deliveries; each compares against the newest applied before it.
    const [current] = await tx.$queryRaw<{ providerEventAt: Date | null; plan: Tier }[]>`
      SELECT "providerEventAt", plan FROM "Subscription" WHERE "orgId" = ${orgId}::uuid FOR UPDATE`;
    // A redelivery that raced the first one waited on the lock; the first one's record is visible now.
    if (await tx.processedWebhookEvent.findUnique({ where: { eventId: event.id }, select: { id: true } })) return "duplicate" as const;
    await tx.processedWebhookEvent.create({ data: { provider: "stripe", eventId: event.id, type: event.type } });
    if (current.providerEventAt && current.providerEventAt > eventAt) return "stale" as const;
    const status = deleted ? "canceled" : subscriptionStatusOf(stripeSubscription.status);
    const customer = typeof stripeSubscription.customer === "string" ? stripeSubscription.customer : stripeSubscription.customer.id;
    await tx.subscription.update({
      where: { orgId },
      data: {
        plan,
        status,
        cancelAtPeriodEnd: stripeSubscription.cancel_at_period_end,
        provider: "stripe",
        providerCustomerId: customer,
        providerSubscriptionId: stripeSubscription.id,
        providerEventAt: eventAt,
        ...(item ? { currentPeriodStart: new Date(item.current_period_start * 1000), currentPeriodEnd: new Date(item.current_period_end * 1000) } : {}),
      },
    });
    await recordAudit(tx, {
      action: "subscription.change",
      actor: STRIPE_ACTOR,
      orgId,
      target: { type: "subscription", id: stripeSubscription.id, label: plan },
      detail: { event: event.type, eventId: event.id, plan, status, cancelAtPeriodEnd: stripeSubscription.cancel_at_period_end },
    });
    return "applied" as const;
  });
  if (applied === "duplicate") return { received: true, duplicate: true };
  if (applied === "stale") return { received: true, ignored: "stale" };
  // The tier follows the subscription's plan as it stands now (a newer event may have landed meanwhile).
  const { plan: latest } = await db.subscription.findUniqueOrThrow({ where: { orgId }, select: { plan: true } });
  await applyTierChange(db, nats, orgId, { tier: latest }, STRIPE_ACTOR, {}, { checkUsage: false });
  return { received: true };
}
