import type { Db } from "@/lib/db/client";
import { auditHash, GENESIS_HASH } from "./audit-hash";

export type ChainBreak = {
  seq: bigint;
  eventId: string;
  /** `seq`: a link is missing or out of place; `prev_hash`: it does not point at the link before; `hash`: its content changed. */
  kind: "seq" | "prev_hash" | "hash";
  expected: string;
  stored: string;
};

export type ChainReport = {
  /** null: the global chain (events outside any org). */
  orgId: string | null;
  slug: string | null;
  events: number;
  headHash: string;
  firstBreak: ChainBreak | null;
};

const BATCH = 5_000;

/**
 * Walks one chain from its first link, recomputing every hash, and stops at
 * the first broken link. Reads in seq-ordered batches, so memory stays flat.
 */
async function verifyChain(db: Db, orgId: string | null): Promise<Omit<ChainReport, "slug">> {
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let events = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { orgId, seq: { gte: expectedSeq } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const row of rows) {
      const broken = (kind: ChainBreak["kind"], expected: string, stored: string) => ({
        orgId,
        events,
        headHash: prevHash,
        firstBreak: { seq: row.seq, eventId: row.id, kind, expected, stored },
      });
      if (row.seq !== expectedSeq) return broken("seq", expectedSeq.toString(), row.seq.toString());
      if (row.prevHash !== prevHash) return broken("prev_hash", prevHash, row.prevHash);
      const hash = auditHash(prevHash, row);
      if (row.hash !== hash) return broken("hash", hash, row.hash);
      prevHash = hash;
      expectedSeq += 1n;
      events += 1;
    }
    if (rows.length < BATCH) return { orgId, events, headHash: prevHash, firstBreak: null };
  }
}

/**
 * Verifies the chain of one org (`orgId`), of the global chain (`orgId: null`),
 * or every chain there is (no option): the global one, then each org's,
 * deleted orgs included.
 */
export async function verifyAuditChain(db: Db, options: { orgId?: string | null } = {}): Promise<ChainReport[]> {
  const orgs =
    options.orgId === undefined
      ? await db.org.findMany({ where: { auditEvents: { some: {} } }, orderBy: { slug: "asc" }, select: { id: true, slug: true } })
      : options.orgId === null
        ? []
        : await db.org.findMany({ where: { id: options.orgId }, select: { id: true, slug: true } });
  const reports: ChainReport[] = [];
  if (!options.orgId) reports.push({ ...(await verifyChain(db, null)), slug: null });
  for (const org of orgs) reports.push({ ...(await verifyChain(db, org.id)), slug: org.slug });
  return reports;
}
