import * as api from "@/lib/api/nats-user-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { revokeNatsUser } from "@/lib/nats-users/revoke-nats-user";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(api.revokeNatsUser, ({ db, ctx, params, http }) => revokeNatsUser(db, natsRuntime(), ctx, params.id, http)),
});
