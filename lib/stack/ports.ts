import net from "node:net";
import { StackError } from "./stack-error";

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Fails with one line naming the variable to change when `port` is taken. */
export async function assertPortFree(port: number, host: string, what: string, envVar: string): Promise<void> {
  if (!(await canListen(port, host))) {
    throw new StackError(`Port ${port} (${what}) is already in use: stop whatever listens there, or set ${envVar} to a free port.`);
  }
}

/** A port the OS reports free on loopback right now. */
export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
