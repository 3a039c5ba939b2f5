import { createHash } from "node:crypto";
import type { Account } from "@nats-io/jwt";
import type { NatsRevocation, Org } from "@/generated/prisma/client";
import type { OperatorKeys } from "./derive-keys";
import { TIER_LIMITS } from "./tiers";

export type AccountState = Pick<Org, "id" | "slug" | "tier" | "natsKeyGeneration"> & {
  /** Revoked user keys (load them with `activeRevocations()`): a state built without them pushes none, re-admitting those users. */
  natsRevocations?: Pick<NatsRevocation, "publicKey" | "revokedAt">[];
};

/**
 * The account's claims as a pure function of database state: the same org
 * always gives the same claims, so pushing is idempotent and drift is a diff.
 * Never stored; rebuilt whenever it is needed.
 */
export function buildAccountClaims(org: AccountState, keys: OperatorKeys): { name: string; publicKey: string; claims: Partial<Account> } {
  const limits = TIER_LIMITS[org.tier];
  return {
    name: org.slug,
    publicKey: keys.account(org.id, org.natsKeyGeneration).getPublicKey(),
    claims: {
      limits: { ...limits.account, ...limits.jetStream },
      signing_keys: [keys.accountSigningKey(org.id, org.natsKeyGeneration).getPublicKey()],
      tags: [`org:${org.id}`, `tier:${org.tier}`],
      // Left out when empty, so an org without revocations keeps the claims (and hash) it had.
      ...(org.natsRevocations?.length
        ? { revocations: Object.fromEntries(org.natsRevocations.map((r) => [r.publicKey, Math.floor(r.revokedAt.getTime() / 1000)])) }
        : {}),
    },
  };
}

/** A stable hash of claims (keys sorted), to tell a real change from a re-push. */
export function claimsHash(claims: Partial<Account>): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash("sha256")
    .update(JSON.stringify(canonical(claims)))
    .digest("hex");
}
