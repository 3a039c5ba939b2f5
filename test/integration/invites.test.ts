import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { test } from "node:test";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { createEmailInvite } from "@/lib/invites/create-email-invite";
import { createLinkInvite } from "@/lib/invites/create-link-invite";
import { describeInvite } from "@/lib/invites/describe-invite";
import { InviteUnavailableError, WRONG_EMAIL, type InviteUnavailableReason } from "@/lib/invites/invite-status";
import { listInvites } from "@/lib/invites/list-invites";
import { revokeInvite } from "@/lib/invites/revoke-invite";
import { createOrg } from "@/lib/orgs/create-org";
import { loadOrgContext } from "@/lib/orgs/org-context";
import { NO_ESCALATION } from "@/lib/orgs/org-context";
import { testDatabaseForFile } from "@/test/support/database";
import { createUser, lastEmailLink, setTestSecrets, testContext } from "@/test/support/identity";

setTestSecrets();
const database = testDatabaseForFile();

type User = Awaited<ReturnType<typeof createUser>>;

const acceptor = (user: User) => ({ userId: user.id, email: user.email });

function tokenOf(link: string | undefined): string {
  const match = link ? /\/invite\/([A-Za-z0-9_-]+)$/.exec(link) : null;
  if (!match) throw new Error(`no invite token in ${link}`);
  return match[1];
}

/** An org with its Admin and the Admin's context. */
async function orgWithAdmin(name = `Org ${randomBytes(3).toString("hex")}`) {
  const admin = await createUser(database.db, undefined, "Ada Admin");
  const org = await createOrg(database.db, { userId: admin.id, email: admin.email }, { name }, testContext());
  const ctx = await loadOrgContext(database.db, org.slug, admin.id);
  return { admin, org, ctx };
}

/** A new user who joined `slug` with `role` through a link invite, and their context. */
async function joinAs(admin: Awaited<ReturnType<typeof orgWithAdmin>>, role: string) {
  const user = await createUser(database.db);
  const { link } = await createLinkInvite(database.db, admin.ctx, { role, maxUses: 1 }, testContext());
  const joined = await acceptInvite(database.db, tokenOf(link), acceptor(user), testContext());
  assert.equal(joined.alreadyMember, false);
  return { user, ctx: await loadOrgContext(database.db, admin.org.slug, user.id) };
}

function unavailable(reason: InviteUnavailableReason) {
  return (error: unknown) => {
    assert.ok(error instanceof InviteUnavailableError, `expected InviteUnavailableError, got ${String(error)}`);
    assert.equal(error.reason, reason);
    assert.ok(error instanceof DomainError);
    return true;
  };
}

