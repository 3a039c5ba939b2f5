import * as api from "@/lib/api/member-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { changeMemberRole } from "@/lib/orgs/change-member-role";
import { removeMember } from "@/lib/orgs/remove-member";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  PATCH: route(api.changeMemberRole, ({ db, ctx, params, body, http }) => changeMemberRole(db, ctx, params.id, body.role, http)),
  DELETE: route(api.removeMember, ({ db, ctx, params, http }) => removeMember(db, ctx, params.id, http)),
});
