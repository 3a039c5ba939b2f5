// Members listing at 10,000 members: the query the members page and API run
// (count + one page with roles and teams), for first/deep pages, each sort and
// a search. Run: `npx tsx bench/members.ts`.
import { randomUUID } from "node:crypto";
import { createOrg } from "@/lib/orgs/create-org";
import { listMembers } from "@/lib/orgs/list-members";
import { loadOrgContext } from "@/lib/orgs/org-context";
import { percentile, startBenchDatabase } from "./support/bench-database";

const MEMBERS = 10_000;
const RUNS = 30;

const { db, stop } = await startBenchDatabase();
try {
  const admin = await db.user.create({ data: { email: "admin@bench.test", name: "Bench Admin", passwordHash: "unused" } });
  const org = await createOrg(db, { userId: admin.id, email: admin.email }, { name: "Bench Org" }, {});
  const seeded = performance.now();
  for (let offset = 0; offset < MEMBERS; offset += 1000) {
    const users = Array.from({ length: 1000 }, (_, i) => ({
      id: randomUUID(),
      email: `member-${offset + i}@bench.test`,
      name: `Member ${((offset + i) * 7919) % MEMBERS}`,
      passwordHash: "unused",
    }));
    await db.user.createMany({ data: users });
    await db.membership.createMany({ data: users.map((user, i) => ({ orgId: org.id, userId: user.id, role: i % 10 === 0 ? "manager" : "member" })) });
  }
  await db.$executeRawUnsafe("ANALYZE");
  console.log(`Seeded ${MEMBERS} members in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  const ctx = await loadOrgContext(db, org.slug, admin.id);
  const scenarios: [string, Record<string, unknown>][] = [
    ["page 1 by name", { sort: "name" }],
    ["page 200 by name", { sort: "name", page: 200 }],
    ["page 1 by email desc", { sort: "email", dir: "desc" }],
    ["page 1 by joined", { sort: "joined" }],
    ["search 'member-99'", { q: "member-99" }],
  ];
  for (const [label, query] of scenarios) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = await listMembers(db, ctx, { pageSize: 25, ...query });
      times.push(performance.now() - started);
      if (result.total === 0) throw new Error(`${label}: no rows`);
    }
    times.sort((a, b) => a - b);
    console.log(`${label.padEnd(22)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms`);
  }
} finally {
  await stop();
}
