import type { ActorType, AuditOutcome, Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";
import type { AuditAction } from "./actions";

export type AuditActor = { type: ActorType; id?: string | null; label?: string | null };
export type AuditTarget = { type: string; id?: string | null; label?: string | null };

/** Where a change came from; route handlers and actions fill it from the request. */
export type RequestContext = { ip?: string | null; userAgent?: string | null; requestId?: string | null };

export type AuditEventInput = {
  action: AuditAction;
  actor: AuditActor;
  orgId?: string | null;
  target?: AuditTarget;
  detail?: Prisma.InputJsonObject;
  context?: RequestContext;
  outcome?: AuditOutcome;
};

/**
 * Records an audit event inside the caller's transaction, so the event exists
 * exactly when the change it describes does.
 */
export async function recordAudit(tx: Tx, event: AuditEventInput) {
  return tx.auditEvent.create({ data: auditRow(event) });
}

/** Many events in one insert (bulk work such as reconciling every account), inside the caller's transaction. */
export async function recordAuditBatch(tx: Tx, events: AuditEventInput[]): Promise<void> {
  if (events.length) await tx.auditEvent.createMany({ data: events.map(auditRow) });
}

function auditRow(event: AuditEventInput) {
  return {
    action: event.action,
    actorType: event.actor.type,
    actorId: event.actor.id ?? null,
    actorLabel: event.actor.label ?? null,
    orgId: event.orgId ?? null,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    targetLabel: event.target?.label ?? null,
    detail: event.detail ?? {},
    ip: event.context?.ip ?? null,
    userAgent: event.context?.userAgent ?? null,
    requestId: event.context?.requestId ?? null,
    outcome: event.outcome ?? "success",
  };
}
