import * as api from "@/lib/api/team-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { removeTeamMember } from "@/lib/orgs/remove-team-member";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  DELETE: route(api.removeTeamMember, ({ db, ctx, params, http }) => removeTeamMember(db, ctx, params.id, params.membershipId, http)),
});
