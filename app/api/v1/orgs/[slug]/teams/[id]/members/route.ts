import * as api from "@/lib/api/team-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { addTeamMember } from "@/lib/orgs/add-team-member";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(api.addTeamMember, ({ db, ctx, params, body, http }) => addTeamMember(db, ctx, params.id, body.membershipId, http)),
});
