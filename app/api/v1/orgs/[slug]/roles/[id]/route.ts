import * as api from "@/lib/api/role-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { deleteRole } from "@/lib/orgs/delete-role";
import { updateRole } from "@/lib/orgs/update-role";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  PATCH: route(api.updateRole, ({ db, ctx, params, body, http }) => updateRole(db, ctx, params.id, body, http)),
  DELETE: route(api.deleteRole, ({ db, ctx, params, http }) => deleteRole(db, ctx, params.id, http)),
});
