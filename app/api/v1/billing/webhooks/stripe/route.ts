import * as api from "@/lib/api/billing-endpoints";
import { handleStripeWebhook } from "@/lib/billing/handle-stripe-webhook";
import { paymentProvider } from "@/lib/billing/payment-provider";
import { StripeProvider } from "@/lib/billing/stripe-provider";
import { natsRuntime } from "@/lib/boot/boot-state";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(api.stripeWebhook, async ({ db, request }) => {
    const provider = paymentProvider();
    if (!(provider instanceof StripeProvider)) throw new NotFoundError("Stripe billing (STRIPE_SECRET_KEY is not set)");
    // The signature covers the exact bytes Stripe sent, so the body is read raw.
    return handleStripeWebhook(db, natsRuntime(), provider, await request.text(), request.headers.get("stripe-signature"));
  }),
});
