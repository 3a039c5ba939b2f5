import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { test } from "node:test";
import { checkPassword, COMMON_PASSWORD_PROBLEM } from "@/lib/auth/check-password";
import { commonPasswords, isCommonPassword, stripTrailingJunk } from "@/lib/auth/common-passwords";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength, passwordRules, type PasswordContext, type PasswordRuleId } from "@/lib/auth/password-rules";

const noContext = { email: "", name: "" };
const person = { email: "Grace.Hopper@Example.com", name: "Grace Brewster Hopper" };

function rule(password: string, id: PasswordRuleId, context: PasswordContext = noContext): boolean {
  const found = passwordRules(password, context).find((r) => r.id === id);
  assert.ok(found, `rule ${id} is reported`);
  assert.ok(found.label.length > 0);
  return found.ok;
}

test("limits are 12 and 128", () => {
  assert.equal(PASSWORD_MIN_LENGTH, 12);
  assert.equal(PASSWORD_MAX_LENGTH, 128);
});

test("every rule is reported, in a stable order", () => {
  assert.deepEqual(
    passwordRules("", noContext).map((r) => r.id),
    ["min_length", "max_length", "not_email_or_name"],
  );
});

test("11 characters is too short, 12 is enough", () => {
  assert.equal(rule("k".repeat(11), "min_length"), false);
  assert.equal(rule("k".repeat(12), "min_length"), true);
  assert.equal(rule("", "min_length"), false);
});

test("128 characters is allowed, 129 is too long", () => {
  assert.equal(rule("k".repeat(128), "max_length"), true);
  assert.equal(rule("k".repeat(129), "max_length"), false);
});

test("length counts Unicode code points, not UTF-16 units", () => {
  const emoji = "🔑"; // two UTF-16 units, one code point
  assert.equal(emoji.length, 2);
  assert.equal(passwordLength(emoji.repeat(11)), 11);
  assert.equal(rule(emoji.repeat(11), "min_length"), false, "22 UTF-16 units but 11 characters");
  assert.equal(rule(emoji.repeat(12), "min_length"), true);
  assert.equal(rule(emoji.repeat(128), "max_length"), true, "256 UTF-16 units but 128 characters");
  assert.equal(rule(emoji.repeat(129), "max_length"), false);
  assert.equal(passwordLength("naïve café"), 10);
});

test("the email, its local part and the name are refused regardless of case", () => {
  assert.equal(rule("xx grace.hopper@example.com xx", "not_email_or_name", person), false);
  assert.equal(rule("my-GRACE.HOPPER-pass", "not_email_or_name", person), false, "local part");
  assert.equal(rule("i am grace brewster hopper", "not_email_or_name", person), false, "whole name");
  assert.equal(rule("GraceBrewsterHopper!", "not_email_or_name", person), false, "name without spaces");
  assert.equal(rule("amazing-HOPPER-2024", "not_email_or_name", person), false, "a name word");
  assert.equal(rule("brewster's millions", "not_email_or_name", person), false, "a middle name word");
  assert.equal(rule("correct horse battery staple", "not_email_or_name", person), true);
});

test("short email local parts and name words are not checked", () => {
  const shortOnes = { email: "al@example.com", name: "Al Bo Tam" };
  assert.equal(rule("totally alright bottle", "not_email_or_name", shortOnes), true, "'al', 'bo', 'tam' are too short to matter");
  assert.equal(rule("prefix al bo tam suffix", "not_email_or_name", shortOnes), false, "the whole name still counts");
  assert.equal(rule("my al@example.com pass", "not_email_or_name", shortOnes), false, "the whole email still counts");
  // Name of three characters: the name itself counts, it is too short to count word by word.
  assert.equal(rule("xxJOExx-long-enough", "not_email_or_name", { name: "Joe" }), false);
});

test("no email or name means nothing to compare against", () => {
  assert.equal(rule("grace hopper forever", "not_email_or_name", {}), true);
  assert.equal(rule("grace hopper forever", "not_email_or_name", { email: null, name: null }), true);
  assert.equal(rule("grace hopper forever", "not_email_or_name", { email: "  ", name: "  " }), true);
});

test("the common list has at least 10,000 lowercase entries", () => {
  const list = commonPasswords();
  assert.ok(list.size >= 10_000, `only ${list.size} entries`);
  for (const entry of list) assert.equal(entry, entry.toLowerCase());
  assert.ok(list.has("password"));
  assert.ok(list.has("123456"));
});

test("common passwords are caught, case-insensitively", () => {
  assert.equal(isCommonPassword("password"), true);
  assert.equal(isCommonPassword("PassWord"), true);
  assert.equal(isCommonPassword("qwertyuiop"), true);
  assert.equal(isCommonPassword("1qaz2wsx"), true);
});

test("trailing digits and symbols don't hide a common password", () => {
  assert.equal(stripTrailingJunk("Password123!"), "password");
  assert.equal(stripTrailingJunk("123456"), "");
  assert.equal(isCommonPassword("Password123!"), true);
  assert.equal(isCommonPassword("password123!"), true);
  assert.equal(isCommonPassword("Football2024!!"), true);
  assert.equal(isCommonPassword("superman_99 "), true);
  // The base must be at least 6 characters: "hello" is common, but not the reason to refuse this.
  assert.ok(commonPasswords().has("hello"), "fixture: 'hello' is on the list");
  assert.equal(isCommonPassword("hello94758393021"), false);
  // Only trailing characters are stripped.
  assert.equal(isCommonPassword("!!Password"), false);
});

test("stripping is linear on very long input", () => {
  const started = performance.now();
  assert.equal(isCommonPassword("1".repeat(200_000) + "z"), false);
  assert.ok(performance.now() - started < 2000);
});

test("checkPassword names every problem in plain words", () => {
  const short = checkPassword("password1", noContext);
  assert.equal(short.ok, false);
  assert.equal(short.problems.length, 2);
  assert.match(short.problems[0], /at least 12 characters/);
  assert.equal(short.problems[1], COMMON_PASSWORD_PROBLEM);
  assert.equal(COMMON_PASSWORD_PROBLEM, "This password is too common; it appears in lists of breached passwords.");

  const long = checkPassword("k".repeat(129), noContext);
  assert.deepEqual(long, { ok: false, problems: ["Use at most 128 characters."] });

  const personal = checkPassword("hopper-in-the-navy", person);
  assert.equal(personal.ok, false);
  assert.deepEqual(personal.problems, ["Don't use your email address or name in your password."]);

  const common = checkPassword("Password123456789!", noContext);
  assert.deepEqual(common, { ok: false, problems: [COMMON_PASSWORD_PROBLEM] });
});

test("a strong random passphrase passes", () => {
  const words = ["orbit", "lantern", "mosaic", "thistle", "quasar", "harbor", "velvet", "cobalt", "meadow", "tundra", "falcon", "prism"];
  for (let i = 0; i < 20; i++) {
    const passphrase = Array.from({ length: 4 }, () => words[randomInt(words.length)]).join("-") + `-${randomInt(1000)}`;
    assert.deepEqual(checkPassword(passphrase, person), { ok: true, problems: [] }, passphrase);
  }
});
