// Regenerates data/common-passwords.txt: `npx tsx scripts/build-common-passwords.ts`.
//
// Source: the "passwords-common" dictionary of the npm package
// @zxcvbn-ts/language-common (MIT licence, https://github.com/zxcvbn-ts/zxcvbn),
// zxcvbn's frequency-ranked list of common passwords drawn from leaked-password
// corpora. It is read from node_modules (a devDependency); nothing is
// downloaded. Output: one password a line, lowercased, deduplicated, most
// common first.
import { writeFileSync } from "node:fs";
import { dictionary } from "@zxcvbn-ts/language-common";

const out = new URL("../data/common-passwords.txt", import.meta.url);
const passwords = new Set<string>();
for (const entry of dictionary["passwords-common"]) {
  const password = entry.trim().toLowerCase();
  if (password && !/[\r\n]/.test(password)) passwords.add(password);
}
if (passwords.size < 10_000) throw new Error(`Only ${passwords.size} passwords in @zxcvbn-ts/language-common; expected at least 10,000.`);
writeFileSync(out, [...passwords].join("\n") + "\n");
console.log(`Wrote ${passwords.size} passwords to ${out.pathname}`);
