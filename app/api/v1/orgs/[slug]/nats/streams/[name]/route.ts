import * as api from "@/lib/api/nats-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { deleteStream } from "@/lib/streams/delete-stream";
import { getStream } from "@/lib/streams/get-stream";
import { updateStream } from "@/lib/streams/update-stream";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.getStream, ({ ctx, params }) => getStream(natsRuntime(), ctx, params.name)),
  PATCH: route(api.updateStream, ({ db, ctx, params, body, http }) => updateStream(db, natsRuntime(), ctx, params.name, body, http)),
  DELETE: route(api.deleteStream, ({ db, ctx, params, http }) => deleteStream(db, natsRuntime(), ctx, params.name, http)),
});
