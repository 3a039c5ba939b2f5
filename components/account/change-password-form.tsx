"use client";

import { useActionState } from "react";
import { changePasswordAction, type ActionState } from "@/app/account/security/actions";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, {});
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
      <NewPasswordField label="New password" name="newPassword" email={email} userName={name} errors={state.fieldErrors?.newPassword} />
      <div>
        <Button type="submit" pending={pending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
