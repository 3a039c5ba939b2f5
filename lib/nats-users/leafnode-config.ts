/**
 * The config of a self-hosted nats-server that joins the org's account as a
 * leaf node with a `leaf` user's credentials: its local clients (no auth)
 * then publish and subscribe inside the org's account, within that user's
 * permissions. The hub needs a leafnode listener (port 7422 by convention);
 * the local stack's nats-server has none.
 */
export function leafnodeConfig(userName: string): string {
  return `# leaf.conf: run with \`nats-server -c leaf.conf\` next to ${userName}.creds
port: 4222
leafnodes {
  remotes = [
    {
      url: "nats-leaf://<cordon-nats-host>:7422"
      credentials: "./${userName}.creds"
    }
  ]
}
`;
}
