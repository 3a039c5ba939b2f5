import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { NatsUserKind } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { ConflictError, parseInput, ValidationError } from "@/lib/errors/domain-errors";
import type { OperatorKeys } from "@/lib/nats/derive-keys";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { NATS_NOT_CONNECTED } from "@/lib/streams/org-jetstream";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { issueUserCreds } from "./issue-user-creds";
import { leafnodeConfig } from "./leafnode-config";
import { createNatsUserInput, ensureFutureExpiry, type CreateNatsUserInput } from "./nats-user-input";
import { NATS_USER_INCLUDE, natsUserView, type NatsUserRow, type NatsUserView } from "./nats-user-view";
import type { NatsPermissionSpec } from "./permission-spec";

/** The credentials are in this answer only: Cordon keeps the public key, never the seed. */
export type CreatedNatsUser = { user: NatsUserView; creds: string; leafnodeConfig?: string };

export type NewUserFields = {
  name: string;
  kind: NatsUserKind;
  description: string;
  permissions: NatsPermissionSpec;
  expiresAt: Date | null;
  maxPayload: number | null;
  maxSubscriptions: number | null;
};

/**
 * Issues a new user's credentials and stores its row with the public key,
 * inside the caller's transaction (a device's row goes in with it). A taken
 * name is a ConflictError.
 */
export async function insertNatsUser(tx: Tx, keys: OperatorKeys, ctx: OrgContext, fields: NewUserFields): Promise<{ row: NatsUserRow; creds: string }> {
  const issued = await issueUserCreds(keys, ctx.org, fields);
  try {
    const row = await tx.natsUser.create({
      data: {
        ...fields,
        orgId: ctx.org.id,
        permissions: fields.permissions,
        publicKey: issued.publicKey,
        lastIssuedAt: issued.issuedAt,
        createdById: ctx.user.id,
      },
      include: NATS_USER_INCLUDE,
    });
    return { row, creds: issued.creds };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A NATS user named ${fields.name} already exists.`, "name");
    throw error;
  }
}

/**
 * Creates an app, service or leaf user: a fresh user key, a JWT signed by
 * the account's signing key with the user's permissions, expiry and limits,
 * and the `.creds` text returned once. Nothing is pushed: the account trusts
 * its signing key, so the credentials work as soon as the account is active.
 */
export async function createNatsUser(
  db: Db,
  nats: NatsRuntime | null,
  ctx: OrgContext,
  raw: CreateNatsUserInput,
  context: RequestContext,
): Promise<CreatedNatsUser> {
  ensureCan(ctx, "nats_users:write");
  const input = parseInput(createNatsUserInput, raw ?? {}, "name");
  if (input.kind === "device") throw new ValidationError("Create devices under Devices: a device also gets a license key and its own subjects.", "kind");
  if (!nats) throw new ConflictError(NATS_NOT_CONNECTED);
  const fields: NewUserFields = { ...input, expiresAt: ensureFutureExpiry(input.expiresAt, new Date()) };
  return db.$transaction(async (tx) => {
    const { row, creds } = await insertNatsUser(tx, nats.keys, ctx, fields);
    await recordAudit(tx, {
      action: "nats_user.create",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "nats_user", id: row.id, label: row.name },
      detail: { kind: row.kind, publicKey: row.publicKey, permissions: fields.permissions, expiresAt: row.expiresAt?.toISOString() ?? null },
      context,
    });
    return { user: natsUserView(row), creds, ...(row.kind === "leaf" ? { leafnodeConfig: leafnodeConfig(row.name) } : {}) };
  });
}
