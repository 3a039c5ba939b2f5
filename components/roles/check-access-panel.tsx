"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { checkAccessAction } from "@/app/(console)/orgs/[slug]/members/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ALL_PERMISSIONS } from "@/lib/rbac/permissions";

/** For a member and a permission: granted or not, and through which role or team. */
export function CheckAccessPanel({ slug, members }: { slug: string; members: { id: string; label: string }[] }) {
  const [member, setMember] = useState(members[0]?.id ?? "");
  const [permission, setPermission] = useState<string>(ALL_PERMISSIONS[0]);
  const check = useMutation({ mutationFn: () => checkAccessAction(slug, member, permission) });
  const result = check.data;
  const selectClass = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <div className="flex flex-col gap-3">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          check.mutate();
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          Member
          <select className={selectClass} value={member} onChange={(e) => setMember(e.target.value)}>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Permission
          <select className={selectClass} value={permission} onChange={(e) => setPermission(e.target.value)}>
            {ALL_PERMISSIONS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary" pending={check.isPending}>
          Check access
        </Button>
      </form>
      {result && !result.ok && <Notice tone="error">{result.error}</Notice>}
      {result?.ok && result.data && (
        <Notice tone={result.data.granted ? "success" : "info"}>
          <strong>{result.data.member.name}</strong> {result.data.granted ? "has" : "does not have"} <code>{result.data.permission}</code>
          {result.data.granted &&
            `: through ${result.data.sources.map((s) => (s.via.kind === "direct" ? `role ${s.roleName} (direct)` : `team ${s.via.teamName} (role ${s.roleName})`)).join(" and ")}`}
          .
        </Notice>
      )}
    </div>
  );
}
