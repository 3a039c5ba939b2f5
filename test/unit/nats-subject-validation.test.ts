import assert from "node:assert/strict";
import { test } from "node:test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PermissionEditor } from "@/components/nats-users/permission-editor";
import { PermissionSimulator } from "@/components/nats-users/permission-simulator";
import {
  EMPTY_PERMISSION_SPEC,
  MAX_ENTRIES_PER_LIST,
  natsPermissionSpec,
  permissionSpecFromForm,
  toUserPermissions,
  validateSubject,
  validateToken,
} from "@/lib/nats-users/permission-spec";
import { applyTemplate, PERMISSION_TEMPLATES } from "@/lib/nats-users/permission-templates";

test("a subject is dot-separated tokens, * a whole token, > the whole last token", () => {
  for (const valid of ["orders", "orders.created", "orders.*", "orders.*.eu", "orders.>", "*", ">", "_INBOX.>", "$JS.API.>", "a-b_c.D9"])
    assert.equal(validateSubject(valid, { allowQueue: false }), null, valid);
  const problems: [string, string][] = [
    ["", '"": empty subject'],
    ["orders..new", '"orders..new": empty token between dots'],
    [".orders", '".orders": starts with a dot'],
    ["orders.", '"orders.": ends with a dot'],
    ["orders.>.eu", '"orders.>.eu": ">" is only allowed as the last token'],
    ["orders.>x", '"orders.>x": ">" must be a whole token'],
    ["orders.cre*", '"orders.cre*": "*" must be a whole token'],
    ["orders new", '"orders new": spaces are not allowed in a subject'],
    ["orders\tnew", '"orders\\tnew": only printable ASCII characters are allowed'],
    ["commandes.créées", '"commandes.créées": only printable ASCII characters are allowed'],
    ["x".repeat(256), `${JSON.stringify("x".repeat(256))}: longer than 255 characters`],
  ];
  for (const [subject, message] of problems) assert.equal(validateSubject(subject, { allowQueue: false }), message, subject);
  assert.equal(validateSubject("x".repeat(255), { allowQueue: false }), null, "255 characters are fine");
});

test("subscribe entries may carry one queue group after a single space, itself a subject pattern", () => {
  for (const valid of ["foo v1", "orders.> workers", "foo v1.>", "foo *.dev", "> *.prod"])
    assert.equal(validateSubject(valid, { allowQueue: true }), null, valid);
  assert.equal(validateSubject("foo  v1", { allowQueue: true }), '"foo  v1": write a queue grant as "subject queue", with a single space');
  assert.equal(validateSubject("foo v1 v2", { allowQueue: true }), '"foo v1 v2": write a queue grant as "subject queue", with a single space');
  assert.equal(validateSubject("foo ", { allowQueue: true }), '"foo ": write a queue grant as "subject queue", with a single space');
  assert.equal(validateSubject("foo v1..x", { allowQueue: true }), '"foo v1..x": queue group: empty token between dots');
  assert.equal(validateSubject("foo..bar v1", { allowQueue: true }), '"foo..bar v1": empty token between dots');
});

test("a literal subject (something to publish to) has no wildcards; a token has no dots either", () => {
  assert.equal(validateSubject("orders.new", { allowQueue: false, allowWildcards: false }), null);
  assert.equal(validateSubject("orders.*", { allowQueue: false, allowWildcards: false }), '"orders.*": wildcards (*) are not allowed here');
  assert.equal(validateToken("orders"), null);
  assert.equal(validateToken("orders.eu"), '"orders.eu": a single token, without dots');
  assert.equal(validateToken(">"), '">": wildcards (>) are not allowed here');
  assert.equal(validateToken(""), '"": empty subject');
});

test("the schema trims and deduplicates entries, names the offending one and caps the lists", () => {
  const parsed = natsPermissionSpec.parse({
    pub: { allow: [" orders.> ", "orders.>", "refunds.*"], deny: [] },
    sub: { allow: ["orders.> workers"], deny: [] },
    resp: { max: 1, ttlSeconds: 60 },
  });
  assert.deepEqual(parsed.pub.allow, ["orders.>", "refunds.*"]);
  assert.deepEqual(parsed.sub.allow, ["orders.> workers"]);

  const refused = natsPermissionSpec.safeParse({ ...EMPTY_PERMISSION_SPEC, pub: { allow: ["ok", "orders..new"], deny: ["foo v1"] } });
  assert.equal(refused.success, false);
  const issues = refused.error!.issues.map((issue) => [issue.path.join("."), issue.message]);
  assert.deepEqual(issues, [
    ["pub.allow.1", '"orders..new": empty token between dots'],
    ["pub.deny.0", '"foo v1": spaces are not allowed in a subject'],
  ]);

  const tooMany = Array.from({ length: MAX_ENTRIES_PER_LIST + 1 }, (_, i) => `s${i}`);
  const capped = natsPermissionSpec.safeParse({ ...EMPTY_PERMISSION_SPEC, sub: { allow: tooMany, deny: [] } });
  assert.deepEqual(
    capped.error?.issues.map((issue) => issue.message),
    [`subscribe allow: at most ${MAX_ENTRIES_PER_LIST} entries`],
  );
  assert.equal(
    natsPermissionSpec.safeParse({ ...EMPTY_PERMISSION_SPEC, sub: { allow: [...tooMany.slice(1), "s1"], deny: [] } }).success,
    true,
    "duplicates do not count",
  );

  for (const resp of [
    { max: 0, ttlSeconds: 60 },
    { max: 1, ttlSeconds: 0 },
    { max: 1.5, ttlSeconds: 60 },
  ])
    assert.equal(natsPermissionSpec.safeParse({ ...EMPTY_PERMISSION_SPEC, resp }).success, false, JSON.stringify(resp));
});

