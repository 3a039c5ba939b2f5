import * as api from "@/lib/api/audit-endpoints";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { textStream } from "@/lib/http/stream-response";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.exportAuditEvents, async ({ db, ctx, query, http }) => {
    const file = await exportAuditEvents(db, ctx, query, http);
    return new Response(textStream(file.chunks), {
      headers: { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "no-store" },
    });
  }),
});
