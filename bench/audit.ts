// The audit trail: appends with the hash chain (per event and batched, one
// org and many), the Audit page's list query over 1,000,000 events with and
// without filters (with the plan PostgreSQL picks), and export throughput.
// Run: `npx tsx bench/audit.ts`.
import { Prisma } from "@/generated/prisma/client";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { auditFilterSql } from "@/lib/audit/audit-filter";
import { listAuditEvents, listAuditQuery, scopeSql } from "@/lib/audit/list-audit-events";
import { recordAudit, recordAuditBatch, type AuditEventInput } from "@/lib/audit/record-audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createOrg } from "@/lib/orgs/create-org";
import { loadOrgContext } from "@/lib/orgs/org-context";
import { percentile, startBenchDatabase } from "./support/bench-database";

const LIST_EVENTS = 1_000_000;
const OTHER_ORG_EVENTS = 200_000;
const RUNS = 30;
const ACTIONS = Object.keys(AUDIT_ACTIONS);

const { db, stop } = await startBenchDatabase();
try {
  const admin = await db.user.create({ data: { email: "admin@bench.test", name: "Bench Admin", passwordHash: "unused" } });
  const newOrg = (name: string) => createOrg(db, { userId: admin.id, email: admin.email }, { name }, {});
  const event = (orgId: string, i: number): AuditEventInput => ({
    action: "member.role.change",
    actor: { type: "user", id: admin.id, label: admin.email },
    orgId,
    target: { type: "member", id: `m-${i}`, label: `member-${i}@bench.test` },
    detail: { before: { role: "Member" }, after: { role: "Manager" } },
    context: { ip: "203.0.113.9", userAgent: "bench", requestId: `req-${i}` },
  });
  const rate = async (label: string, events: number, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(52)} ${Math.round(events / seconds)
        .toString()
        .padStart(7)} events/s`,
    );
  };

  console.log("Appends with the hash chain (each transaction takes the chain's lock, reads its head, inserts event + outbox row):");
  const one = await newOrg("Append One");
  await rate("1 org, 1 event per transaction, 1 writer", 1_000, async () => {
    for (let i = 0; i < 1_000; i++) await db.$transaction((tx) => recordAudit(tx, event(one.id, i)));
  });
  await rate("1 org, 1 event per transaction, 8 writers", 8 * 250, () =>
    Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 250; i++) await db.$transaction((tx) => recordAudit(tx, event(one.id, w * 1000 + i)));
      }),
    ),
  );
  const eight = await Promise.all(Array.from({ length: 8 }, (_, i) => newOrg(`Append Many ${i}`)));
  await rate("8 orgs, 1 event per transaction, 8 writers (one per org)", 8 * 250, () =>
    Promise.all(
      eight.map(async (org) => {
        for (let i = 0; i < 250; i++) await db.$transaction((tx) => recordAudit(tx, event(org.id, i)));
      }),
    ),
  );
  await rate("1 org, batches of 100 (recordAuditBatch), 1 writer", 20_000, async () => {
    for (let b = 0; b < 200; b++)
      await db.$transaction((tx) =>
        recordAuditBatch(
          tx,
          Array.from({ length: 100 }, (_, i) => event(one.id, b * 100 + i)),
        ),
      );
  });
  await rate("8 orgs, batches of 100, 8 writers", 8 * 5_000, () =>
    Promise.all(
      eight.map(async (org) => {
        for (let b = 0; b < 50; b++)
          await db.$transaction((tx) =>
            recordAuditBatch(
              tx,
              Array.from({ length: 100 }, (_, i) => event(org.id, b * 100 + i)),
            ),
          );
      }),
    ),
  );
  const verifyStarted = performance.now();
  const [report] = await verifyAuditChain(db, { orgId: one.id });
  if (report.firstBreak) throw new Error("the appended chain does not verify");
  console.log(`verify: ${report.events} events in ${((performance.now() - verifyStarted) / 1000).toFixed(1)} s, chain intact`);

  // 1M events for the list: generated in SQL with placeholder hashes (the chain does not verify; the list never looks).
  const org = await newOrg("Bench Org");
  const other = await newOrg("Other Org");
  const actors = Array.from({ length: 200 }, (_, i) => `01a20000-0000-7000-8000-${String(i).padStart(12, "0")}`);
  const seeded = performance.now();
  const seed = async (orgId: string, count: number) => {
    for (let offset = 0; offset < count; offset += 100_000) {
      await db.$executeRaw`
        INSERT INTO "AuditEvent" (id, "createdAt", "orgId", seq, "prevHash", hash, "actorType", "actorId", "actorLabel", action, "targetType", "targetId", "targetLabel", detail, ip, "userAgent", "requestId", outcome)
        SELECT gen_random_uuid(), timestamp '2026-08-25' + (n * interval '7776 milliseconds'), ${orgId}::uuid, 1000 + n, md5(n::text) || md5(n::text), md5((n + 1)::text) || md5((n + 1)::text),
          'user', (${actors}::text[])[1 + n % 200], 'user-' || (n % 200) || '@bench.test',
          (${ACTIONS}::text[])[1 + (n * 7) % ${ACTIONS.length}],
          'member', 'm-' || n, 'member-' || (n % 5000) || '@bench.test',
          jsonb_build_object('before', jsonb_build_object('role', 'Member'), 'after', jsonb_build_object('role', CASE WHEN n % 3 = 0 THEN 'Admin' ELSE 'Manager' END), 'n', n),
          '203.0.113.' || (n % 250), 'Mozilla/5.0 bench', 'req-' || n, CASE WHEN n % 50 = 0 THEN 'failure' ELSE 'success' END::"AuditOutcome"
        FROM generate_series(${offset + 1}::int, ${offset + Math.min(100_000, count - offset)}::int) AS n`;
    }
  };
  await seed(org.id, LIST_EVENTS);
  await seed(other.id, OTHER_ORG_EVENTS);
  await db.$executeRawUnsafe("ANALYZE");
  console.log(
    `\nSeeded ${LIST_EVENTS} events in one org (+${OTHER_ORG_EVENTS} in another) over 90 days in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );

  const ctx = await loadOrgContext(db, org.slug, admin.id);
  const middle = await listAuditEvents(db, ctx, { to: "2026-10-10", limit: 1 });
  const scenarios: [string, Record<string, string>][] = [
    ["newest page, no filter", {}],
    ["a page 500,000 events deep (cursor)", { cursor: middle.nextCursor! }],
    [`action (1 of ${ACTIONS.length})`, { action: "tier.change" }],
    ["action group member.*", { action: "member.*" }],
    ["actor by id (history link, 1 of 200)", { actor: actors[42] }],
    ["actor label contains", { actor: "user-42@" }],
    ["target by id (one event)", { target: "m-654321" }],
    ["outcome failure (2%)", { outcome: "failure" }],
    ["one day", { from: "2026-10-01", to: "2026-10-01" }],
    ["group + failure + 2 weeks", { action: "member.*", outcome: "failure", from: "2026-09-01", to: "2026-09-14" }],
    ["free text, common ('Admin')", { q: "Admin" }],
    ["free text, rare (a request id)", { q: "req-777777" }],
    ["free text, no match", { q: "no-such-text" }],
  ];
  console.log(`\nAudit list (50 per page, ${RUNS} runs each):`);
  for (const [label, query] of scenarios) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      rows = (await listAuditEvents(db, ctx, query)).events.length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const parsed = listAuditQuery.parse(query);
    const where = Prisma.join([...scopeSql({ orgId: org.id }), ...auditFilterSql(parsed)], " AND ");
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT * FROM "AuditEvent" WHERE ${where} ORDER BY "createdAt" DESC, seq DESC LIMIT 51`;
    const indexes = [
      ...new Set(
        plan.flatMap((line) => /(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) "?(\w+)"?/.exec(line["QUERY PLAN"])?.[1] ?? []),
      ),
    ];
    console.log(
      `${label.padEnd(40)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   ${String(rows).padStart(2)} rows   ${indexes.join(", ") || plan[0]["QUERY PLAN"].trim()}`,
    );
  }

  console.log("\nExport (streamed, 1,000 rows per query):");
  for (const format of ["csv", "ndjson"] as const) {
    const started = performance.now();
    const file = await exportAuditEvents(db, ctx, { format }, {});
    let bytes = 0;
    let lines = 0;
    for await (const chunk of file.chunks) {
      bytes += Buffer.byteLength(chunk);
      lines += chunk.split("\n").length - 1;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${format.padEnd(7)} ${lines} lines, ${(bytes / 2 ** 20).toFixed(0)} MB in ${seconds.toFixed(1)} s: ${Math.round(lines / seconds)} events/s, ${(bytes / 2 ** 20 / seconds).toFixed(1)} MB/s; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
    );
  }
} finally {
  await stop();
}
