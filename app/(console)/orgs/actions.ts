"use server";

import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-errors";
import { currentRequest } from "@/lib/http/current-request";
import { natsRuntime } from "@/lib/boot/boot-state";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import { createOrg } from "@/lib/orgs/create-org";

export type CreateOrgState = { error?: string; fieldErrors?: Record<string, string[]>; values?: { name: string; slug: string } };

export async function createOrgAction(_previous: CreateOrgState, form: FormData): Promise<CreateOrgState> {
  const session = await requireSession("/orgs");
  const values = { name: String(form.get("name") ?? ""), slug: String(form.get("slug") ?? "") };
  let slug: string;
  try {
    const org = await createOrg(
      getDb(),
      { userId: session.userId, email: session.user.email },
      { name: values.name, slug: values.slug || undefined },
      await currentRequest(),
    );
    slug = org.slug;
    // Push the account now when NATS is up; otherwise the org stays pending and the reconciler retries.
    const nats = natsRuntime();
    if (nats) await provisionOrgAccount(getDb(), nats, org.id, { type: "user", id: session.userId, label: session.user.email });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { error: error.field ? undefined : error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined, values };
  }
  redirect(`/orgs/${slug}/members`);
}
