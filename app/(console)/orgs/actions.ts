"use server";

import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-errors";
import { currentRequest } from "@/lib/http/current-request";
import { natsRuntime } from "@/lib/boot/boot-state";
import { createOrgAndAccount } from "@/lib/orgs/create-org-and-account";

export type CreateOrgState = { error?: string; fieldErrors?: Record<string, string[]>; values?: { name: string; slug: string } };

export async function createOrgAction(_previous: CreateOrgState, form: FormData): Promise<CreateOrgState> {
  const session = await requireSession("/orgs");
  const values = { name: String(form.get("name") ?? ""), slug: String(form.get("slug") ?? "") };
  let slug: string;
  try {
    const org = await createOrgAndAccount(
      getDb(),
      natsRuntime(),
      { userId: session.userId, email: session.user.email },
      { name: values.name, slug: values.slug || undefined },
      await currentRequest(),
    );
    slug = org.slug;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { error: error.field ? undefined : error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined, values };
  }
  redirect(`/orgs/${slug}/members`);
}
