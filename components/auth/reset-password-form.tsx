"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { resetPasswordAction, type FormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PasswordRulesList } from "./password-rules-list";

export function ResetPasswordForm({ token, email, name }: { token: string; email: string; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(resetPasswordAction, {});
  const [password, setPassword] = useState("");
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
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={state.fieldErrors?.password}
        hint={<PasswordRulesList password={password} email={email} name={name} />}
      />
      <Button type="submit" pending={pending}>
        Set new password
      </Button>
    </form>
  );
}
