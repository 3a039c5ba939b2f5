"use client";

import { useActionState } from "react";
import { acceptInviteAction } from "@/app/(auth)/invite/[token]/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function AcceptInviteForm({ token, orgName }: { token: string; orgName: string }) {
  const [state, action, pending] = useActionState(acceptInviteAction.bind(null, token), {});
  return (
    <form action={action} className="flex flex-col gap-4">
      {state.error && <Notice tone="error">{state.error}</Notice>}
      <Button type="submit" pending={pending}>
        Join {orgName}
      </Button>
    </form>
  );
}
