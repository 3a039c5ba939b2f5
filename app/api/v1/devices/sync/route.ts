import * as api from "@/lib/api/device-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { syncDevice } from "@/lib/devices/sync-device";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { problem } from "@/lib/http/problem";

// Devices authenticate with their license key, not the gateway's bearer credentials (hence `auth: "none"`).
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.syncDevice, async ({ db, request, query, http }) => {
    const result = await syncDevice(db, natsRuntime(), request.headers.get("x-license-key"), query, http);
    if (!result.ok) return problem(401, "Unauthorized", result.reason, http.requestId, {}, { "WWW-Authenticate": 'License-Key realm="cordon"' });
    return result.batch;
  }),
});
