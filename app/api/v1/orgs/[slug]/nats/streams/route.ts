import * as api from "@/lib/api/nats-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { createStream } from "@/lib/streams/create-stream";
import { listStreams } from "@/lib/streams/list-streams";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listStreams, async ({ ctx }) => ({ streams: await listStreams(natsRuntime(), ctx) })),
  POST: route(api.createStream, ({ db, ctx, body, http }) => createStream(db, natsRuntime(), ctx, body, http)),
});
