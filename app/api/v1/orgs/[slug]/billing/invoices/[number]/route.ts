import * as api from "@/lib/api/billing-endpoints";
import { getInvoiceOrThrow } from "@/lib/billing/get-invoice-or-throw";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.getInvoice, ({ db, ctx, params }) => getInvoiceOrThrow(db, ctx, params.number ?? "")),
});
