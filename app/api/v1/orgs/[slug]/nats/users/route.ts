import * as api from "@/lib/api/nats-user-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { createNatsUser } from "@/lib/nats-users/create-nats-user";
import { listNatsUsers } from "@/lib/nats-users/list-nats-users";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listNatsUsers, ({ db, ctx }) => listNatsUsers(db, natsRuntime(), ctx)),
  POST: route(api.createNatsUser, ({ db, ctx, body, http }) => createNatsUser(db, natsRuntime(), ctx, body, http)),
});
