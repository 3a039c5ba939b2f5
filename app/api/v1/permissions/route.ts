import * as api from "@/lib/api/role-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { PERMISSION_CATALOGUE } from "@/lib/rbac/permissions";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listPermissions, async () => ({ resources: PERMISSION_CATALOGUE })),
});
