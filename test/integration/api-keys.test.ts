import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { test } from "node:test";
import { generateApiKey } from "@/lib/api-keys/api-key-format";
import {
  API_KEY_CREATOR_GONE,
  API_KEY_ORG_DELETED,
  authenticateApiKey,
  EXPIRED_API_KEY,
  INVALID_API_KEY,
  isApiKey,
  REVOKED_API_KEY,
} from "@/lib/api-keys/authenticate-api-key";
import { loadApiKeyContext } from "@/lib/api-keys/load-api-key-context";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { REVOKE_OTHERS_KEY, revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { changeMemberRole } from "@/lib/orgs/change-member-role";
import { deleteOrg } from "@/lib/orgs/delete-org";
import { NO_ESCALATION } from "@/lib/orgs/org-context";
import { removeMember } from "@/lib/orgs/remove-member";
import { testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets, testContext } from "@/test/support/identity";
import { orgWithAdmin } from "@/test/support/orgs";

setTestSecrets();
const database = testDatabaseForFile();

const DAY_MS = 24 * 60 * 60 * 1000;

function isError(type: new (...args: never[]) => Error, message?: RegExp | string, field?: string) {
  return (error: unknown) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    if (typeof message === "string") assert.equal(error.message, message);
    else if (message) assert.match(error.message, message);
    if (field) assert.equal((error as { field?: string }).field, field);
    return true;
  };
}

const secretOf = (key: string) => key.slice("cdn_".length + 12 + 1);

