import * as api from "@/lib/api/device-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { createDevice } from "@/lib/devices/create-device";
import { listDevices } from "@/lib/devices/list-devices";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listDevices, async ({ db, ctx }) => ({ devices: await listDevices(db, ctx) })),
  POST: route(api.createDevice, ({ db, ctx, body, http }) => createDevice(db, natsRuntime(), ctx, body, http)),
});
