import * as api from "@/lib/api/role-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { createRole } from "@/lib/orgs/create-role";
import { listRoles } from "@/lib/orgs/list-roles";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listRoles, async ({ db, ctx }) => ({ roles: await listRoles(db, ctx) })),
  POST: route(api.createRole, ({ db, ctx, body, http }) => createRole(db, ctx, body, http)),
});
