import * as api from "@/lib/api/member-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { listMembers } from "@/lib/orgs/list-members";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listMembers, ({ db, ctx, query }) => listMembers(db, ctx, query)),
});
