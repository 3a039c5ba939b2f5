"use client";

import { useActionState } from "react";
import { forgotPasswordAction, type FormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(forgotPasswordAction, {});
  if (state.done) return <Notice tone="success">If an account exists for {state.values?.email}, a reset link is on its way. It works for one hour.</Notice>;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <Button type="submit" pending={pending}>
        Send reset link
      </Button>
    </form>
  );
}
