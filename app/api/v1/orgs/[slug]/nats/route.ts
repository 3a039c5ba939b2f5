import * as api from "@/lib/api/nats-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { changeTier } from "@/lib/nats/change-tier";
import { getAccountUsage } from "@/lib/nats/get-account-usage";
import { getAccountView } from "@/lib/nats/get-account-view";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.getAccount, async ({ ctx }) => {
    const account = getAccountView(ctx);
    return { ...account, usage: await getAccountUsage(natsRuntime(), account.publicKey) };
  }),
  PATCH: route(api.changeTier, ({ db, ctx, body, http }) => changeTier(db, natsRuntime(), ctx, body, http)),
});
