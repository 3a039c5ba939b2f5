import type { Org, Subscription, Tier } from "@/generated/prisma/client";
import { StripeProvider } from "./stripe-provider";

export type CheckoutRequest = { org: Pick<Org, "id" | "slug">; subscription: Subscription; plan: Tier; returnUrl: string };

/**
 * How a plan is paid for. The local provider makes no external calls: a
 * plan change applies at once and an invoice is paid when a member confirms
 * it. Stripe sends the member to its hosted checkout and reports back by
 * webhook; its invoices are paid in its customer portal.
 */
export type PaymentProvider = {
  name: "local" | "stripe";
  /** Where the member completes a change to `plan`; null when it applies at once. */
  startCheckout(request: CheckoutRequest): Promise<string | null>;
  /** The provider's self-service page for payment methods and cancelling; null when there is none. */
  portalUrl(request: Omit<CheckoutRequest, "plan">): Promise<string | null>;
  /** Whether confirming an invoice in Cordon pays it. */
  confirmsPayments: boolean;
};

export const localProvider: PaymentProvider = {
  name: "local",
  startCheckout: async () => null,
  portalUrl: async () => null,
  confirmsPayments: true,
};

/** Stripe when STRIPE_SECRET_KEY is set, otherwise the built-in local provider. */
export function paymentProvider(env: NodeJS.ProcessEnv = process.env): PaymentProvider {
  return env.STRIPE_SECRET_KEY ? StripeProvider.fromEnv(env) : localProvider;
}
