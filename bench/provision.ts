// Provisioning NATS accounts at 1,000 orgs: per-org create + push (DB row,
// derived keys, operator-signed JWT, $SYS.REQ.CLAIMS.UPDATE, the org's three
// system streams through the connection pool, status and audit write), then
// rebuild-all (reconcile) over all of them, against a real PostgreSQL and
// nats-server.
// Run: `npx tsx bench/provision.ts`.
import { createOrg } from "@/lib/orgs/create-org";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import { reconcileAccounts } from "@/lib/nats/reconcile-accounts";
import { openTestRuntime, startTestNats } from "@/test/support/nats";
import { percentile, startBenchDatabase } from "./support/bench-database";

const ORGS = 1_000;

const { db, stop } = await startBenchDatabase();
const nats = await startTestNats();
const runtime = await openTestRuntime(nats);
try {
  const admin = await db.user.create({ data: { email: "admin@bench.test", name: "Bench Admin", passwordHash: "unused" } });
  const perOrg: number[] = [];
  const started = performance.now();
  for (let i = 0; i < ORGS; i++) {
    const t = performance.now();
    const org = await createOrg(db, { userId: admin.id, email: admin.email }, { name: `Bench Org ${i}` }, {});
    const result = await provisionOrgAccount(db, runtime, org.id);
    if (!result.ok) throw new Error(`org ${i}: ${result.error}`);
    perOrg.push(performance.now() - t);
  }
  const total = (performance.now() - started) / 1000;
  perOrg.sort((a, b) => a - b);
  console.log(
    `Provision ${ORGS} orgs (create + push, sequential): p50 ${percentile(perOrg, 50).toFixed(2)} ms, p95 ${percentile(perOrg, 95).toFixed(2)} ms, total ${total.toFixed(1)} s`,
  );

  // nats-server applies account updates one at a time (about 14–19 ms each for an
  // existing account on 2.9.10 here), so concurrency on our side barely helps.
  for (const concurrency of [8, 32]) {
    const report = await reconcileAccounts(db, runtime, { concurrency });
    if (report.failed) {
      const failed = await db.org.findMany({ where: { natsError: { not: null } }, select: { natsError: true }, take: 3 });
      throw new Error(`${report.failed} pushes failed, e.g. ${failed.map((o) => o.natsError).join("; ")}`);
    }
    console.log(`rebuild-all of ${report.orgs} accounts (concurrency ${concurrency}): ${report.ms} ms; org connections open after: ${runtime.pool.size}`);
  }
  const memory = process.memoryUsage();
  console.log(`Process memory after: rss ${(memory.rss / 1024 / 1024).toFixed(0)} MB, heap used ${(memory.heapUsed / 1024 / 1024).toFixed(0)} MB`);
} finally {
  await runtime.close();
  await nats.dispose();
  await stop();
}
