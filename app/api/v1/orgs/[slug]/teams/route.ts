import * as api from "@/lib/api/team-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { createTeam } from "@/lib/orgs/create-team";
import { listTeams } from "@/lib/orgs/list-teams";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listTeams, async ({ db, ctx }) => ({ teams: await listTeams(db, ctx) })),
  POST: route(api.createTeam, ({ db, ctx, body, http }) => createTeam(db, ctx, body, http)),
});
