import { z } from "zod";
import { endpoint } from "@/lib/gateway/endpoint";

export const getBilling = endpoint({
  method: "GET",
  path: "/orgs/{slug}/billing",
  tag: "Billing",
  summary: "Subscription and plan, live usage against the plan's limits, this period's metered usage and estimate, daily history, threshold alerts",
  permission: "billing:read",
});

export const changePlan = endpoint({
  method: "POST",
  path: "/orgs/{slug}/billing/plan",
  tag: "Billing",
  summary:
    "Change the plan. Local provider: applied at once (NATS limits pushed live); Stripe: returns a checkout URL. A downgrade current usage would violate is a 409 naming what to reduce",
  permission: "billing:write",
  body: z.object({ plan: z.enum(["free", "pro", "enterprise"]) }),
});

export const listInvoices = endpoint({
  method: "GET",
  path: "/orgs/{slug}/billing/invoices",
  tag: "Billing",
  summary: "The org's monthly invoices, newest first",
  permission: "billing:read",
});

export const getInvoice = endpoint({
  method: "GET",
  path: "/orgs/{slug}/billing/invoices/{number}",
  tag: "Billing",
  summary: "One invoice with its line items",
  permission: "billing:read",
});

export const payInvoice = endpoint({
  method: "POST",
  path: "/orgs/{slug}/billing/invoices/{number}/pay",
  tag: "Billing",
  summary: "Pay an open invoice by confirmation (local provider only; with Stripe, invoices are paid in its portal)",
  permission: "billing:write",
});

export const stripeWebhook = endpoint({
  method: "POST",
  path: "/billing/webhooks/stripe",
  tag: "Billing",
  summary: "Stripe webhook: verified by its Stripe-Signature header (400 when it does not match); each event id is handled once",
  auth: "none",
});
