import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { repoRoot } from "@/test/support/run-command";

/** Every .ts/.tsx source under lib/ and app/, except the catalogue itself. */
function sources(): string[] {
  return ["lib", "app"].flatMap((dir) =>
    readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => path.join(dir, file))
      .filter((file) => file !== path.join("lib", "audit", "actions.ts")),
  );
}

// A static scan: an action counts as emitted when its string literal appears
// in code that runs (lib/ or app/). A catalogue entry nothing records is
// either dead or a use case that forgot its audit event.
test("every action in the audit catalogue is emitted somewhere in lib/ or app/", () => {
  const code = sources()
    .map((file) => readFileSync(path.join(repoRoot, file), "utf8"))
    .join("\n");
  const missing = Object.keys(AUDIT_ACTIONS).filter(
    (action) => !code.includes(`"${action}"`) && !code.includes(`'${action}'`) && !code.includes(`\`${action}\``),
  );
  assert.deepEqual(missing, [], `actions never emitted: ${missing.join(", ")}`);
});
