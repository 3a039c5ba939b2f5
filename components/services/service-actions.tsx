"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { deleteServiceAction, retirePreviousSecretAction, rotateServiceSecretAction, updateServiceAction } from "@/app/(console)/orgs/[slug]/services/actions";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/orgs/org-action";
import { RevealedSecret } from "./revealed-secret";

type ServiceRef = { slug: string; serviceId: string; name: string };

function Failure({ result }: { result: ActionResult<unknown> | undefined }) {
  return result && !result.ok ? <Notice tone="error">{result.error}</Notice> : null;
}

/** Issues a new secret (shown here, once); the old one keeps signing until retired or the overlap ends. */
export function RotateSecretButton({ slug, serviceId, name }: ServiceRef) {
  const router = useRouter();
  const mutation = useMutation({ mutationFn: () => rotateServiceSecretAction(slug, serviceId), onSuccess: (result) => result.ok && router.refresh() });
  const result = mutation.data;
  return (
    <div className="flex flex-col gap-2">
      {/* Keyed by submission, so the button asks again before another rotation. */}
      <ConfirmButton
        key={mutation.submittedAt}
        label={`Rotate the secret of ${name}`}
        confirmLabel="Rotate secret"
        pending={mutation.isPending}
        onConfirm={() => mutation.mutate()}
      >
        Rotate secret
      </ConfirmButton>
      <Failure result={result} />
      {result?.ok && result.data && (
        <>
          <Notice tone="success">{result.message}</Notice>
          <RevealedSecret serviceName={result.data.serviceName} secret={result.data.secret} />
        </>
      )}
    </div>
  );
}

export function RetirePreviousSecretButton({ slug, serviceId, name }: ServiceRef) {
  const router = useRouter();
  const mutation = useMutation({ mutationFn: () => retirePreviousSecretAction(slug, serviceId), onSuccess: (result) => result.ok && router.refresh() });
  return (
    <div className="flex flex-col gap-2">
      <ConfirmButton
        label={`Retire the old secret of ${name}`}
        confirmLabel="Retire old secret"
        pending={mutation.isPending}
        onConfirm={() => mutation.mutate()}
      >
        Retire old secret
      </ConfirmButton>
      <Failure result={mutation.data} />
    </div>
  );
}

export function DeleteServiceButton({ slug, serviceId, name }: ServiceRef) {
  const router = useRouter();
  const mutation = useMutation({ mutationFn: () => deleteServiceAction(slug, serviceId), onSuccess: (result) => result.ok && router.refresh() });
  return (
    <div className="flex flex-col gap-2">
      <ConfirmButton label={`Delete service ${name}`} confirmLabel={`Delete ${name}`} pending={mutation.isPending} onConfirm={() => mutation.mutate()}>
        Delete
      </ConfirmButton>
      <Failure result={mutation.data} />
    </div>
  );
}

export function EditBaseUrlForm({ slug, serviceId, name, baseUrl }: ServiceRef & { baseUrl: string }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(updateServiceAction.bind(null, slug, serviceId), { ok: true });
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" noValidate>
      <Field
        label={`Base URL of ${name}`}
        name="baseUrl"
        type="url"
        required
        defaultValue={baseUrl}
        className="min-w-72 flex-1"
        errors={state.ok ? undefined : [state.error]}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Save URL
      </Button>
      {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
    </form>
  );
}