test("user claims leave empty lists out (an explicit empty allow means deny all) and carry the ttl in nanoseconds", () => {
  assert.deepEqual(toUserPermissions(EMPTY_PERMISSION_SPEC), { pub: {}, sub: {} });
  assert.deepEqual(toUserPermissions({ pub: { allow: [], deny: ["secret.>"] }, sub: { allow: ["foo v1"], deny: [] }, resp: { max: 3, ttlSeconds: 90 } }), {
    pub: { deny: ["secret.>"] },
    sub: { allow: ["foo v1"] },
    resp: { max: 3, ttl: 90_000_000_000 },
  });
});

test("every template builds a valid spec from valid parameters and refuses a dotted or empty one", () => {
  for (const template of PERMISSION_TEMPLATES) {
    const values = Object.fromEntries(template.parameters.map((p) => [p.key, ` ${p.example} `]));
    const result = applyTemplate(template, values);
    assert.ok("spec" in result, template.id);
    assert.deepEqual(natsPermissionSpec.parse(result.spec), result.spec, template.id);
    const [first] = template.parameters;
    assert.match((applyTemplate(template, { ...values, [first.key]: "a.b" }) as { problem: string }).problem, /a single token/, template.id);
    assert.match((applyTemplate(template, { ...values, [first.key]: "" }) as { problem: string }).problem, /empty subject/, template.id);
  }
  const device = applyTemplate(
    PERMISSION_TEMPLATES.find((t) => t.id === "device")!,
    { license: "k1" },
  );
  assert.deepEqual("spec" in device && device.spec.sub.allow, ["events.license.k1.>", "events.license.*.broadcast.>"]);
});

test("the editor's fields carry the form names permissionSpecFromForm reads, with labels and inline problems", () => {
  const html = renderToStaticMarkup(
    createElement(PermissionEditor, {
      defaultValue: { pub: { allow: ["orders.>", "orders..new"], deny: [] }, sub: { allow: ["svc.> workers"], deny: [] }, resp: { max: 2, ttlSeconds: 30 } },
    }),
  );
  for (const name of ["pub.allow", "pub.deny", "sub.allow", "sub.deny", "resp.enabled", "resp.max", "resp.ttlSeconds"])
    assert.ok(html.includes(`name="permissions.${name}"`), name);
  assert.match(html, /<label for="([^"]+)"[^>]*>Publish: allow<\/label><textarea id="\1"/);
  assert.match(html, /aria-invalid="true"[^>]*>orders\.&gt;\norders\.\.new<\/textarea>/);
  assert.match(html, /&quot;orders\.\.new&quot;: empty token between dots/);
  assert.doesNotMatch(html, /svc\.&gt; workers&quot;:/, "a queue grant is valid in a subscribe list");

  const form = new FormData();
  form.set("permissions.pub.allow", " orders.>\r\n\nrefunds.*\n");
  form.set("permissions.sub.deny", "admin.>");
  form.set("permissions.resp.enabled", "on");
  form.set("permissions.resp.max", "2");
  form.set("permissions.resp.ttlSeconds", "30");
  assert.deepEqual(natsPermissionSpec.parse(permissionSpecFromForm(form)), {
    pub: { allow: ["orders.>", "refunds.*"], deny: [] },
    sub: { allow: [], deny: ["admin.>"] },
    resp: { max: 2, ttlSeconds: 30 },
  });
  form.delete("permissions.resp.enabled");
  assert.equal(permissionSpecFromForm(form).resp, null);
});

test("the simulator has labelled inputs and a polite live region for its verdict", () => {
  const html = renderToStaticMarkup(createElement(PermissionSimulator, { permissions: EMPTY_PERMISSION_SPEC }));
  assert.match(html, /<label for="([^"]+)"[^>]*>Operation<\/label><select id="\1"/);
  assert.match(html, /<label for="([^"]+)"[^>]*>Subject<\/label><input id="\1"/);
  assert.match(html, /aria-live="polite"/);
});
