import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { jetstreamManager } from "@nats-io/jetstream";
import { relayAuditOutbox } from "@/lib/audit/relay-audit-outbox";
import { recordAuditBatch } from "@/lib/audit/record-audit";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import { testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets } from "@/test/support/identity";
import { openTestRuntime, startTestNats, type TestNats } from "@/test/support/nats";
import { orgWithAdmin } from "@/test/support/orgs";

setTestSecrets();
const database = testDatabaseForFile();
let nats: TestNats;
let runtime: Awaited<ReturnType<typeof openTestRuntime>>;

before(async () => {
  nats = await startTestNats();
  runtime = await openTestRuntime(nats);
});

after(async () => {
  await runtime?.close();
  await nats?.dispose();
});

const SYSTEM = { type: "system" as const, label: "test" };

/** Relays until the outbox is empty or nothing more gets through. */
async function relayAll() {
  let total = 0;
  for (;;) {
    const report = await relayAuditOutbox(database.db, runtime);
    total += report.published;
    if (report.published === 0) return { total, failed: report.failed };
  }
}

test("committed events reach the org's audit.<action> at least once; a NATS outage delays, loses nothing, and duplicates are dropped by id", async () => {
  const { org } = await orgWithAdmin(database.db);
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, org.id), { ok: true });
  const active = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  // What a tenant feeding its SIEM would run: a stream on audit.> (duplicate window 2 min).
  await runtime.pool.withConnection(active, async (nc) => {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: "AUDIT_SINK", subjects: ["audit.>"], duplicate_window: 120_000_000_000, max_bytes: 1024 * 1024 });
  });
  const streamInfo = () => runtime.pool.withConnection(active, async (nc) => (await jetstreamManager(nc)).streams.info("AUDIT_SINK"));
  const orgEvents = () => database.db.auditEvent.count({ where: { orgId: org.id } });

  const before = await relayAll(); // org.create, member.join, jwt.push… from setting the org up
  assert.equal(before.total, await orgEvents());
  assert.equal((await streamInfo()).state.messages, await orgEvents());

  await nats.stop();
  await database.db.$transaction((tx) =>
    recordAuditBatch(
      tx,
      Array.from({ length: 5 }, (_, n) => ({ action: "org.update" as const, actor: SYSTEM, orgId: org.id, detail: { n } })),
    ),
  );
  const during = await relayAuditOutbox(database.db, runtime);
  assert.equal(during.published, 0, "nothing is marked published while NATS is down");
  assert.equal(await database.db.auditOutbox.count({ where: { orgId: org.id, publishedAt: null } }), 5);

  await nats.start();
  let relayed = 0;
  for (let attempt = 0; attempt < 40 && relayed < 5; attempt++) {
    relayed += (await relayAll()).total;
    if (relayed < 5) await new Promise((resolve) => setTimeout(resolve, 250)); // the pool reconnects
  }
  assert.equal(relayed, 5);
  assert.equal((await streamInfo()).state.messages, await orgEvents(), "every event arrived, none twice");

  // A crash between publishing and marking means a second publish: the stream keeps one copy.
  await database.db.auditOutbox.updateMany({ where: { orgId: org.id }, data: { publishedAt: null } });
  assert.equal((await relayAll()).total, await orgEvents());
  assert.equal((await streamInfo()).state.messages, await orgEvents());
});
