import * as api from "@/lib/api/billing-endpoints";
import { listInvoices } from "@/lib/billing/list-invoices";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listInvoices, async ({ db, ctx }) => ({ invoices: await listInvoices(db, ctx) })),
});
