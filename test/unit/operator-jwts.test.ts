import assert from "node:assert/strict";
import { test } from "node:test";
import { decode, type Account, type Operator, type User } from "@nats-io/jwt";
import { OperatorKeys } from "@/lib/nats/derive-keys";
import { generateOperatorSeed } from "@/lib/nats/key-pair";
import { buildOperatorJwt, buildSystemAccountJwt, buildSystemUserCreds } from "@/lib/nats/operator-jwts";
import { renderNatsServerConfig } from "@/lib/nats/server-config";

const keys = new OperatorKeys(generateOperatorSeed());

test("the operator JWT is self-signed and names the system account", async () => {
  const claims = decode<Operator>(await buildOperatorJwt(keys));
  assert.equal(claims.iss, keys.operator.getPublicKey());
  assert.equal(claims.sub, keys.operator.getPublicKey());
  assert.equal(claims.nats.system_account, keys.systemAccount().getPublicKey());
});

test("the system account is signed by the operator and writes every limit", async () => {
  const claims = decode<Account>(await buildSystemAccountJwt(keys));
  assert.equal(claims.iss, keys.operator.getPublicKey());
  assert.equal(claims.sub, keys.systemAccount().getPublicKey());
  for (const limit of ["subs", "data", "payload", "imports", "exports", "conn", "leaf"] as const) assert.equal(claims.nats.limits?.[limit], -1, limit);
  assert.deepEqual(
    claims.nats.exports?.map((e) => e.subject),
    ["$SYS.REQ.ACCOUNT.*.*", "$SYS.ACCOUNT.*.>"],
  );
});

test("system user creds hold a user JWT issued by the system account", async () => {
  const creds = await buildSystemUserCreds(keys);
  const jwt = /-----BEGIN NATS USER JWT-----\n(.+)\n/.exec(creds)?.[1];
  assert.ok(jwt);
  const claims = decode<User>(jwt);
  assert.equal(claims.iss, keys.systemAccount().getPublicKey());
  assert.equal(claims.sub, keys.systemUser().getPublicKey());
  assert.match(creds, /-----BEGIN USER NKEY SEED-----\nSU/);
});

test("the server config runs the full resolver and preloads the system account", () => {
  const config = renderNatsServerConfig({
    host: "127.0.0.1",
    port: 4999,
    monitorPort: 8999,
    operatorJwtPath: "/data/operator.jwt",
    systemAccountPublicKey: "ASYS",
    systemAccountJwt: "eyJ.sys.jwt",
    jwtDir: "/data/jwt",
    jetStreamDir: "/data/js",
  });
  assert.match(config, /listen: 127\.0\.0\.1:4999/);
  assert.match(config, /http: 127\.0\.0\.1:8999/);
  assert.match(config, /system_account: ASYS/);
  assert.match(config, /type: full[\s\S]*dir: "\/data\/jwt"[\s\S]*allow_delete: true/);
  assert.match(config, /resolver_preload: \{\s*ASYS: eyJ\.sys\.jwt/);
  assert.match(config, /store_dir: "\/data\/js"/);
});
