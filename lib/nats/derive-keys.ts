import { createHmac } from "node:crypto";
import { Prefix } from "@nats-io/nkeys";
import { FastKeyPair } from "./key-pair";

/**
 * Every NATS key Cordon uses is derived from the operator seed, so the only
 * persistent secret is OPERATOR_SEED: nothing secret reaches the database,
 * and credentials stay valid across restarts. Bumping `generation` rotates a
 * derived key.
 */
export class OperatorKeys {
  readonly operator: FastKeyPair;
  readonly #seedText: string;
  // Derived pairs are pure functions of the seed and label: computing each once is enough.
  readonly #derived = new Map<string, FastKeyPair>();

  constructor(operatorSeed: string) {
    if (!/^SO[A-Z2-7]{56}$/.test(operatorSeed)) {
      throw new Error("OPERATOR_SEED must be an operator NKey seed (58 characters starting with SO)");
    }
    this.#seedText = operatorSeed;
    this.operator = FastKeyPair.fromSeedText(operatorSeed);
  }

  #derive(prefix: Prefix, label: string): FastKeyPair {
    let pair = this.#derived.get(label);
    if (!pair) {
      const raw = createHmac("sha256", this.#seedText).update(label).digest();
      pair = FastKeyPair.fromRawSeed(prefix, new Uint8Array(raw));
      this.#derived.set(label, pair);
    }
    return pair;
  }

  systemAccount(): FastKeyPair {
    return this.#derive(Prefix.Account, "nats-system-account");
  }

  /** The user Cordon itself connects as to send `$SYS` requests. */
  systemUser(generation = 0): FastKeyPair {
    return this.#derive(Prefix.User, `nats-system-user:${generation}`);
  }

  account(orgId: string, generation = 0): FastKeyPair {
    return this.#derive(Prefix.Account, `nats-account:${orgId}:${generation}`);
  }

  accountSigningKey(orgId: string, generation = 0): FastKeyPair {
    return this.#derive(Prefix.Account, `nats-account-signing:${orgId}:${generation}`);
  }
}
