import type { AuditActor } from "@/lib/audit/record-audit";
import type { OrgContext } from "./org-context";

/** The acting member, as the audit trail names them. */
export function auditActor(ctx: Pick<OrgContext, "user">): AuditActor {
  return { type: "user", id: ctx.user.id, label: ctx.user.email };
}
