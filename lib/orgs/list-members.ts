import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { roleName } from "@/lib/rbac/effective-permissions";
import { ensureCan, roleRefOf, type OrgContext } from "./org-context";
import { roleChoiceValue } from "./role-choice";

export const MEMBER_SORTS = ["name", "email", "joined"] as const;

export const listMembersQuery = z.object({
  q: z.string().trim().max(100).optional().default(""),
  sort: z.enum(MEMBER_SORTS).optional().default("name"),
  dir: z.enum(["asc", "desc"]).optional().default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(100).optional().default(25),
});

export type MemberRow = {
  id: string;
  userId: string;
  name: string;
  email: string;
  jobTitle: string | null;
  roleValue: string;
  roleName: string;
  joinedAt: Date;
  teams: string[];
};

/** One page of members, searched by name or email and sorted on the server (indexes keep it fast at 10,000). */
export async function listMembers(db: Db, ctx: OrgContext, raw: unknown) {
  ensureCan(ctx, "members:read");
  const query = listMembersQuery.parse(raw ?? {});
  const where: Prisma.MembershipWhereInput = {
    orgId: ctx.org.id,
    ...(query.q ? { user: { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { email: { contains: query.q, mode: "insensitive" } }] } } : {}),
  };
  const orderBy: Prisma.MembershipOrderByWithRelationInput[] =
    query.sort === "joined" ? [{ createdAt: query.dir }, { id: query.dir }] : [{ user: { [query.sort]: query.dir } }, { id: query.dir }];
  const [total, rows] = await Promise.all([
    db.membership.count({ where }),
    db.membership.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { user: { select: { name: true, email: true, jobTitle: true } }, customRole: true, teams: { include: { team: { select: { name: true } } } } },
    }),
  ]);
  const members: MemberRow[] = rows.map((m) => {
    const ref = roleRefOf(m);
    return {
      id: m.id,
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      jobTitle: m.user.jobTitle,
      roleValue: ref ? roleChoiceValue(ref) : "",
      roleName: ref ? roleName(ref) : "—",
      joinedAt: m.createdAt,
      teams: m.teams.map((t) => t.team.name),
    };
  });
  return { members, total, page: query.page, pageSize: query.pageSize, pages: Math.max(1, Math.ceil(total / query.pageSize)), query };
}
