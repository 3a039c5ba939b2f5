import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors/domain-errors";
import { auditActor } from "./audit-actor";
import type { OrgContext } from "./org-context";

export const profileInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  jobTitle: z
    .string()
    .trim()
    .max(100, "Keep the job title under 100 characters.")
    .transform((value) => value || null),
});

/** The caller's own display name and job title, as their orgs see them. */
export async function updateMyProfile(db: Db, ctx: OrgContext, raw: unknown, context: RequestContext) {
  const parsedData = parseInput(profileInput, raw);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { name: true, jobTitle: true } });
    await tx.user.update({ where: { id: ctx.user.id }, data: parsedData });
    await recordAudit(tx, {
      action: "member.profile.update",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "user", id: ctx.user.id, label: ctx.user.email },
      detail: { before, after: parsedData },
      context,
    });
  });
}
