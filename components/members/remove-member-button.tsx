"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { removeMemberAction } from "@/app/(console)/orgs/[slug]/members/actions";
import { ConfirmButton } from "@/components/ui/confirm-button";

export function RemoveMemberButton({ slug, membershipId, memberName }: { slug: string; membershipId: string; memberName: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => removeMemberAction(slug, membershipId),
    onSuccess: (result) => result.ok && router.refresh(),
  });
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmButton label={`Remove ${memberName}`} confirmLabel={`Remove ${memberName}`} pending={mutation.isPending} onConfirm={() => mutation.mutate()}>
        Remove
      </ConfirmButton>
      {mutation.data && !mutation.data.ok && (
        <p role="alert" className="max-w-56 text-right text-xs text-red-700 dark:text-red-400">
          {mutation.data.error}
        </p>
      )}
    </div>
  );
}
