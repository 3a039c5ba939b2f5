import * as api from "@/lib/api/audit-endpoints";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listAuditEvents, async ({ db, ctx, query }) => {
    const { events, nextCursor, prevCursor } = await listAuditEvents(db, ctx, query);
    return { events, nextCursor, prevCursor };
  }),
});
