"use client";

import { useId, useState } from "react";

/** The ISO string as the value of a datetime-local field, in the browser's time zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * An optional expiry picked in local time and submitted as ISO (`expiresAt`,
 * empty for never), so the server reads the instant the member meant.
 */
export function ExpiryField({ defaultValue = null, errors }: { defaultValue?: string | null; errors?: string[] }) {
  const id = useId();
  const [local, setLocal] = useState(() => toLocalInput(defaultValue));
  const iso = local ? new Date(local).toISOString() : "";
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <label htmlFor={id} className="font-medium">
        Expires
      </label>
      <input
        id={id}
        type="datetime-local"
        value={local}
        onChange={(event) => setLocal(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ""}`}
        className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs outline-none focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/30 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <input type="hidden" name="expiresAt" value={iso} />
      <div id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
        Empty: the credentials never expire. After this time the server refuses them; renew with a re-issue.
      </div>
      {errors?.length ? (
        <ul id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
