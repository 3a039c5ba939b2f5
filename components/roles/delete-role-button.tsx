"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { deleteRoleAction } from "@/app/(console)/orgs/[slug]/roles/actions";
import { ConfirmButton } from "@/components/ui/confirm-button";

export function DeleteRoleButton({ slug, roleId, roleName }: { slug: string; roleId: string; roleName: string }) {
  const router = useRouter();
  const mutation = useMutation({ mutationFn: () => deleteRoleAction(slug, roleId), onSuccess: (result) => result.ok && router.refresh() });
  return (
    <div className="flex flex-col items-center gap-1">
      <ConfirmButton label={`Delete role ${roleName}`} confirmLabel="Delete" pending={mutation.isPending} onConfirm={() => mutation.mutate()}>
        Delete
      </ConfirmButton>
      {mutation.data && !mutation.data.ok && (
        <p role="alert" className="max-w-40 text-xs text-red-700 dark:text-red-400">
          {mutation.data.error}
        </p>
      )}
    </div>
  );
}
