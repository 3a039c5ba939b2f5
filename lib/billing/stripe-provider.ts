import Stripe from "stripe";
import type { Tier } from "@/generated/prisma/client";
import { ConflictError, ValidationError } from "@/lib/errors/domain-errors";
import type { CheckoutRequest, PaymentProvider } from "./payment-provider";

/**
 * The Stripe adapter: hosted checkout for a paid plan (price ids from
 * STRIPE_PRICE_PRO / STRIPE_PRICE_ENTERPRISE), the customer portal, and
 * webhook signature verification (STRIPE_WEBHOOK_SECRET). The org and plan
 * travel in the subscription's metadata, so webhooks need no lookup table.
 */
export class StripeProvider implements PaymentProvider {
  readonly name = "stripe" as const;
  readonly confirmsPayments = false;

  constructor(
    private readonly stripe: Stripe,
    private readonly webhookSecret: string | undefined,
    private readonly prices: Partial<Record<Tier, string>>,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv): StripeProvider {
    return new StripeProvider(new Stripe(env.STRIPE_SECRET_KEY ?? ""), env.STRIPE_WEBHOOK_SECRET, {
      pro: env.STRIPE_PRICE_PRO,
      enterprise: env.STRIPE_PRICE_ENTERPRISE,
    });
  }

  async startCheckout({ org, subscription, plan, returnUrl }: CheckoutRequest): Promise<string | null> {
    // Going back to Free is a cancellation, done in the portal.
    if (plan === "free") return this.portalUrl({ org, subscription, returnUrl });
    const price = this.prices[plan];
    if (!price) throw new ConflictError(`No Stripe price is configured for the ${plan} plan (STRIPE_PRICE_${plan.toUpperCase()}).`, "plan");
    const metadata = { orgId: org.id, plan };
    const session = await this.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price, quantity: 1 }],
      client_reference_id: org.id,
      ...(subscription.providerCustomerId ? { customer: subscription.providerCustomerId } : {}),
      metadata,
      subscription_data: { metadata },
      success_url: `${returnUrl}?checkout=success`,
      cancel_url: `${returnUrl}?checkout=cancelled`,
    });
    return session.url;
  }

  async portalUrl({ subscription, returnUrl }: Omit<CheckoutRequest, "plan">): Promise<string | null> {
    if (!subscription.providerCustomerId) return null;
    const session = await this.stripe.billingPortal.sessions.create({ customer: subscription.providerCustomerId, return_url: returnUrl });
    return session.url;
  }

  /** The event a webhook carries, once its signature checks out; a bad or missing signature is the sender's mistake (400). */
  verifyWebhook(payload: string, signature: string | null): Stripe.Event {
    if (!this.webhookSecret) throw new ConflictError("STRIPE_WEBHOOK_SECRET is not set, so Stripe webhooks cannot be verified.");
    if (!signature) throw new ValidationError("The Stripe-Signature header is missing.");
    try {
      return this.stripe.webhooks.constructEvent(payload, signature, this.webhookSecret);
    } catch {
      throw new ValidationError("The Stripe signature does not match this payload.");
    }
  }
}
