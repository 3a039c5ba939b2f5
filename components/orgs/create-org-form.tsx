"use client";

import { useActionState, useState } from "react";
import { createOrgAction, type CreateOrgState } from "@/app/(console)/orgs/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { slugFromName } from "@/lib/orgs/org-slug";

export function CreateOrgForm() {
  const [state, action, pending] = useActionState<CreateOrgState, FormData>(createOrgAction, {});
  const [name, setName] = useState(state.values?.name ?? "");
  const [slug, setSlug] = useState(state.values?.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(false);
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      {state.error && <Notice tone="error">{state.error}</Notice>}
      <Field
        label="Name"
        name="name"
        required
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugEdited) setSlug(e.target.value.trim() ? slugFromName(e.target.value) : "");
        }}
        errors={state.fieldErrors?.name}
      />
      <Field
        label="URL name"
        name="slug"
        value={slug}
        onChange={(e) => {
          setSlug(e.target.value);
          setSlugEdited(true);
        }}
        errors={state.fieldErrors?.slug}
        hint={slug ? `Your console will live at /orgs/${slug}` : "Lowercase letters, digits and hyphens."}
      />
      <div>
        <Button type="submit" pending={pending}>
          Create organisation
        </Button>
      </div>
    </form>
  );
}
