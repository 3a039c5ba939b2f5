import * as api from "@/lib/api/org-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { deleteOrg } from "@/lib/orgs/delete-org";
import { updateOrg } from "@/lib/orgs/update-org";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.getOrg, async ({ ctx }) => api.orgJson(ctx.org)),
  PATCH: route(api.updateOrg, async ({ db, ctx, body, http }) => api.orgJson(await updateOrg(db, ctx, { ...orgSettings(ctx.org), ...body }, http))),
  DELETE: route(api.deleteOrg, ({ db, ctx, body, http }) => deleteOrg(db, ctx, body.confirm, http)),
});

function orgSettings(org: { name: string; slug: string; requireMfa: boolean; corsOrigins: string[] }) {
  return { name: org.name, slug: org.slug, requireMfa: org.requireMfa, corsOrigins: org.corsOrigins };
}
