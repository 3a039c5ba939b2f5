"use client";

import Link from "next/link";
import { useActionState } from "react";
import { mfaAction, type FormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function MfaForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(mfaAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && (
        <Notice tone="error">
          {state.error}{" "}
          <Link className="underline" href="/login">
            Sign in again
          </Link>
        </Notice>
      )}
      <input type="hidden" name="next" value={next ?? ""} />
      <Field
        label="Authentication code"
        name="code"
        autoComplete="one-time-code"
        inputMode="text"
        autoFocus
        required
        errors={state.fieldErrors?.code}
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
      />
      <Button type="submit" pending={pending}>
        Verify
      </Button>
    </form>
  );
}