test("a new key is returned once, stored only as its hash, and authenticates with its scopes", async () => {
  const db = database.db;
  const { org, admin, adminCtx } = await orgWithAdmin(db);
  const ctx = await adminCtx();
  const before = Date.now();
  const { key, apiKey } = await createApiKey(db, ctx, { name: "  CI deploys  ", scopes: ["teams:read", "members:read"], expiresInDays: "30" }, testContext());

  assert.match(key, /^cdn_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
  assert.ok(isApiKey(key));
  assert.equal(apiKey.name, "CI deploys");
  assert.deepEqual(apiKey.scopes, ["members:read", "teams:read"], "catalogue order");
  assert.equal(apiKey.status, "active");
  assert.deepEqual(apiKey.createdBy, { id: admin.id, name: admin.name, email: admin.email });
  assert.ok(key.startsWith(`cdn_${apiKey.prefix}_`));
  const expiresIn = apiKey.expiresAt!.getTime() - before;
  assert.ok(expiresIn >= 30 * DAY_MS && expiresIn < 30 * DAY_MS + 60_000, `expires in ${expiresIn} ms`);
  assert.equal("key" in apiKey || "secretHash" in apiKey, false, "the row view carries no secret");

  // The database holds the hash and nothing from which the key could be read back.
  const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
  assert.equal(row.secretHash, createHash("sha256").update(key).digest("hex"));
  const dump = JSON.stringify(row);
  assert.ok(!dump.includes(key) && !dump.includes(secretOf(key)), dump);

  const auth = await authenticateApiKey(db, key, "203.0.113.7");
  assert.deepEqual(auth, {
    ok: true,
    key: { id: apiKey.id, orgId: org.id, orgSlug: org.slug, name: "CI deploys", scopes: ["members:read", "teams:read"], createdById: admin.id },
  });
  const used = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
  assert.equal(used.lastUsedIp, "203.0.113.7");
  assert.ok(used.lastUsedAt && used.lastUsedAt.getTime() >= before);

  // Within a minute, another use writes nothing.
  assert.equal((await authenticateApiKey(db, key, "203.0.113.8")).ok, true);
  const again = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
  assert.deepEqual([again.lastUsedAt, again.lastUsedIp], [used.lastUsedAt, "203.0.113.7"]);
  // After a minute it does.
  await db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
  assert.equal((await authenticateApiKey(db, key, "203.0.113.9")).ok, true);
  const later = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
  assert.equal(later.lastUsedIp, "203.0.113.9");
  assert.ok(later.lastUsedAt!.getTime() > used.lastUsedAt!.getTime());

  const { keys, total } = await listApiKeys(db, ctx);
  assert.equal(total, 1);
  assert.deepEqual(keys[0], { ...apiKey, lastUsedAt: later.lastUsedAt, lastUsedIp: "203.0.113.9" });

  const audit = await db.auditEvent.findMany({ where: { orgId: org.id, action: "api_key.create" } });
  assert.equal(audit.length, 1);
  assert.deepEqual(audit[0].detail, {
    name: "CI deploys",
    prefix: apiKey.prefix,
    scopes: ["members:read", "teams:read"],
    expiresAt: apiKey.expiresAt!.toISOString(),
  });
  assert.deepEqual([audit[0].actorId, audit[0].targetType, audit[0].targetId], [admin.id, "api_key", apiKey.id]);
  const allAudit = JSON.stringify(await db.auditEvent.findMany({ where: { orgId: org.id }, omit: { seq: true } }));
  assert.ok(!allAudit.includes(secretOf(key)) && !allAudit.includes(row.secretHash), "no key or hash in the audit trail");
});

test("a wrong secret with a real prefix, an unknown prefix and a malformed key are refused alike", async () => {
  const db = database.db;
  const { adminCtx } = await orgWithAdmin(db);
  const { key, apiKey } = await createApiKey(db, await adminCtx(), { name: "k", scopes: ["members:read"] }, testContext());
  assert.equal(apiKey.expiresAt, null, "no expiry means never");

  for (const bad of [generateApiKey(apiKey.prefix).key, generateApiKey().key, key.slice(0, -1), `${key} `, "cdn_nope", ""])
    assert.deepEqual(await authenticateApiKey(db, bad, "203.0.113.7"), { ok: false, detail: INVALID_API_KEY }, bad);
  assert.equal((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt, null, "failures do not count as use");
  assert.equal((await authenticateApiKey(db, key, null)).ok, true);
});

test("revoking stops a key; twice is a no-op; garbage, unknown and other orgs' ids are not found", async () => {
  const db = database.db;
  const a = await orgWithAdmin(db);
  const b = await orgWithAdmin(db);
  const admin = await a.adminCtx();
  const member = await (await a.addMember("member")).ctx();
  const viewer = await (await a.addMember("viewer")).ctx();
  const { key, apiKey } = await createApiKey(db, admin, { name: "Deploy", scopes: ["members:read"] }, testContext());
  const foreign = await createApiKey(db, await b.adminCtx(), { name: "B", scopes: ["members:read"] }, testContext());

  for (const id of ["not-a-uuid", "", randomUUID(), foreign.apiKey.id])
    await assert.rejects(revokeApiKey(db, admin, id, testContext()), isError(NotFoundError, "API key was not found."), JSON.stringify(id));
  assert.equal((await authenticateApiKey(db, foreign.key, null)).ok, true, "the other org's key is untouched");

  await assert.rejects(revokeApiKey(db, viewer, apiKey.id, testContext()), isError(ForbiddenError, /api_keys:write/));
  await assert.rejects(revokeApiKey(db, member, apiKey.id, testContext()), isError(ForbiddenError, REVOKE_OTHERS_KEY));

  assert.deepEqual(await revokeApiKey(db, admin, apiKey.id, testContext()), { revoked: true });
  assert.deepEqual(await authenticateApiKey(db, key, null), { ok: false, detail: REVOKED_API_KEY });
  assert.deepEqual(await revokeApiKey(db, admin, apiKey.id, testContext()), { revoked: false });
  assert.equal((await listApiKeys(db, admin)).keys.find((k) => k.id === apiKey.id)?.status, "revoked");

  // A Member lacks api_keys:delete but may revoke a key they created.
  const own = await createApiKey(db, member, { name: "Mine", scopes: ["members:read"] }, testContext());
  assert.deepEqual(await revokeApiKey(db, member, own.apiKey.id, testContext()), { revoked: true });
  assert.deepEqual(await authenticateApiKey(db, own.key, null), { ok: false, detail: REVOKED_API_KEY });

  const revokes = await db.auditEvent.findMany({ where: { orgId: a.org.id, action: "api_key.revoke" }, orderBy: { createdAt: "asc" }, omit: { seq: true } });
  assert.deepEqual(
    revokes.map((e) => [e.targetId, e.actorId]),
    [
      [apiKey.id, admin.user.id],
      [own.apiKey.id, member.user.id],
    ],
  );
  assert.deepEqual(revokes[0].detail, { name: "Deploy", prefix: apiKey.prefix, scopes: ["members:read"], statusBefore: "active" });
  assert.ok(!JSON.stringify(revokes).includes(secretOf(key)));
});

test("expired keys and keys of a deleted org are refused", async () => {
  const db = database.db;
  const { org, adminCtx } = await orgWithAdmin(db);
  const ctx = await adminCtx();
  const inAnHour = new Date(Date.now() + 60 * 60 * 1000);
  const expiring = await createApiKey(db, ctx, { name: "Short", scopes: ["members:read"], expiresAt: inAnHour.toISOString() }, testContext());
  assert.equal(expiring.apiKey.expiresAt?.toISOString(), inAnHour.toISOString());
  assert.equal((await authenticateApiKey(db, expiring.key, null)).ok, true);
  await db.apiKey.update({ where: { id: expiring.apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  assert.deepEqual(await authenticateApiKey(db, expiring.key, null), { ok: false, detail: EXPIRED_API_KEY });
  assert.equal((await listApiKeys(db, ctx)).keys.find((k) => k.id === expiring.apiKey.id)?.status, "expired");

  const forever = await createApiKey(db, ctx, { name: "Forever", scopes: ["members:read"], expiresInDays: "" }, testContext());
  assert.equal(forever.apiKey.expiresAt, null);
  await deleteOrg(db, ctx, org.slug, testContext());
  assert.deepEqual(await authenticateApiKey(db, forever.key, null), { ok: false, detail: API_KEY_ORG_DELETED });
});

test("input is validated, and scopes cannot exceed what the creator holds", async () => {
  const db = database.db;
  const { adminCtx, addMember } = await orgWithAdmin(db);
  const admin = await adminCtx();
  const member = await (await addMember("member")).ctx();
  const viewer = await (await addMember("viewer")).ctx();
  const create = (ctx: typeof admin, input: Record<string, unknown>) =>
    createApiKey(db, ctx, { name: "Key", scopes: ["members:read"], ...input } as Parameters<typeof createApiKey>[2], testContext());

  await assert.rejects(create(viewer, {}), isError(ForbiddenError, /api_keys:write/));
  await assert.rejects(create(member, { scopes: ["members:read", "members:delete"] }), isError(ForbiddenError, NO_ESCALATION));
  await assert.rejects(create(admin, { scopes: [] }), isError(ValidationError, /at least one scope/, "scopes"));
  await assert.rejects(create(admin, { scopes: "members:read" }), isError(ValidationError, /at least one scope/, "scopes"));
  await assert.rejects(create(admin, { scopes: ["members:fly"] }), isError(ValidationError, /Unknown permission: "members:fly"/, "scopes"));
  await assert.rejects(create(admin, { scopes: [1] }), isError(ValidationError, undefined, "scopes"));
  await assert.rejects(create(admin, { name: "   " }), isError(ValidationError, /Enter a name/, "name"));
  await assert.rejects(create(admin, { name: "x".repeat(81) }), isError(ValidationError, /80 characters/, "name"));
  await assert.rejects(create(admin, { name: undefined }), isError(ValidationError, undefined, "name"));
  for (const days of ["0", "366", "1.5", "soon"])
    await assert.rejects(create(admin, { expiresInDays: days }), isError(ValidationError, undefined, "expiresInDays"));
  await assert.rejects(create(admin, { expiresAt: new Date(Date.now() - 1000) }), isError(ValidationError, /in the future/, "expiresAt"));
  await assert.rejects(create(admin, { expiresAt: new Date(Date.now() + 367 * DAY_MS) }), isError(ValidationError, /one year/, "expiresAt"));
  await assert.rejects(create(admin, { expiresAt: "tomorrow-ish" }), isError(ValidationError, undefined, "expiresAt"));
  await assert.rejects(create(admin, { expiresAt: new Date(Date.now() + DAY_MS), expiresInDays: 30 }), isError(ValidationError, /not both/, "expiresAt"));
  assert.equal(await db.apiKey.count({ where: { orgId: admin.org.id } }), 0, "nothing was created");

  const ok = await create(member, { name: "x".repeat(80), scopes: ["members:read", "api_keys:write", "members:read"], expiresInDays: 365 });
  assert.deepEqual(ok.apiKey.scopes, ["members:read", "api_keys:write"]);
  assert.equal(ok.apiKey.createdBy?.id, member.user.id);
});

test("a key never outlives its creator's rights: demotion narrows it, leaving the org stops it", async () => {
  const db = database.db;
  const { adminCtx, addMember, context } = await orgWithAdmin(db);
  const admin = await adminCtx();
  const manager = await addMember("manager");
  const { key, apiKey } = await createApiKey(
    db,
    await manager.ctx(),
    { name: "Ops", scopes: ["members:read", "members:delete", "teams:delete"] },
    testContext(),
  );
  const scopesNow = async () => {
    const auth = await authenticateApiKey(db, key, null);
    if (!auth.ok) return auth.detail;
    try {
      return [...(await loadApiKeyContext(db, auth.key, auth.key.orgSlug)).permissions];
    } catch (error) {
      return (error as Error).message;
    }
  };
  assert.deepEqual(await scopesNow(), ["members:read", "members:delete", "teams:delete"]);

  await changeMemberRole(db, admin, manager.membership.id, "member", testContext());
  assert.deepEqual(await scopesNow(), ["members:read"], "the key loses what its creator lost");
  assert.deepEqual(
    (await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).scopes,
    ["members:read", "members:delete", "teams:delete"],
    "stored scopes kept",
  );
  await changeMemberRole(db, admin, manager.membership.id, "manager", testContext());
  assert.deepEqual(await scopesNow(), ["members:read", "members:delete", "teams:delete"], "and regains it on promotion");

  await removeMember(db, admin, manager.membership.id, testContext());
  assert.deepEqual(await scopesNow(), API_KEY_CREATOR_GONE);

  // A deleted account's keys stop too (createdById becomes null).
  const other = await addMember("member");
  const orphan = await createApiKey(db, await other.ctx(), { name: "Orphan", scopes: ["members:read"] }, testContext());
  await db.user.delete({ where: { id: other.user.id } });
  assert.deepEqual(await authenticateApiKey(db, orphan.key, null), { ok: false, detail: API_KEY_CREATOR_GONE });
  const listed = (await listApiKeys(db, await context(admin.user.id))).keys.find((k) => k.id === orphan.apiKey.id);
  assert.equal(listed?.createdBy, null);
});

test("the list is the org's own keys, newest first, in bounded pages, for members with api_keys:read", async () => {
  const db = database.db;
  const a = await orgWithAdmin(db);
  const b = await orgWithAdmin(db);
  const admin = await a.adminCtx();
  for (const [i, name] of ["one", "two", "three"].entries()) {
    const { apiKey } = await createApiKey(db, admin, { name, scopes: ["members:read"] }, testContext());
    // Distinct creation times, so the order under test does not hinge on two inserts landing in the same millisecond.
    await db.apiKey.update({ where: { id: apiKey.id }, data: { createdAt: new Date(Date.now() - (3 - i) * 60_000) } });
  }
  await createApiKey(db, await b.adminCtx(), { name: "elsewhere", scopes: ["members:read"] }, testContext());

  const first = await listApiKeys(db, admin, { pageSize: "2" });
  assert.deepEqual(
    first.keys.map((k) => k.name),
    ["three", "two"],
  );
  assert.deepEqual([first.total, first.page, first.pages], [3, 1, 2]);
  const second = await listApiKeys(db, admin, { page: 2, pageSize: 2 });
  assert.deepEqual(
    second.keys.map((k) => k.name),
    ["one"],
  );
  const garbled = await listApiKeys(db, admin, { page: "abc", pageSize: "100000" });
  assert.deepEqual([garbled.page, garbled.pageSize, garbled.keys.length], [1, 50, 3]);

  const viewer = await (await a.addMember("viewer")).ctx();
  assert.equal((await listApiKeys(db, viewer)).total, 3);
  await db.membership.update({
    where: { id: viewer.membership.id },
    data: { role: null, customRole: { create: { orgId: a.org.id, name: "Nothing", permissions: [] } } },
  });
  await assert.rejects(listApiKeys(db, await a.context(viewer.user.id)), isError(ForbiddenError, /api_keys:read/));
});
