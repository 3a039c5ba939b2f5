import type { AuditEvent } from "@/generated/prisma/client";

/** An audit event as the API, the page and the exports show it (JSON-safe: seq as a string, time as ISO 8601). */
export type AuditEventView = {
  id: string;
  seq: string;
  time: string;
  orgId: string | null;
  actor: { type: string; id: string | null; label: string | null };
  action: string;
  target: { type: string; id: string | null; label: string | null } | null;
  outcome: string;
  detail: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
};

export function auditEventView(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    seq: event.seq.toString(),
    time: event.createdAt.toISOString(),
    orgId: event.orgId,
    actor: { type: event.actorType, id: event.actorId, label: event.actorLabel },
    action: event.action,
    target: event.targetType ? { type: event.targetType, id: event.targetId, label: event.targetLabel } : null,
    outcome: event.outcome,
    detail: event.detail,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}
