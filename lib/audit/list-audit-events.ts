import { z } from "zod";
import { Prisma, type AuditEvent } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors/domain-errors";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { auditEventView, type AuditEventView } from "./audit-event-view";
import { auditFilterSchema, auditFilterSql, utcTimestamp } from "./audit-filter";

type Cursor = { direction: "older" | "newer"; createdAt: Date; seq: bigint };

/** Opaque to clients: the direction plus the (createdAt, seq) of the row to continue from (unique within a chain). */
function encodeCursor(direction: Cursor["direction"], event: Pick<AuditEvent, "createdAt" | "seq">): string {
  return Buffer.from(`${direction === "older" ? "o" : "n"}${event.createdAt.getTime()}.${event.seq}`).toString("base64url");
}

function decodeCursor(value: string): Cursor | null {
  const match = /^([on])(\d{1,15})\.(\d{1,19})$/.exec(Buffer.from(value, "base64url").toString());
  return match ? { direction: match[1] === "o" ? "older" : "newer", createdAt: new Date(Number(match[2])), seq: BigInt(match[3]) } : null;
}

export const listAuditQuery = auditFilterSchema.extend({
  cursor: z
    .string()
    .max(100)
    .optional()
    .refine((value) => !value || decodeCursor(value) !== null, "This page link is not valid; start again from the newest events.")
    .describe("nextCursor or prevCursor of a previous page"),
  limit: z.coerce.number().int().min(1).max(200).optional().default(50).describe("Events per page (1–200)"),
});

export type ListAuditQuery = z.output<typeof listAuditQuery>;

export type AuditPage = { events: AuditEventView[]; nextCursor: string | null; prevCursor: string | null };

/** `orgId` undefined: every chain (operators on the CLI); null: the global chain only. */
export type AuditScope = { orgId?: string | null };

export function scopeSql(scope: AuditScope): Prisma.Sql[] {
  if (scope.orgId === undefined) return [];
  return [scope.orgId === null ? Prisma.sql`"orgId" IS NULL` : Prisma.sql`"orgId" = ${scope.orgId}::uuid`];
}

/**
 * One page, newest first, by keyset on (createdAt, seq): every page costs the
 * same at a million events, and new events never shift the pages being read.
 */
export async function queryAuditEvents(db: Db, scope: AuditScope, query: ListAuditQuery): Promise<AuditPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const newer = cursor?.direction === "newer";
  const conditions = [...scopeSql(scope), ...auditFilterSql(query)];
  if (cursor) {
    const key = Prisma.sql`(${utcTimestamp(cursor.createdAt)}, ${cursor.seq}::bigint)`;
    conditions.push(newer ? Prisma.sql`("createdAt", seq) > ${key}` : Prisma.sql`("createdAt", seq) < ${key}`);
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const order = newer ? Prisma.sql`ORDER BY "createdAt" ASC, seq ASC` : Prisma.sql`ORDER BY "createdAt" DESC, seq DESC`;
  const rows = await db.$queryRaw<AuditEvent[]>`SELECT * FROM "AuditEvent" ${where} ${order} LIMIT ${query.limit + 1}`;

  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (newer) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    events: page.map(auditEventView),
    nextCursor: last && (newer || more) ? encodeCursor("older", last) : null,
    prevCursor: first && (newer ? more : cursor) ? encodeCursor("newer", first) : null,
  };
}

/** The org's audit trail, filtered, one page at a time (needs audit:read). */
export async function listAuditEvents(db: Db, ctx: OrgContext, raw: unknown): Promise<AuditPage & { query: ListAuditQuery }> {
  ensureCan(ctx, "audit:read");
  const query = parseInput(listAuditQuery, raw ?? {});
  return { ...(await queryAuditEvents(db, { orgId: ctx.org.id }, query)), query };
}
