"use client";

import { useActionState, useState } from "react";
import { changePasswordAction, type ActionState } from "@/app/account/security/actions";
import { PasswordRulesList } from "@/components/auth/password-rules-list";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, {});
  const [password, setPassword] = useState("");
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      {state.message && <Notice tone="success">{state.message}</Notice>}
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={state.fieldErrors?.newPassword}
        hint={<PasswordRulesList password={password} email={email} name={name} />}
      />
      <div>
        <Button type="submit" pending={pending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
