import { passwordRules } from "@/lib/auth/password-rules";

/** The password rules, ticked off live as the user types. */
export function PasswordRulesList({ password, email, name }: { password: string; email: string; name: string }) {
  const rules = passwordRules(password, { email, name });
  return (
    <ul className="flex flex-col gap-0.5" aria-label="Password rules">
      {rules.map((rule) => (
        <li key={rule.id} data-ok={rule.ok} className={rule.ok ? "text-emerald-700 dark:text-emerald-400" : "text-zinc-600 dark:text-zinc-400"}>
          <span aria-hidden>{rule.ok ? "✓" : "○"} </span>
          {rule.label}
          <span className="sr-only">{rule.ok ? " (met)" : " (not met yet)"}</span>
        </li>
      ))}
      <li className="text-zinc-600 dark:text-zinc-400">
        <span aria-hidden>○ </span>Not a common or breached password (checked when you submit)
      </li>
    </ul>
  );
}