test("an email invite is emailed, and accepting it as the invitee joins the org with the invite's role", async () => {
  const admin = await orgWithAdmin("Acme Email");
  const invitee = await createUser(database.db, `invitee-${randomBytes(3).toString("hex")}@example.com`, "Ivy Invitee");
  const created = await createEmailInvite(database.db, admin.ctx, { email: `  ${invitee.email.toUpperCase()} `, role: "manager" }, testContext());
  assert.equal(created.invite.email, invitee.email, "stored lower-cased and trimmed");
  assert.equal(created.invite.maxUses, 1);
  const days = (created.invite.expiresAt.getTime() - Date.now()) / 86_400_000;
  assert.ok(days > 6.99 && days <= 7, `expires in 7 days, not ${days}`);

  const mail = await lastEmailLink(database.db, invitee.email);
  assert.match(mail.subject, /Acme Email/);
  assert.equal(mail.link, created.link);
  assert.match(mail.link!, /^http:\/\/cordon\.test\/invite\/[A-Za-z0-9_-]{43}$/);
  const token = tokenOf(mail.link);

  assert.deepEqual(await describeInvite(database.db, token), {
    status: "valid",
    orgName: "Acme Email",
    orgSlug: admin.org.slug,
    roleName: "Manager",
    inviterName: "Ada Admin",
    email: invitee.email,
  });

  const result = await acceptInvite(database.db, token, { userId: invitee.id, email: invitee.email.toUpperCase() }, testContext());
  assert.deepEqual(result, { orgSlug: admin.org.slug, alreadyMember: false });
  const membership = await database.db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: admin.org.id, userId: invitee.id } } });
  assert.equal(membership.role, "manager");
  assert.equal(membership.customRoleId, null);
  const ctx = await loadOrgContext(database.db, admin.org.slug, invitee.id);
  assert.ok(ctx.permissions.has("invites:write"));

  const stored = await database.db.invite.findUniqueOrThrow({ where: { id: created.invite.id } });
  assert.equal(stored.usedCount, 1);
  const actions = (await database.db.auditEvent.findMany({ where: { orgId: admin.org.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
  assert.deepEqual(actions.slice(-3), ["invite.create", "invite.accept", "member.join"]);
  const join = await database.db.auditEvent.findFirstOrThrow({ where: { orgId: admin.org.id, action: "member.join" } });
  assert.equal(join.actorId, invitee.id);
  assert.equal(join.targetId, membership.id);

  assert.deepEqual(await describeInvite(database.db, token), { status: "used_up" });
  const [row] = await listInvites(database.db, admin.ctx);
  assert.equal(row.status, "accepted");
});

test("an email invite cannot be accepted by another user, and works only once", async () => {
  const admin = await orgWithAdmin();
  const invitee = await createUser(database.db);
  const other = await createUser(database.db);
  const { invite, link } = await createEmailInvite(database.db, admin.ctx, { email: invitee.email, role: "member" }, testContext());
  const token = tokenOf(link);

  await assert.rejects(acceptInvite(database.db, token, acceptor(other), testContext()), (error: unknown) => {
    assert.ok(error instanceof ForbiddenError);
    assert.equal(error.message, WRONG_EMAIL);
    return true;
  });
  assert.equal(await database.db.membership.count({ where: { orgId: admin.org.id, userId: other.id } }), 0);
  assert.equal((await database.db.invite.findUniqueOrThrow({ where: { id: invite.id } })).usedCount, 0);

  assert.equal((await acceptInvite(database.db, token, acceptor(invitee), testContext())).alreadyMember, false);
  await assert.rejects(acceptInvite(database.db, token, acceptor(invitee), testContext()), unavailable("used_up"));
  assert.equal((await database.db.invite.findUniqueOrThrow({ where: { id: invite.id } })).usedCount, 1);
  assert.equal(await database.db.auditEvent.count({ where: { orgId: admin.org.id, action: "invite.accept" } }), 1);
});

test("inviting an existing member by email is a conflict on the email field; a bad email is a validation error", async () => {
  const admin = await orgWithAdmin();
  await assert.rejects(
    createEmailInvite(database.db, admin.ctx, { email: admin.admin.email.toUpperCase(), role: "member" }, testContext()),
    (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.equal(error.field, "email");
      return true;
    },
  );
  await assert.rejects(createEmailInvite(database.db, admin.ctx, { email: "not-an-email", role: "member" }, testContext()), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.field, "email");
    return true;
  });
  await assert.rejects(createEmailInvite(database.db, admin.ctx, { email: "x@example.com", role: "owner" }, testContext()), ValidationError);
  assert.equal(await database.db.invite.count({ where: { orgId: admin.org.id } }), 0);
});

