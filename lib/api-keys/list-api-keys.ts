import { z } from "zod";
import type { ApiKey, User } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { isPermission, sortPermissions, type Permission } from "@/lib/rbac/permissions";
import { apiKeyStatus, type ApiKeyStatus } from "./api-key-status";

/** Paging from a URL: a missing or garbled value falls back to the default rather than failing the page. */
export const listApiKeysQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(50),
});

/** A key as lists show it: never the secret or its hash. */
export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: Permission[];
  status: ApiKeyStatus;
  /** Null once the creator's account is gone. */
  createdBy: { id: string; name: string; email: string } | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
};

export const CREATOR_SELECT = { select: { id: true, name: true, email: true } } as const;

export function apiKeyRow(key: ApiKey & { createdBy: Pick<User, "id" | "name" | "email"> | null }, now: Date = new Date()): ApiKeyRow {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: sortPermissions(key.scopes.filter(isPermission)),
    status: apiKeyStatus(key, now),
    createdBy: key.createdBy && { id: key.createdBy.id, name: key.createdBy.name, email: key.createdBy.email },
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt,
    lastUsedIp: key.lastUsedIp,
    revokedAt: key.revokedAt,
  };
}

/** One page of the org's API keys, newest first (revoked and expired ones included, with their status). */
export async function listApiKeys(db: Db, ctx: OrgContext, raw?: unknown) {
  ensureCan(ctx, "api_keys:read");
  const query = listApiKeysQuery.parse(raw ?? {});
  const where = { orgId: ctx.org.id };
  const [total, rows] = await Promise.all([
    db.apiKey.count({ where }),
    db.apiKey.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { createdBy: CREATOR_SELECT },
    }),
  ]);
  const now = new Date();
  return {
    keys: rows.map((row) => apiKeyRow(row, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}
