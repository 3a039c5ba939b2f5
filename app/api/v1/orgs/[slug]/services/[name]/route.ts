import * as api from "@/lib/api/service-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { deleteService } from "@/lib/services/delete-service";
import { getServiceByNameOrThrow } from "@/lib/services/get-service-or-throw";
import { retirePreviousSecret } from "@/lib/services/retire-previous-secret";
import { rotateServiceSecret } from "@/lib/services/rotate-service-secret";
import { updateService } from "@/lib/services/update-service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  PATCH: route(api.updateService, async ({ db, ctx, params, body, http }) =>
    updateService(db, ctx, (await getServiceByNameOrThrow(db, ctx.org.id, params.name)).id, body, http),
  ),
  POST: route(api.serviceSecretAction, async ({ db, ctx, params, body, http }) => {
    const { id } = await getServiceByNameOrThrow(db, ctx.org.id, params.name);
    return body.action === "rotate_secret" ? rotateServiceSecret(db, ctx, id, body, http) : retirePreviousSecret(db, ctx, id, http);
  }),
  DELETE: route(api.deleteService, async ({ db, ctx, params, http }) =>
    deleteService(db, ctx, (await getServiceByNameOrThrow(db, ctx.org.id, params.name)).id, http),
  ),
});