test("a link invite with 2 uses lets 2 users join and refuses the 3rd; a member using it changes nothing", async () => {
  const admin = await orgWithAdmin();
  const { invite, link } = await createLinkInvite(database.db, admin.ctx, { role: "viewer", maxUses: 2, expiresInDays: 3 }, testContext());
  assert.equal(invite.kind, "link");
  assert.equal(invite.email, null);
  assert.equal(Math.round((invite.expiresAt.getTime() - Date.now()) / 86_400_000), 3);
  const token = tokenOf(link);

  assert.deepEqual(await acceptInvite(database.db, token, acceptor(admin.admin), testContext()), { orgSlug: admin.org.slug, alreadyMember: true });
  assert.equal((await database.db.invite.findUniqueOrThrow({ where: { id: invite.id } })).usedCount, 0, "an existing member does not use the link up");
  assert.equal((await database.db.membership.findFirstOrThrow({ where: { orgId: admin.org.id, userId: admin.admin.id } })).role, "admin");

  const [first, second, third] = [await createUser(database.db), await createUser(database.db), await createUser(database.db)];
  for (const user of [first, second]) {
    assert.equal((await acceptInvite(database.db, token, acceptor(user), testContext())).alreadyMember, false);
    assert.equal((await database.db.membership.findFirstOrThrow({ where: { orgId: admin.org.id, userId: user.id } })).role, "viewer");
  }
  await assert.rejects(acceptInvite(database.db, token, acceptor(third), testContext()), unavailable("used_up"));
  assert.equal(await database.db.membership.count({ where: { orgId: admin.org.id, userId: third.id } }), 0);
  assert.deepEqual(await describeInvite(database.db, token), { status: "used_up" });
  const [row] = await listInvites(database.db, admin.ctx);
  assert.deepEqual([row.status, row.usedCount, row.maxUses], ["used_up", 2, 2]);
});

test("link invite defaults and limits", async () => {
  const admin = await orgWithAdmin();
  const { invite } = await createLinkInvite(database.db, admin.ctx, { role: "member" }, testContext());
  assert.equal(invite.maxUses, 25);
  assert.equal(Math.round((invite.expiresAt.getTime() - Date.now()) / 86_400_000), 7);
  const fromForm = await createLinkInvite(database.db, admin.ctx, { role: "member", expiresInDays: "30", maxUses: "" }, testContext());
  assert.equal(fromForm.invite.maxUses, 25);
  for (const [field, input] of [
    ["expiresInDays", { role: "member", expiresInDays: 31 }],
    ["expiresInDays", { role: "member", expiresInDays: 0 }],
    ["maxUses", { role: "member", maxUses: 1001 }],
    ["maxUses", { role: "member", maxUses: 1.5 }],
  ] as const) {
    await assert.rejects(createLinkInvite(database.db, admin.ctx, input, testContext()), (error: unknown) => {
      assert.ok(error instanceof ValidationError, String(error));
      assert.equal(error.field, field);
      return true;
    });
  }
});

