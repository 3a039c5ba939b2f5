import type { AuditActor } from "@/lib/audit/record-audit";
import type { OrgContext } from "./org-context";

/** The acting member (or their API key), as the audit trail names them. */
export function auditActor(ctx: Pick<OrgContext, "user" | "apiKey">): AuditActor {
  if (ctx.apiKey) return { type: "api_key", id: ctx.apiKey.id, label: `${ctx.apiKey.name} (key of ${ctx.user.email})` };
  return { type: "user", id: ctx.user.id, label: ctx.user.email };
}
