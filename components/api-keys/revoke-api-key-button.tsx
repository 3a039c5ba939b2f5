"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { revokeApiKeyAction } from "@/app/(console)/orgs/[slug]/api-keys/actions";
import { ConfirmButton } from "@/components/ui/confirm-button";

export function RevokeApiKeyButton({ slug, apiKeyId, name }: { slug: string; apiKeyId: string; name: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => revokeApiKeyAction(slug, apiKeyId),
    onSuccess: (result) => result.ok && router.refresh(),
  });
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmButton label={`Revoke API key ${name}`} confirmLabel={`Revoke ${name}`} pending={mutation.isPending} onConfirm={() => mutation.mutate()}>
        Revoke
      </ConfirmButton>
      {mutation.data && !mutation.data.ok && (
        <p role="alert" className="max-w-56 text-right text-xs text-red-700 dark:text-red-400">
          {mutation.data.error}
        </p>
      )}
    </div>
  );
}
