import * as api from "@/lib/api/nats-user-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { deleteNatsUser } from "@/lib/nats-users/delete-nats-user";
import { getNatsUser } from "@/lib/nats-users/get-nats-user";
import { updateNatsUser } from "@/lib/nats-users/update-nats-user";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.getNatsUser, ({ db, ctx, params }) => getNatsUser(db, ctx, params.id)),
  PATCH: route(api.updateNatsUser, ({ db, ctx, params, body, http }) => updateNatsUser(db, natsRuntime(), ctx, params.id, body, http)),
  DELETE: route(api.deleteNatsUser, ({ db, ctx, params, http }) => deleteNatsUser(db, natsRuntime(), ctx, params.id, http)),
});
