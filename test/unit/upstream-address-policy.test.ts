import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addressRefusal,
  classifyAddress,
  hostRefusal,
  resolveUpstreamAddresses,
  UpstreamAddressError,
  type HostLookup,
} from "@/lib/services/upstream-address-policy";

const kinds = (addresses: string[]) => Object.fromEntries(addresses.map((address) => [address, classifyAddress(address).kind]));

test("metadata, link-local, multicast and unspecified addresses are forbidden", () => {
  const forbidden = [
    "169.254.169.254",
    "169.254.0.1",
    "100.100.100.200",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "fe80::1",
    "fe80::1%eth0",
    "febf::1",
    "fd00:ec2::254",
    "ff02::1",
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "64:ff9b::a9fe:a9fe",
    "2002:a9fe:a9fe::1",
    "::a9fe:a9fe",
    "not-an-ip",
  ];
  assert.deepEqual(kinds(forbidden), Object.fromEntries(forbidden.map((a) => [a, "forbidden"])));
  for (const address of forbidden) assert.ok(addressRefusal(address, true), address);
});

test("loopback and private ranges are private: allowed only with the flag", () => {
  const internal = [
    "127.0.0.1",
    "127.255.0.9",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "100.64.0.1",
    "198.18.0.1",
    "::1",
    "fd12::1",
    "fc00::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
  ];
  assert.deepEqual(kinds(internal), Object.fromEntries(internal.map((a) => [a, "private"])));
  for (const address of internal) {
    assert.match(addressRefusal(address, false) ?? "", /address/, address);
    assert.equal(addressRefusal(address, true), null, address);
  }
});

test("public addresses are allowed, including neighbours of the blocked ranges", () => {
  const open = [
    "8.8.8.8",
    "1.1.1.1",
    "172.15.255.255",
    "172.32.0.1",
    "169.253.255.255",
    "100.63.255.255",
    "100.128.0.1",
    "2606:4700::1111",
    "::ffff:8.8.8.8",
    "2002:808:808::1",
  ];
  assert.deepEqual(kinds(open), Object.fromEntries(open.map((a) => [a, "public"])));
});

test("hosts are judged by name where a name says enough", () => {
  assert.match(hostRefusal("metadata.google.internal", true) ?? "", /metadata/);
  assert.match(hostRefusal("METADATA.google.internal.", true) ?? "", /metadata/);
  assert.match(hostRefusal("[fd00:ec2::254]", true) ?? "", /metadata/);
  assert.match(hostRefusal("localhost", false) ?? "", /loopback/);
  assert.match(hostRefusal("api.localhost", false) ?? "", /loopback/);
  assert.equal(hostRefusal("localhost", true), null);
  assert.equal(hostRefusal("api.example.com", false), null);
  assert.match(hostRefusal("[::1]", false) ?? "", /loopback/);
});

function fakeLookup(answers: Record<string, string[]>): HostLookup {
  return async (hostname) => {
    const addresses = answers[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

test("resolution checks every address a name resolves to (DNS rebinding)", async () => {
  const lookup = fakeLookup({
    "api.example.com": ["93.184.216.34", "2606:2800:220:1::1"],
    "rebind.example.com": ["93.184.216.34", "169.254.169.254"],
    "internal.example.com": ["10.0.0.5"],
  });
  assert.deepEqual(await resolveUpstreamAddresses("api.example.com", { allowPrivate: false, lookup }), [
    { address: "93.184.216.34", family: 4 },
    { address: "2606:2800:220:1::1", family: 6 },
  ]);
  await assert.rejects(resolveUpstreamAddresses("rebind.example.com", { allowPrivate: true, lookup }), (error: unknown) => {
    assert.ok(error instanceof UpstreamAddressError);
    assert.equal(error.address, "169.254.169.254");
    assert.doesNotMatch(error.message, /169\.254/);
    return true;
  });
  await assert.rejects(resolveUpstreamAddresses("internal.example.com", { allowPrivate: false, lookup }), UpstreamAddressError);
  assert.deepEqual(await resolveUpstreamAddresses("internal.example.com", { allowPrivate: true, lookup }), [{ address: "10.0.0.5", family: 4 }]);
  await assert.rejects(resolveUpstreamAddresses("gone.example.com", { allowPrivate: true, lookup }), /ENOTFOUND/);
});

test("literal IPs and metadata names are refused without a lookup", async () => {
  const lookup: HostLookup = async () => assert.fail("no lookup expected");
  assert.deepEqual(await resolveUpstreamAddresses("[::1]", { allowPrivate: true, lookup }), [{ address: "::1", family: 6 }]);
  await assert.rejects(resolveUpstreamAddresses("169.254.169.254", { allowPrivate: true, lookup }), UpstreamAddressError);
  await assert.rejects(resolveUpstreamAddresses("metadata.google.internal", { allowPrivate: true, lookup }), UpstreamAddressError);
  await assert.rejects(resolveUpstreamAddresses("127.0.0.1", { allowPrivate: false, lookup }), UpstreamAddressError);
});
