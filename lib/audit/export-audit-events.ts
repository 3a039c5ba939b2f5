import { z } from "zod";
import { Prisma, type AuditEvent } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors/domain-errors";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { AUDIT_CSV_COLUMNS, auditCsvRow, csvLine } from "./audit-csv";
import { auditEventView } from "./audit-event-view";
import { auditFilterSchema, auditFilterSql, type AuditFilter } from "./audit-filter";
import { scopeSql } from "./list-audit-events";
import { recordAudit, type RequestContext } from "./record-audit";

export const exportAuditQuery = auditFilterSchema.extend({
  format: z.enum(["csv", "ndjson"]).optional().default("csv").describe("csv (RFC 4180, with a header row) or ndjson (one JSON event per line)"),
});

const BATCH = 1_000;

/**
 * The chain's events matching the filter, oldest first (chain order, so an
 * unfiltered export can be re-verified link by link), up to `untilSeq`, one
 * keyset batch at a time: memory stays the same at a million events.
 */
export async function* auditEventBatches(db: Db, orgId: string | null, filter: AuditFilter, untilSeq: bigint): AsyncGenerator<AuditEvent[]> {
  const conditions = [...scopeSql({ orgId }), ...auditFilterSql(filter), Prisma.sql`seq <= ${untilSeq}`];
  let after = 0n;
  for (;;) {
    const rows = await db.$queryRaw<AuditEvent[]>`
      SELECT * FROM "AuditEvent" WHERE ${Prisma.join([...conditions, Prisma.sql`seq > ${after}`], " AND ")} ORDER BY seq LIMIT ${BATCH}`;
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].seq;
  }
}

async function* csv(batches: AsyncIterable<AuditEvent[]>): AsyncGenerator<string> {
  yield csvLine([...AUDIT_CSV_COLUMNS]);
  for await (const rows of batches) yield rows.map((row) => auditCsvRow(auditEventView(row))).join("");
}

async function* ndjson(batches: AsyncIterable<AuditEvent[]>): AsyncGenerator<string> {
  for await (const rows of batches) yield rows.map((row) => `${JSON.stringify(auditEventView(row))}\n`).join("");
}

export type AuditExport = { filename: string; contentType: string; chunks: AsyncGenerator<string> };

/**
 * Exports the org's events matching the filter as CSV or NDJSON text chunks,
 * for streaming (needs audit:export). The export itself is audited; it covers
 * the events committed before it started.
 */
export async function exportAuditEvents(db: Db, ctx: OrgContext, raw: unknown, context: RequestContext): Promise<AuditExport> {
  ensureCan(ctx, "audit:export");
  const { format, ...filter } = parseInput(exportAuditQuery, raw ?? {});
  const head = await db.auditEvent.findFirst({ where: { orgId: ctx.org.id }, orderBy: { seq: "desc" }, select: { seq: true } });
  const filterDetail = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  await db.$transaction((tx) =>
    recordAudit(tx, {
      action: "audit.export",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "org", id: ctx.org.id, label: ctx.org.name },
      detail: { format, filter: filterDetail, untilSeq: (head?.seq ?? 0n).toString() },
      context,
    }),
  );
  const batches = auditEventBatches(db, ctx.org.id, filter, head?.seq ?? 0n);
  const day = new Date().toISOString().slice(0, 10);
  return format === "csv"
    ? { filename: `audit-${ctx.org.slug}-${day}.csv`, contentType: "text/csv; charset=utf-8", chunks: csv(batches) }
    : { filename: `audit-${ctx.org.slug}-${day}.ndjson`, contentType: "application/x-ndjson; charset=utf-8", chunks: ndjson(batches) };
}
