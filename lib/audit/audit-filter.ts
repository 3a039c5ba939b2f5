import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { isUuid } from "@/lib/db/is-uuid";
import { AUDIT_ACTIONS, type AuditAction } from "./actions";

const ACTIONS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** `member.*`, `mfa.totp.*`…: every dotted prefix shared by two or more actions, for filtering by group. */
export const AUDIT_ACTION_GROUPS: string[] = [
  ...new Set(
    ACTIONS.flatMap((action) =>
      action
        .split(".")
        .slice(0, -1)
        .map((_, i, parts) => `${parts.slice(0, i + 1).join(".")}.*`),
    ),
  ),
]
  .filter((group) => ACTIONS.filter((action) => action.startsWith(group.slice(0, -1))).length > 1)
  .sort();

/** The catalogue actions an `action` filter selects: one action, or a group's. */
export function actionsMatching(filter: string): AuditAction[] {
  if (filter.endsWith(".*") && AUDIT_ACTION_GROUPS.includes(filter)) return ACTIONS.filter((action) => action.startsWith(filter.slice(0, -1)));
  return ACTIONS.includes(filter as AuditAction) ? [filter as AuditAction] : [];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const text = (max: number, description: string) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined)
    .describe(description);

const time = (description: string) =>
  text(40, description).refine(
    (value) => value === undefined || ((DAY.test(value) || INSTANT.test(value)) && !Number.isNaN(Date.parse(value))),
    "Use a date (YYYY-MM-DD, UTC) or an ISO 8601 time.",
  );

/**
 * The filters of the Audit page, the list API and the exports (one schema, so
 * a page's URL and an API query mean the same). Parsing its output again gives
 * the same value: values stay strings, and become SQL in `auditFilterSql`.
 */
export const auditFilterSchema = z.object({
  actor: text(200, "Who acted: a user or key id (exact), else part of their label (email, key name)"),
  action: text(100, "An action (`member.role.change`) or a group (`member.*`) from the catalogue").refine(
    (value) => value === undefined || actionsMatching(value).length > 0,
    "Choose an action or a group (such as member.*) from the catalogue.",
  ),
  target: text(200, "What it acted on: an id (exact), else part of its label"),
  outcome: z.preprocess((value) => value || undefined, z.enum(["success", "failure"]).optional()).describe("success or failure"),
  from: time("From this time (a date means its start, UTC)"),
  to: time("Until this time, exclusive (a date means through its end, UTC)"),
  q: text(200, "Free text anywhere in the action, actor and target labels, target id, detail, IP or request id"),
});

export type AuditFilter = z.output<typeof auditFilterSchema>;

/** `to` as an exclusive bound: a bare date includes that whole day. */
export function filterBounds(filter: Pick<AuditFilter, "from" | "to">): { from?: Date; to?: Date } {
  const parse = (value: string, endOfDay: boolean) =>
    new Date(DAY.test(value) ? Date.parse(`${value}T00:00:00Z`) + (endOfDay ? 86_400_000 : 0) : Date.parse(value));
  return { from: filter.from ? parse(filter.from, false) : undefined, to: filter.to ? parse(filter.to, true) : undefined };
}

/** A `timestamp` (UTC, as Prisma stores DateTime) whatever the session's time zone. */
export const utcTimestamp = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

const contains = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The filter as SQL conditions on "AuditEvent". Ids compare exactly, so the
 * history links (`?actor=<user id>`, `?target=<member id>`) use their indexes;
 * labels and free text match case-insensitively anywhere, through trigram indexes.
 */
export function auditFilterSql(filter: AuditFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filter.actor) conditions.push(isUuid(filter.actor) ? Prisma.sql`"actorId" = ${filter.actor}` : Prisma.sql`"actorLabel" ILIKE ${contains(filter.actor)}`);
  if (filter.action) {
    const actions = actionsMatching(filter.action);
    conditions.push(actions.length === 1 ? Prisma.sql`action = ${actions[0]}` : Prisma.sql`action = ANY(${actions}::text[])`);
  }
  if (filter.target)
    conditions.push(
      isUuid(filter.target)
        ? Prisma.sql`"targetId" = ${filter.target}`
        : Prisma.sql`("targetLabel" ILIKE ${contains(filter.target)} OR "targetId" = ${filter.target})`,
    );
  if (filter.outcome) conditions.push(Prisma.sql`outcome = ${filter.outcome}::"AuditOutcome"`);
  const { from, to } = filterBounds(filter);
  if (from) conditions.push(Prisma.sql`"createdAt" >= ${utcTimestamp(from)}`);
  if (to) conditions.push(Prisma.sql`"createdAt" < ${utcTimestamp(to)}`);
  // The same call as the trigram index on it (migration 20261123161500_audit_search).
  if (filter.q)
    conditions.push(Prisma.sql`audit_search_text(action, "actorLabel", "targetLabel", "targetId", detail, ip, "requestId") ILIKE ${contains(filter.q)}`);
  return conditions;
}
