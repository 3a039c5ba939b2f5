"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { PasswordRulesList } from "./password-rules-list";

/** A new-password input that ticks the password rules off as the user types. */
export function NewPasswordField({
  label,
  name,
  email,
  userName,
  errors,
}: {
  label: string;
  name: string;
  email: string;
  userName: string;
  errors?: string[];
}) {
  const [password, setPassword] = useState("");
  return (
    <Field
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      value={password}
      onChange={(e) => setPassword(e.target.value)}
      errors={errors}
      hint={<PasswordRulesList password={password} email={email} name={userName} />}
    />
  );
}
