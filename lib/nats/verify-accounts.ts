import { decode, type Account } from "@nats-io/jwt";
import type { Db } from "@/lib/db/client";
import { activeRevocations } from "./account-revocations";
import { buildAccountClaims } from "./build-account-claims";
import type { NatsRuntime } from "./provision-org-account";

export type AccountCheck = { slug: string; account: string; state: "ok" | "missing" | "drift"; differences: string[] };

/** The fields of `expected` (recursively) whose value differs in `actual`, as dotted paths. */
export function claimDifferences(expected: unknown, actual: unknown, path = ""): string[] {
  if (expected && typeof expected === "object" && !Array.isArray(expected)) {
    return Object.entries(expected).flatMap(([key, value]) =>
      claimDifferences(value, (actual as Record<string, unknown> | undefined)?.[key], path ? `${path}.${key}` : key),
    );
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(actual)}`];
}

/**
 * Fetches every live org's account JWT from the servers
 * (`$SYS.REQ.ACCOUNT.<pub>.CLAIMS.LOOKUP`) and compares it with the claims
 * Cordon would build now: missing accounts, a foreign issuer and changed
 * fields are all drift.
 */
export async function verifyAccounts(db: Db, nats: NatsRuntime): Promise<AccountCheck[]> {
  const orgs = await db.org.findMany({ where: { deletedAt: null }, orderBy: { slug: "asc" }, include: activeRevocations() });
  const checks: AccountCheck[] = [];
  for (const org of orgs) {
    const built = buildAccountClaims(org, nats.keys);
    let jwt: string;
    try {
      jwt = (await nats.system.nc.request(`$SYS.REQ.ACCOUNT.${built.publicKey}.CLAIMS.LOOKUP`, "", { timeout: 3_000 })).string();
      decode(jwt);
    } catch {
      checks.push({ slug: org.slug, account: built.publicKey, state: "missing", differences: [] });
      continue;
    }
    const claims = decode<Account>(jwt);
    const differences = claimDifferences(built.claims, claims.nats);
    if (claims.iss !== nats.keys.operator.getPublicKey()) differences.unshift(`issuer: expected the operator, found ${claims.iss}`);
    checks.push({ slug: org.slug, account: built.publicKey, state: differences.length ? "drift" : "ok", differences });
  }
  return checks;
}
