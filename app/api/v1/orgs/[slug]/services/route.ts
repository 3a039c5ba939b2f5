import * as api from "@/lib/api/service-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { listServices } from "@/lib/services/list-services";
import { registerService } from "@/lib/services/register-service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listServices, async ({ db, ctx }) => ({ services: await listServices(db, ctx) })),
  POST: route(api.registerService, ({ db, ctx, body, http }) => registerService(db, ctx, body, http)),
});
