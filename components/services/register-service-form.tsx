"use client";

import { useActionState } from "react";
import { registerServiceAction, type RevealedSecret as Revealed } from "@/app/(console)/orgs/[slug]/services/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/orgs/org-action";
import { RevealedSecret } from "./revealed-secret";

/** Registers a service; on success shows its signing secret, once. */
export function RegisterServiceForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState<ActionResult<Revealed>, FormData>(registerServiceAction.bind(null, slug), { ok: true });
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
      {state.ok && state.data && <RevealedSecret serviceName={state.data.serviceName} secret={state.data.secret} />}
      {!state.ok && !state.fieldErrors && <Notice tone="error">{state.error}</Notice>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" required hint="Lowercase letters, digits and hyphens; part of the API path." errors={errors?.name} />
        <Field label="Base URL" name="baseUrl" type="url" required placeholder="https://orders.internal.example.com" errors={errors?.baseUrl} />
      </div>
      <div>
        <Button type="submit" pending={pending}>
          Register service
        </Button>
      </div>
    </form>
  );
}
