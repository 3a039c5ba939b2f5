import * as api from "@/lib/api/service-endpoints";
import { methods } from "@/lib/gateway/methods";
import { readRawBody } from "@/lib/http/read-raw-body";
import { route } from "@/lib/gateway/route";
import { roleName } from "@/lib/rbac/effective-permissions";
import { forwardToService } from "@/lib/services/forward-to-service";

const forward = Object.fromEntries(
  api.forwardToService.map((endpoint) => [
    endpoint.method,
    route(endpoint, async ({ db, ctx, params, request, http }) => {
      const body = await readRawBody(request, http.requestId);
      if (body instanceof Response) return body;
      const url = new URL(request.url);
      return forwardToService(db, {
        orgId: ctx.org.id,
        serviceName: params.name,
        method: request.method,
        path: url.pathname.slice(url.pathname.indexOf(`/services/${params.name}/`) + `/services/${params.name}`.length),
        search: url.search,
        headers: request.headers,
        body,
        identity: {
          userId: ctx.apiKey ? null : ctx.user.id, // a key is not a person; its creator is in the audit trail
          orgId: ctx.org.id,
          roles: [...new Set(ctx.grants.map((grant) => roleName(grant.role)))],
          permissions: [...ctx.permissions],
          requestId: http.requestId,
        },
      });
    }),
  ]),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods(forward);
