"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { FormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/**
 * A one-button confirmation for links from emails (verify, unlock). The
 * token is used on submit, not on page load, so mail scanners that open
 * links do not use it up.
 */
export function TokenActionForm({
  token,
  action,
  label,
  doneMessage,
}: {
  token: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  label: string;
  doneMessage: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  if (state.done) {
    return (
      <div className="flex flex-col gap-4">
        <Notice tone="success">{doneMessage}</Notice>
        <Link className="text-sm text-emerald-700 hover:underline dark:text-emerald-400" href="/login">
          Continue to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {state.error && <Notice tone="error">{state.error}</Notice>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" pending={pending}>
        {label}
      </Button>
    </form>
  );
}
