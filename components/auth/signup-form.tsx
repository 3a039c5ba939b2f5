"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { signUpAction, type FormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { NewPasswordField } from "./new-password-field";

/** `next` (e.g. an invite page) is where sign-in will continue after verification. */
export function SignUpForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, {});
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");

  if (state.done) {
    return (
      <div className="flex flex-col gap-4">
        <Notice tone="success">
          Check your inbox: we sent a link to <strong>{state.values?.email}</strong> to verify your address.
        </Notice>
        <Link className="text-sm text-emerald-700 hover:underline dark:text-emerald-400" href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}>
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Field label="Name" name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} errors={state.fieldErrors?.name} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={state.fieldErrors?.email}
      />
      <NewPasswordField label="Password" name="password" email={email} userName={name} errors={state.fieldErrors?.password} />
      <Button type="submit" pending={pending}>
        Create account
      </Button>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link className="text-emerald-700 hover:underline dark:text-emerald-400" href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
