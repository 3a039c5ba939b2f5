import * as api from "@/lib/api/billing-endpoints";
import { changePlan } from "@/lib/billing/change-plan";
import { natsRuntime } from "@/lib/boot/boot-state";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(api.changePlan, ({ db, ctx, body, http }) => changePlan(db, natsRuntime(), ctx, body, http)),
});
