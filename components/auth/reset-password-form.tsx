"use client";

import Link from "next/link";
import { useActionState } from "react";
import { resetPasswordAction, type FormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { NewPasswordField } from "./new-password-field";

export function ResetPasswordForm({ token, email, name }: { token: string; email: string; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(resetPasswordAction, {});
  if (state.done) {
    return (
      <div className="flex flex-col gap-4">
        <Notice tone="success">Your password is changed and every session was signed out.</Notice>
        <Link className="text-sm text-emerald-700 hover:underline dark:text-emerald-400" href="/login">
          Sign in with the new password
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && <Notice tone="error">{state.error}</Notice>}
      <input type="hidden" name="token" value={token} />
      <NewPasswordField label="New password" name="password" email={email} userName={name} errors={state.fieldErrors?.password} />
      <Button type="submit" pending={pending}>
        Set new password
      </Button>
    </form>
  );
}
