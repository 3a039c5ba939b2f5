import * as api from "@/lib/api/billing-endpoints";
import { getBillingOverview } from "@/lib/billing/get-billing-overview";
import { natsRuntime } from "@/lib/boot/boot-state";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.getBilling, ({ db, ctx }) => getBillingOverview(db, natsRuntime(), ctx)),
});
