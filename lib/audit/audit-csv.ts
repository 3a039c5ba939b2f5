import type { AuditEventView } from "./audit-event-view";

/** The export's columns, in order (the header row). */
export const AUDIT_CSV_COLUMNS = [
  "seq",
  "id",
  "time",
  "actor_type",
  "actor_id",
  "actor_label",
  "action",
  "target_type",
  "target_id",
  "target_label",
  "outcome",
  "ip",
  "user_agent",
  "request_id",
  "detail",
  "prev_hash",
  "hash",
] as const;

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote or a line break,
 * quotes doubled. Values are written as they are (no spreadsheet-formula
 * escaping), so the file round-trips exactly; null is an empty field and an
 * empty string a quoted one (`""`), so the two stay apart.
 */
export function csvField(value: string | null): string {
  if (value === null) return "";
  return value === "" || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: (string | null)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

export function auditCsvRow(event: AuditEventView): string {
  return csvLine([
    event.seq,
    event.id,
    event.time,
    event.actor.type,
    event.actor.id,
    event.actor.label,
    event.action,
    event.target?.type ?? null,
    event.target?.id ?? null,
    event.target?.label ?? null,
    event.outcome,
    event.ip,
    event.userAgent,
    event.requestId,
    JSON.stringify(event.detail),
    event.prevHash,
    event.hash,
  ]);
}
