"use client";

import Link from "next/link";
import { useActionState } from "react";
import { loginAction, type FormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(loginAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && <Notice tone="error">{state.error}</Notice>}
      <input type="hidden" name="next" value={next ?? ""} />
      <Field label="Email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
      <Button type="submit" pending={pending}>
        Sign in
      </Button>
      <div className="flex justify-between text-sm">
        <Link className="text-emerald-700 hover:underline dark:text-emerald-400" href="/forgot-password">
          Forgot password?
        </Link>
        <Link className="text-emerald-700 hover:underline dark:text-emerald-400" href="/signup">
          Create an account
        </Link>
      </div>
    </form>
  );
}
