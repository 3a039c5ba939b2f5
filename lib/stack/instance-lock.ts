import { openSync, writeSync, closeSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isProcessAlive } from "./managed-process";
import { StackError } from "./stack-error";

type LockContents = { pid: number; groups: number[] };

/**
 * One `npm start` per data directory: a second one would corrupt it. The lock
 * records the process groups it started, so a run that was killed outright
 * can have its leftovers stopped by the next one.
 */
export class InstanceLock {
  private constructor(private readonly path: string) {}

  static acquire(path: string): InstanceLock {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, "wx", 0o600);
        writeSync(fd, JSON.stringify({ pid: process.pid, groups: [] } satisfies LockContents));
        closeSync(fd);
        return new InstanceLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const holder = InstanceLock.read(path);
        if (holder && isProcessAlive(holder.pid)) {
          throw new StackError(
            `Cordon is already running from this data directory (pid ${holder.pid}): stop it first, or set CORDON_DATA_DIR to another directory.`,
          );
        }
        for (const group of holder?.groups ?? []) {
          try {
            process.kill(-group, "SIGKILL"); // leftovers of a run that was killed outright
          } catch {
            // already gone
          }
        }
        rmSync(path, { force: true });
      }
    }
    throw new StackError(`Could not take the lock ${path}: remove it if no Cordon is running.`);
  }

  private static read(path: string): LockContents | undefined {
    try {
      return JSON.parse(readFileSync(path, "utf8")) as LockContents;
    } catch {
      return undefined;
    }
  }

  recordGroup(pid: number | undefined): void {
    if (pid === undefined) return;
    const contents = InstanceLock.read(this.path) ?? { pid: process.pid, groups: [] };
    contents.groups.push(pid);
    writeFileSync(this.path, JSON.stringify(contents));
  }

  release(): void {
    rmSync(this.path, { force: true });
  }
}
