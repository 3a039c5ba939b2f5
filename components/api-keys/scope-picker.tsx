import { PERMISSION_CATALOGUE, type Permission } from "@/lib/rbac/permissions";

/**
 * A key's scopes as checkboxes grouped by resource. Only permissions the
 * creator holds can be ticked (the server enforces the same rule).
 */
export function ScopePicker({ grantable, errors }: { grantable: readonly Permission[]; errors?: string[] }) {
  const held = new Set<string>(grantable);
  return (
    <fieldset aria-describedby={errors?.length ? "api-key-scopes-error" : "api-key-scopes-hint"} className="flex flex-col gap-2">
      <legend className="text-sm font-medium">Scopes</legend>
      <p id="api-key-scopes-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
        What the key may do. You can only grant permissions you hold yourself, and the key loses any you later lose.
      </p>
      {errors?.length ? (
        <p id="api-key-scopes-error" role="alert" className="text-xs text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {PERMISSION_CATALOGUE.map((group) => (
          <div key={group.resource} role="group" aria-label={group.label} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
            <div className="mb-1 text-xs font-semibold text-zinc-600 uppercase dark:text-zinc-400">{group.label}</div>
            {group.actions.map(({ action, label }) => {
              const permission = `${group.resource}:${action}`;
              const allowed = held.has(permission);
              return (
                <label key={action} className={`flex items-center gap-2 text-sm ${allowed ? "" : "text-zinc-400 dark:text-zinc-600"}`}>
                  <input type="checkbox" name="scopes" value={permission} disabled={!allowed} />
                  {label} <code className="text-xs text-zinc-500">{permission}</code>
                  {!allowed && <span className="sr-only">(you do not have this permission)</span>}
                </label>
              );
            })}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
