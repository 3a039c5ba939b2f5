import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { ConflictError, parseInput, ValidationError } from "@/lib/errors/domain-errors";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { NATS_NOT_CONNECTED } from "@/lib/streams/org-jetstream";
import { lockNatsUser } from "./lock-nats-user";
import { ensureFutureExpiry, renewCredsInput, type RenewCredsInput } from "./nats-user-input";
import { natsUserView, type NatsUserView } from "./nats-user-view";
import { pushRevocations, type RevocationPush } from "./push-revocations";
import { rotateUserKey } from "./rotate-user-key";

/** New credentials, shown once; `push` says whether the servers have cut the old key off yet. */
export type ReissuedCreds = { user: NatsUserView; creds: string; push: RevocationPush };

/**
 * New credentials for a user on a rotated key, the old key revoked and the
 * account pushed. The expiry stays unless a new one is given (`expiresAt`, or
 * `ttlSeconds` from now); an expired user needs a new one. Revoked users are
 * never issued credentials again.
 */
async function issueAgain(
  db: Db,
  nats: NatsRuntime | null,
  ctx: OrgContext,
  id: string,
  raw: RenewCredsInput,
  context: RequestContext,
  action: "credential.rotate" | "credential.provision",
): Promise<ReissuedCreds> {
  ensureCan(ctx, "nats_users:write");
  const input = parseInput(renewCredsInput, raw ?? {}, "expiresAt");
  if (input.ttlSeconds !== undefined && input.expiresAt !== undefined) throw new ValidationError("Give either expiresAt or ttlSeconds, not both.", "expiresAt");
  if (!nats) throw new ConflictError(NATS_NOT_CONNECTED);
  const now = new Date();
  const { user, creds } = await db.$transaction(async (tx) => {
    const user = await lockNatsUser(tx, ctx.org.id, id);
    if (user.revokedAt) throw new ConflictError("This user is revoked; its credentials cannot be issued again. Create a new user instead.");
    const expiresAt = ensureFutureExpiry(
      input.ttlSeconds !== undefined ? new Date(now.getTime() + input.ttlSeconds * 1000) : input.expiresAt !== undefined ? input.expiresAt : user.expiresAt,
      now,
    );
    const rotated = await rotateUserKey(tx, nats.keys, ctx, user, { expiresAt });
    await recordAudit(tx, {
      action,
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "nats_user", id: user.id, label: user.name },
      detail: { publicKey: rotated.row.publicKey, revokedKey: rotated.previousKey, expiresAt: expiresAt?.toISOString() ?? null },
      context,
    });
    return { user: natsUserView(rotated.row), creds: rotated.creds };
  });
  return { user, creds, push: await pushRevocations(db, nats, ctx.org.id, auditActor(ctx)) };
}

/** Re-issue from the console: audited as `credential.rotate`. */
export function reissueNatsUserCreds(db: Db, nats: NatsRuntime | null, ctx: OrgContext, id: string, raw: RenewCredsInput, context: RequestContext) {
  return issueAgain(db, nats, ctx, id, raw, context, "credential.rotate");
}

/** Renewal by automation (`POST …/nats/users/{id}/creds`, e.g. short-lived creds with an API key): audited as `credential.provision`. */
export function provisionNatsUserCreds(db: Db, nats: NatsRuntime | null, ctx: OrgContext, id: string, raw: RenewCredsInput, context: RequestContext) {
  return issueAgain(db, nats, ctx, id, raw, context, "credential.provision");
}
