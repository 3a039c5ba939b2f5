import * as api from "@/lib/api/nats-user-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { provisionNatsUserCreds } from "@/lib/nats-users/reissue-nats-user-creds";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(api.renewNatsUserCreds, ({ db, ctx, params, body, http }) => provisionNatsUserCreds(db, natsRuntime(), ctx, params.id, body, http)),
});
