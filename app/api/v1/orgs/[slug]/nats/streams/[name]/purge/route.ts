import * as api from "@/lib/api/nats-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { purgeStream } from "@/lib/streams/purge-stream";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(api.purgeStream, ({ db, ctx, params, http }) => purgeStream(db, natsRuntime(), ctx, params.name, http)),
});
