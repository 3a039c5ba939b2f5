"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { changeMemberRoleAction } from "@/app/(console)/orgs/[slug]/members/actions";

export type RoleOption = { value: string; label: string };

/** Changes a member's role on selection; the server re-checks permission and the last-Admin rule. */
export function MemberRoleSelect({
  slug,
  membershipId,
  memberName,
  value,
  options,
}: {
  slug: string;
  membershipId: string;
  memberName: string;
  value: string;
  options: RoleOption[];
}) {
  const router = useRouter();
  const [selected, setSelected] = useState(value);
  const mutation = useMutation({
    mutationFn: (role: string) => changeMemberRoleAction(slug, membershipId, role),
    onSuccess: (result) => {
      if (result.ok) router.refresh();
      else setSelected(value);
    },
  });
  const error = mutation.data && !mutation.data.ok ? mutation.data.error : undefined;
  return (
    <div className="flex flex-col gap-1">
      <select
        aria-label={`Role of ${memberName}`}
        value={selected}
        disabled={mutation.isPending}
        onChange={(event) => {
          setSelected(event.target.value);
          mutation.mutate(event.target.value);
        }}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="max-w-56 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
