import { spawn, type ChildProcess } from "node:child_process";
import { openSync, closeSync } from "node:fs";

export type ManagedProcess = {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or null after a signal) when the process group leader ends. */
  exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<void>;
};

export type SpawnManagedOptions = {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Output goes here (appended), not to our terminal. Omit to inherit our stdio. */
  logFile?: string;
  uid?: number;
  gid?: number;
  /** The signal for a clean stop; SIGKILL follows if the group outlives the timeout. */
  stopSignal?: NodeJS.Signals;
};

/**
 * Starts a child in its own process group, so stopping it reaches every
 * process it forked (postgres backends, Next workers) and nothing else.
 */
export function spawnManaged(name: string, command: string, args: string[], options: SpawnManagedOptions = {}): ManagedProcess {
  const logFd = options.logFile ? openSync(options.logFile, "a") : undefined;
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: logFd === undefined ? "inherit" : ["ignore", logFd, logFd],
    uid: options.uid,
    gid: options.gid,
  });
  if (logFd !== undefined) closeSync(logFd);

  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", () => resolve(-1));
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };

  return {
    name,
    child,
    exited,
    async stop(timeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) {
        signalGroup("SIGKILL"); // leftovers of a leader that already exited
        return;
      }
      signalGroup(options.stopSignal ?? "SIGTERM");
      const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), timeoutMs).unref());
      if ((await Promise.race([exited, timer])) === "timeout") signalGroup("SIGKILL");
      await exited;
    },
  };
}

/** Whether a process id is alive (signal 0 only checks). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