test("expired and revoked invites are refused, and describeInvite says why", async () => {
  const admin = await orgWithAdmin();
  const user = await createUser(database.db);
  const expired = await createLinkInvite(database.db, admin.ctx, { role: "member" }, testContext());
  await database.db.invite.update({ where: { id: expired.invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  assert.deepEqual(await describeInvite(database.db, tokenOf(expired.link)), { status: "expired" });
  await assert.rejects(acceptInvite(database.db, tokenOf(expired.link), acceptor(user), testContext()), unavailable("expired"));

  const revoked = await createLinkInvite(database.db, admin.ctx, { role: "member" }, testContext());
  assert.deepEqual(await revokeInvite(database.db, admin.ctx, revoked.invite.id, testContext()), { revoked: true });
  assert.deepEqual(await revokeInvite(database.db, admin.ctx, revoked.invite.id, testContext()), { revoked: false }, "revoking twice is fine");
  assert.equal(await database.db.auditEvent.count({ where: { action: "invite.revoke", targetId: revoked.invite.id } }), 1);
  assert.deepEqual(await describeInvite(database.db, tokenOf(revoked.link)), { status: "revoked" });
  await assert.rejects(acceptInvite(database.db, tokenOf(revoked.link), acceptor(user), testContext()), unavailable("revoked"));

  assert.equal(await database.db.membership.count({ where: { orgId: admin.org.id, userId: user.id } }), 0);
  const statuses = (await listInvites(database.db, admin.ctx)).map((row) => row.status);
  assert.deepEqual(statuses, ["revoked", "expired"], "newest first");
});

test("unknown tokens and deleted orgs are described, never thrown, and refused on accept", async () => {
  for (const token of ["", "nope", "x".repeat(10_000), randomBytes(32).toString("base64url"), undefined, null, 42]) {
    assert.deepEqual(await describeInvite(database.db, token), { status: "unknown" });
  }
  const user = await createUser(database.db);
  await assert.rejects(acceptInvite(database.db, "nope", acceptor(user), testContext()), unavailable("unknown"));

  const admin = await orgWithAdmin();
  const { link } = await createLinkInvite(database.db, admin.ctx, { role: "member" }, testContext());
  await database.db.org.update({ where: { id: admin.org.id }, data: { deletedAt: new Date() } });
  assert.deepEqual(await describeInvite(database.db, tokenOf(link)), { status: "org_deleted" });
  await assert.rejects(acceptInvite(database.db, tokenOf(link), acceptor(user), testContext()), unavailable("org_deleted"));
});

test("concurrent accepts never exceed maxUses", async () => {
  const admin = await orgWithAdmin();
  const { invite, link } = await createLinkInvite(database.db, admin.ctx, { role: "member", maxUses: 3 }, testContext());
  const users = await Promise.all(Array.from({ length: 5 }, () => createUser(database.db)));
  const results = await Promise.allSettled(users.map((user) => acceptInvite(database.db, tokenOf(link), acceptor(user), testContext())));
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 3);
  for (const result of results) {
    if (result.status === "rejected") assert.ok(unavailable("used_up")(result.reason));
  }
  assert.equal(await database.db.membership.count({ where: { orgId: admin.org.id, userId: { in: users.map((u) => u.id) } } }), 3);
  assert.equal((await database.db.invite.findUniqueOrThrow({ where: { id: invite.id } })).usedCount, 3);
  assert.equal(await database.db.auditEvent.count({ where: { orgId: admin.org.id, action: "member.join" } }), 3);
});

test("the same user accepting twice at once joins once and uses the invite once", async () => {
  const admin = await orgWithAdmin();
  const { invite, link } = await createLinkInvite(database.db, admin.ctx, { role: "member", maxUses: 5 }, testContext());
  const user = await createUser(database.db);
  const results = await Promise.all(Array.from({ length: 3 }, () => acceptInvite(database.db, tokenOf(link), acceptor(user), testContext())));
  assert.equal(results.filter((r) => !r.alreadyMember).length, 1);
  assert.equal((await database.db.invite.findUniqueOrThrow({ where: { id: invite.id } })).usedCount, 1);
});

test("only the token's hash is stored", async () => {
  const admin = await orgWithAdmin();
  const invitee = await createUser(database.db);
  for (const created of [
    await createEmailInvite(database.db, admin.ctx, { email: invitee.email, role: "member" }, testContext()),
    await createLinkInvite(database.db, admin.ctx, { role: "member" }, testContext()),
  ]) {
    const token = tokenOf(created.link);
    assert.equal(Buffer.from(token, "base64url").length, 32);
    assert.ok(!("tokenHash" in created.invite), "the returned invite does not carry the hash");
    const row = await database.db.invite.findUniqueOrThrow({ where: { id: created.invite.id } });
    assert.ok(!JSON.stringify(row).includes(token), "the raw token is not in the Invite row");
    assert.equal(row.tokenHash, createHash("sha256").update(token).digest("hex"));
    const events = await database.db.auditEvent.findMany({ where: { targetId: created.invite.id }, omit: { seq: true } });
    assert.ok(events.length > 0 && !JSON.stringify(events).includes(token), "nor in the audit trail");
  }
});

test("an inviter cannot grant permissions they do not have", async () => {
  const admin = await orgWithAdmin();
  const manager = await joinAs(admin, "manager");
  for (const attempt of [
    createLinkInvite(database.db, manager.ctx, { role: "admin" }, testContext()),
    createEmailInvite(database.db, manager.ctx, { email: "new@example.com", role: "admin" }, testContext()),
  ]) {
    await assert.rejects(attempt, (error: unknown) => {
      assert.ok(error instanceof ForbiddenError);
      assert.equal(error.message, NO_ESCALATION);
      return true;
    });
  }
  const custom = await database.db.role.create({ data: { orgId: admin.org.id, name: "Role admin", permissions: ["roles:write", "members:read"] } });
  await assert.rejects(createLinkInvite(database.db, manager.ctx, { role: `custom:${custom.id}` }, testContext()), ForbiddenError);
  assert.equal(await database.db.invite.count({ where: { createdById: manager.user.id } }), 0);

  // What they do hold, they may grant.
  await createLinkInvite(database.db, manager.ctx, { role: "manager" }, testContext());
  const reader = await database.db.role.create({ data: { orgId: admin.org.id, name: "Reader", permissions: ["members:read"] } });
  const { link } = await createLinkInvite(database.db, manager.ctx, { role: `custom:${reader.id}` }, testContext());
  const joiner = await createUser(database.db);
  await acceptInvite(database.db, tokenOf(link), acceptor(joiner), testContext());
  const membership = await database.db.membership.findFirstOrThrow({ where: { orgId: admin.org.id, userId: joiner.id } });
  assert.deepEqual([membership.role, membership.customRoleId], [null, reader.id]);
  assert.deepEqual(await describeInvite(database.db, tokenOf(link)), {
    status: "valid",
    orgName: admin.org.name,
    orgSlug: admin.org.slug,
    roleName: "Reader",
    inviterName: manager.user.name,
    email: null,
  });
  // The Admin may hand out Admin.
  await createLinkInvite(database.db, admin.ctx, { role: "admin" }, testContext());
});

test("a Viewer cannot create or revoke invites", async () => {
  const admin = await orgWithAdmin();
  const viewer = await joinAs(admin, "viewer");
  await assert.rejects(createEmailInvite(database.db, viewer.ctx, { email: "x@example.com", role: "viewer" }, testContext()), ForbiddenError);
  await assert.rejects(createLinkInvite(database.db, viewer.ctx, { role: "viewer" }, testContext()), ForbiddenError);
  const { invite } = await createLinkInvite(database.db, admin.ctx, { role: "viewer" }, testContext());
  await assert.rejects(revokeInvite(database.db, viewer.ctx, invite.id, testContext()), ForbiddenError);
  assert.equal((await listInvites(database.db, viewer.ctx)).length, 2, "viewers may see invites");
});

test("invites are tenant-isolated", async () => {
  const a = await orgWithAdmin();
  const b = await orgWithAdmin();
  const { invite, link } = await createLinkInvite(database.db, a.ctx, { role: "member" }, testContext());
  await assert.rejects(revokeInvite(database.db, b.ctx, invite.id, testContext()), NotFoundError);
  await assert.rejects(revokeInvite(database.db, b.ctx, "not-a-uuid", testContext()), NotFoundError);
  assert.equal((await describeInvite(database.db, tokenOf(link))).status, "valid", "still usable");
  assert.deepEqual(await listInvites(database.db, b.ctx), []);

  const rows = await listInvites(database.db, a.ctx);
  assert.equal(rows.length, 1);
  assert.deepEqual([rows[0].status, rows[0].roleName, rows[0].createdByEmail, rows[0].usedCount, rows[0].maxUses], ["active", "Member", a.admin.email, 0, 25]);

  // A custom role of org A cannot be used for org B's invite.
  const custom = await database.db.role.create({ data: { orgId: a.org.id, name: "A only", permissions: [] } });
  await assert.rejects(createLinkInvite(database.db, b.ctx, { role: `custom:${custom.id}` }, testContext()), ValidationError);
});
