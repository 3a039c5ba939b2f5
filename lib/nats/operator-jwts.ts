import { encodeAccount, encodeOperator, encodeUser, fmtCreds } from "@nats-io/jwt";
import type { OperatorKeys } from "./derive-keys";

export const OPERATOR_NAME = "cordon";
export const SYSTEM_ACCOUNT_NAME = "SYS";

/** The operator JWT nats-server trusts; it names the system account. */
export function buildOperatorJwt(keys: OperatorKeys): Promise<string> {
  return encodeOperator(OPERATOR_NAME, keys.operator, { system_account: keys.systemAccount().getPublicKey() });
}

/**
 * The system account, with every limit written out (a missing limit means
 * zero to nats-server) and the exports that let monitoring requests be scoped
 * to one account.
 */
export function buildSystemAccountJwt(keys: OperatorKeys): Promise<string> {
  return encodeAccount(
    SYSTEM_ACCOUNT_NAME,
    keys.systemAccount(),
    {
      limits: { subs: -1, data: -1, payload: -1, imports: -1, exports: -1, wildcards: true, conn: -1, leaf: -1 },
      exports: [
        {
          name: "account-monitoring-services",
          subject: "$SYS.REQ.ACCOUNT.*.*",
          type: "service",
          response_type: "Stream",
          account_token_position: 4,
        },
        {
          name: "account-monitoring-streams",
          subject: "$SYS.ACCOUNT.*.>",
          type: "stream",
          account_token_position: 3,
        },
      ],
    },
    { signer: keys.operator },
  );
}

/** Credentials for Cordon's own connection to the system account. */
export async function buildSystemUserCreds(keys: OperatorKeys): Promise<string> {
  const user = keys.systemUser();
  const jwt = await encodeUser("cordon-system", user, keys.systemAccount());
  return new TextDecoder().decode(fmtCreds(jwt, user));
}
