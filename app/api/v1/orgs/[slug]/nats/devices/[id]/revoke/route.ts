import * as api from "@/lib/api/device-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { revokeDevice } from "@/lib/devices/revoke-device";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(api.revokeDevice, ({ db, ctx, params, http }) => revokeDevice(db, natsRuntime(), ctx, params.id, http)),
});
