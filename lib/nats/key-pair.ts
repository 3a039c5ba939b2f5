import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { createOperator, Prefix, type KeyPair } from "@nats-io/nkeys";
import { Codec } from "@nats-io/nkeys/lib/codec";

// The 16-byte PKCS#8 header that turns a raw 32-byte ed25519 seed into DER.
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/**
 * An NKey pair that signs with node:crypto. The stock nkeys pair re-derives
 * the ed25519 key on every call (50–80 ms per JWT here); this one derives it
 * once and produces byte-identical signatures in well under a millisecond.
 */
export class FastKeyPair implements KeyPair {
  readonly #seed: Uint8Array;
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;
  readonly #publicKeyText: string;
  readonly #privateKeyText: Uint8Array;

  constructor(seed: Uint8Array) {
    const { prefix, buf: raw } = Codec.decodeSeed(seed);
    this.#seed = seed;
    this.#privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, raw]), format: "der", type: "pkcs8" });
    this.#publicKey = createPublicKey(this.#privateKey);
    // The raw 32-byte public key is the tail of its SPKI encoding; nkeys adds the role prefix and checksum.
    const rawPublic = this.#publicKey.export({ format: "der", type: "spki" }).subarray(-32);
    this.#publicKeyText = new TextDecoder().decode(Codec.encode(prefix, rawPublic));
    // nkeys' private key form: the 64-byte ed25519 secret key (seed ‖ public key). @nats-io/jwt asks for it on every signature.
    this.#privateKeyText = Codec.encode(Prefix.Private, Buffer.concat([raw, rawPublic]));
  }

  static fromSeedText(seed: string): FastKeyPair {
    return new FastKeyPair(new TextEncoder().encode(seed));
  }

  /** Builds the seed of the given kind from 32 raw bytes (e.g. an HMAC output). */
  static fromRawSeed(prefix: Prefix, raw: Uint8Array): FastKeyPair {
    return new FastKeyPair(Codec.encodeSeed(prefix, raw));
  }

  getPublicKey(): string {
    return this.#publicKeyText;
  }

  getPrivateKey(): Uint8Array {
    return this.#privateKeyText;
  }

  getSeed(): Uint8Array {
    return this.#seed;
  }

  sign(input: Uint8Array): Uint8Array {
    return new Uint8Array(sign(null, input, this.#privateKey));
  }

  verify(input: Uint8Array, signature: Uint8Array): boolean {
    return verify(null, input, this.#publicKey, signature);
  }

  seal(): never {
    throw new Error("FastKeyPair only signs; curve keys are not supported");
  }

  open(): never {
    throw new Error("FastKeyPair only signs; curve keys are not supported");
  }

  clear(): void {
    // Derived keys are rebuilt on demand from the operator seed; nothing to wipe.
  }
}

/** A new random operator seed, as text (`SO…`). */
export function generateOperatorSeed(): string {
  return new TextDecoder().decode(createOperator().getSeed());
}
