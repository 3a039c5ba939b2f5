import { endpoint } from "@/lib/gateway/endpoint";
import { exportAuditQuery } from "@/lib/audit/export-audit-events";
import { listAuditQuery } from "@/lib/audit/list-audit-events";

export const listAuditEvents = endpoint({
  method: "GET",
  path: "/orgs/{slug}/audit",
  tag: "Audit",
  summary: "The audit trail, newest first, filtered; follow `nextCursor` / `prevCursor` for older / newer pages",
  permission: "audit:read",
  query: listAuditQuery,
});

export const exportAuditEvents = endpoint({
  method: "GET",
  path: "/orgs/{slug}/audit/export",
  tag: "Audit",
  summary: "Every event matching the filters, oldest first, streamed as CSV or NDJSON (the export is audited)",
  permission: "audit:export",
  query: exportAuditQuery,
});
