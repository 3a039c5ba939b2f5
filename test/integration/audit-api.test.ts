import assert from "node:assert/strict";
import { test } from "node:test";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { AuditEventView } from "@/lib/audit/audit-event-view";
import { recordAuditBatch, type AuditEventInput } from "@/lib/audit/record-audit";
import { changeMemberRole } from "@/lib/orgs/change-member-role";
import { callApi } from "@/test/support/api";
import { CsvReader } from "@/test/support/csv";
import { testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets, testContext } from "@/test/support/identity";
import { orgWithAdmin } from "@/test/support/orgs";

setTestSecrets();
const database = testDatabaseForFile();

type Page = { events: AuditEventView[]; nextCursor: string | null; prevCursor: string | null };

async function keyFor(ctx: Awaited<ReturnType<Awaited<ReturnType<typeof orgWithAdmin>>["adminCtx"]>>, scopes: string[]) {
  const { key } = await createApiKey(database.db, ctx, { name: `k-${scopes.join("-")}`, scopes }, testContext());
  return { authorization: `Bearer ${key}` };
}

async function list(slug: string, headers: Record<string, string>, query = ""): Promise<Page> {
  const response = await callApi("GET", "/orgs/{slug}/audit", { slug }, { headers, query });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

/** An org with 120 extra events over 3 (UTC) days, of a few kinds, plus a role change. */
async function seededOrg() {
  const setup = await orgWithAdmin(database.db);
  const { org } = setup;
  const day = (n: number, i: number) => new Date(Date.UTC(2026, 10, 20 + n, 12, 0, i));
  const events: AuditEventInput[] = Array.from({ length: 120 }, (_, i) => ({
    action: i % 3 === 0 ? "team.create" : i % 3 === 1 ? "team.member.add" : "invite.create",
    actor: { type: "user", id: setup.admin.id, label: setup.admin.email },
    orgId: org.id,
    target: { type: "team", id: `t-${i}`, label: i === 77 ? "Needle team" : `Team ${i}` },
    detail: {
      i,
      day: day(i % 3, i)
        .toISOString()
        .slice(0, 10),
    },
    outcome: i % 10 === 0 ? "failure" : "success",
  }));
  await database.db.$transaction((tx) => recordAuditBatch(tx, events));
  return setup;
}

test("the list API pages newest first with cursors both ways, and the pages cover every event exactly once", async () => {
  const { org, adminCtx } = await seededOrg();
  const headers = await keyFor(await adminCtx(), ["audit:read"]);
  const total = await database.db.auditEvent.count({ where: { orgId: org.id } });

  const seen: string[] = [];
  const pages: Page[] = [];
  let page = await list(org.slug, headers, "?limit=25");
  assert.equal(page.prevCursor, null, "the first page has nothing newer");
  for (;;) {
    pages.push(page);
    seen.push(...page.events.map((e) => e.id));
    if (!page.nextCursor) break;
    page = await list(org.slug, headers, `?limit=25&cursor=${page.nextCursor}`);
  }
  assert.equal(seen.length, total);
  assert.equal(new Set(seen).size, total);
  const times = pages.flatMap((p) => p.events.map((e) => `${e.time}|${e.seq.padStart(8, "0")}`));
  assert.deepEqual(times, [...times].sort().reverse(), "newest first");

  // Back from the last page, newer and newer, to the first.
  const back: string[] = [];
  for (let i = pages.length - 1; i > 0; i--) {
    const newer = await list(org.slug, headers, `?limit=25&cursor=${pages[i].prevCursor}`);
    assert.deepEqual(
      newer.events.map((e) => e.id),
      pages[i - 1].events.map((e) => e.id),
    );
    back.push(...newer.events.map((e) => e.id));
    if (i === 1) assert.equal(newer.prevCursor, null);
  }
  assert.equal(back.length, total - pages.at(-1)!.events.length);
});

test("filters: action and group, actor and target by id or label, outcome, time range, free text", async () => {
  const { org, admin, adminCtx, addMember } = await seededOrg();
  const headers = await keyFor(await adminCtx(), ["audit:read"]);
  const bob = await addMember("member");
  await changeMemberRole(database.db, await adminCtx(), bob.membership.id, "manager", testContext());
  const count = async (query: string) => {
    let n = 0;
    let cursor = "";
    for (;;) {
      const page = await list(org.slug, headers, `?limit=200${query}${cursor}`);
      n += page.events.length;
      if (!page.nextCursor) return n;
      cursor = `&cursor=${page.nextCursor}`;
    }
  };
  assert.equal(await count("&action=team.create"), 40);
  assert.equal(await count("&action=team.*"), 80);
  assert.equal(await count("&action=member.role.change"), 1);
  assert.equal(await count("&outcome=failure"), 12);
  assert.equal(await count("&target=Needle"), 1);
  assert.equal(await count("&target=t-5"), 1);
  assert.equal(await count(`&target=${bob.membership.id}`), 1, "the member's history link");
  assert.equal(await count(`&actor=${admin.id}&action=invite.create`), 40);
  assert.equal(await count(`&actor=${encodeURIComponent(admin.email.toUpperCase())}&action=team.member.add`), 40);
  assert.equal(await count("&q=needle"), 1);
  assert.equal(await count("&q=2026-11-21"), 40, "free text reaches the detail");

  const roleChange = (await list(org.slug, headers, "?limit=1")).events[0];
  assert.equal(roleChange.action, "member.role.change", "the newest event is on top");
  assert.deepEqual(roleChange.detail, { before: { role: "Member" }, after: { role: "Manager" } });
  // Dates: the seeded events carry their own times only in detail, so the range is checked on real times.
  const now = new Date();
  assert.equal(await count(`&from=${now.toISOString().slice(0, 10)}&action=member.role.change`), 1);
  assert.equal(await count(`&to=2020-01-01`), 0);
  assert.equal(await count(`&from=${encodeURIComponent(new Date(now.getTime() + 60_000).toISOString())}`), 0);
});

test("bad filters are a 400 naming the field; reading needs audit:read, exporting audit:export", async () => {
  const { org, adminCtx, addMember } = await seededOrg();
  const reader = await keyFor(await adminCtx(), ["audit:read"]);
  for (const [query, field] of [
    ["?action=member.%25", "action"],
    ["?from=yesterday", "from"],
    ["?cursor=bogus", "cursor"],
    ["?limit=5000", "limit"],
    ["?outcome=maybe", "outcome"],
  ]) {
    const response = await callApi("GET", "/orgs/{slug}/audit", { slug: org.slug }, { headers: reader, query });
    assert.equal(response.status, 400, query);
    const body = await response.json();
    assert.equal(body.errors[0].path, field, query);
  }
  const member = await addMember("member");
  const memberKey = await keyFor(await member.ctx(), ["members:read"]);
  assert.equal((await callApi("GET", "/orgs/{slug}/audit", { slug: org.slug }, { headers: memberKey })).status, 403);
  const exportResponse = await callApi("GET", "/orgs/{slug}/audit/export", { slug: org.slug }, { headers: reader, query: "?format=csv" });
  assert.equal(exportResponse.status, 403);
  assert.match((await exportResponse.json()).detail, /audit:export/);
  const badFormat = await callApi(
    "GET",
    "/orgs/{slug}/audit/export",
    { slug: org.slug },
    { headers: await keyFor(await adminCtx(), ["audit:export"]), query: "?format=xml" },
  );
  assert.equal(badFormat.status, 400);
});

test("the export API streams the filtered events oldest first, as CSV or NDJSON, and the export is audited", async () => {
  const { org, admin, adminCtx } = await seededOrg();
  const headers = await keyFor(await adminCtx(), ["audit:export"]);

  const csv = await callApi("GET", "/orgs/{slug}/audit/export", { slug: org.slug }, { headers, query: "?format=csv&action=team.create" });
  assert.equal(csv.status, 200);
  assert.equal(csv.headers.get("content-type"), "text/csv; charset=utf-8");
  assert.match(csv.headers.get("content-disposition") ?? "", new RegExp(`^attachment; filename="audit-${org.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
  const reader = new CsvReader();
  const rows = reader.push(await csv.text());
  reader.end();
  assert.equal(rows[0][0], "seq");
  assert.equal(rows.length, 41);
  const seqs = rows.slice(1).map((row) => Number(row[0]));
  assert.deepEqual(
    seqs,
    [...seqs].sort((a, b) => a - b),
  );
  assert.ok(rows.slice(1).every((row) => row[6] === "team.create"));

  const ndjson = await callApi("GET", "/orgs/{slug}/audit/export", { slug: org.slug }, { headers, query: "?format=ndjson&outcome=failure" });
  assert.equal(ndjson.headers.get("content-type"), "application/x-ndjson; charset=utf-8");
  const lines = (await ndjson.text())
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as AuditEventView);
  assert.equal(lines.length, 12);
  assert.ok(lines.every((event) => event.outcome === "failure" && event.orgId === org.id));

  const exports = await database.db.auditEvent.findMany({ where: { orgId: org.id, action: "audit.export" }, orderBy: { seq: "asc" } });
  assert.equal(exports.length, 2);
  assert.equal(exports[0].actorType, "api_key");
  assert.match(exports[0].actorLabel ?? "", new RegExp(admin.email));
  assert.deepEqual((exports[0].detail as { format: string; filter: object }).filter, { action: "team.create" });
});
