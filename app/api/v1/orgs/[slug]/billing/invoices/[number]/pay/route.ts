import * as api from "@/lib/api/billing-endpoints";
import { payInvoice } from "@/lib/billing/pay-invoice";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(api.payInvoice, ({ db, ctx, params, http }) => payInvoice(db, ctx, params.number ?? "", http)),
});
