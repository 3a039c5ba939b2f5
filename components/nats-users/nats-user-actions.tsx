"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { deleteNatsUserAction, reissueNatsUserAction, revokeNatsUserAction } from "@/app/(console)/orgs/[slug]/nats/users/actions";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { IssuedCreds } from "./issued-creds";

/** Re-issue (new key, old one revoked), revoke for good, delete: each asks once more before it runs. */
export function NatsUserActions({
  slug,
  user,
  natsUrl,
  canWrite,
  canDelete,
}: {
  slug: string;
  user: { id: string; name: string; revoked: boolean };
  natsUrl: string;
  canWrite: boolean;
  canDelete: boolean;
}) {
  const router = useRouter();
  const reissue = useMutation({ mutationFn: () => reissueNatsUserAction(slug, user.id), onSuccess: (r) => r.ok && router.refresh() });
  const revoke = useMutation({ mutationFn: () => revokeNatsUserAction(slug, user.id), onSuccess: (r) => r.ok && router.refresh() });
  const remove = useMutation({ mutationFn: () => deleteNatsUserAction(slug, user.id), onSuccess: (r) => r.ok && router.push(`/orgs/${slug}/nats/users`) });
  const failure = [reissue.data, revoke.data, remove.data].find((result) => result && !result.ok);
  const issued = reissue.data?.ok ? reissue.data.data : undefined;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        {canWrite && !user.revoked && (
          <ConfirmButton
            label={`Re-issue credentials of ${user.name}`}
            confirmLabel="Re-issue and revoke the current ones"
            pending={reissue.isPending}
            onConfirm={() => reissue.mutate()}
          >
            Re-issue credentials
          </ConfirmButton>
        )}
        {canWrite && !user.revoked && (
          <ConfirmButton
            label={`Revoke ${user.name}`}
            confirmLabel={`Revoke ${user.name} for good`}
            pending={revoke.isPending}
            onConfirm={() => revoke.mutate()}
          >
            Revoke
          </ConfirmButton>
        )}
        {canDelete && (
          <ConfirmButton label={`Delete ${user.name}`} confirmLabel={`Delete ${user.name}`} pending={remove.isPending} onConfirm={() => remove.mutate()}>
            Delete
          </ConfirmButton>
        )}
      </div>
      {failure && !failure.ok && <Notice tone="error">{failure.error}</Notice>}
      {revoke.data?.ok && (
        <Notice tone={revoke.data.data?.pushError ? "error" : "success"}>
          {revoke.data.data?.pushError
            ? `Revoked. The NATS servers have not applied it yet (${revoke.data.data.pushError}); Cordon retries automatically.`
            : "Revoked: its connections were cut and its credentials no longer work."}
        </Notice>
      )}
      {issued && <IssuedCreds userName={issued.userName} creds={issued.creds} natsUrl={natsUrl} pushError={issued.pushError} />}
    </div>
  );
}
