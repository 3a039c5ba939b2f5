import * as api from "@/lib/api/team-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { deleteTeam } from "@/lib/orgs/delete-team";
import { getTeam } from "@/lib/orgs/get-team";
import { updateTeam } from "@/lib/orgs/update-team";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.getTeam, ({ db, ctx, params }) => getTeam(db, ctx, params.id)),
  PATCH: route(api.updateTeam, ({ db, ctx, params, body, http }) => updateTeam(db, ctx, params.id, body, http)),
  DELETE: route(api.deleteTeam, ({ db, ctx, params, http }) => deleteTeam(db, ctx, params.id, http)),
});
