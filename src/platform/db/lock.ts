import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export interface DirLock {
  release(): void;
}

/**
 * Exclusive lock file next to the PGlite data directory. A second process that
 * opened the same directory would silently lose its writes (stack notes C2), so we
 * refuse to start instead. A lock left by a dead process is taken over.
 */
export function acquireDirLock(path: string): DirLock {
  try {
    return createLock(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = readHolderPid(path);
    if (holder !== undefined && isAlive(holder)) {
      throw new Error(
        `Thư mục dữ liệu đang được tiến trình ${holder} sử dụng / The data directory is in use by process ${holder} (${path})`,
      );
    }
    rmSync(path, { force: true });
    return createLock(path);
  }
}

function createLock(path: string): DirLock {
  const fd = openSync(path, 'wx');
  writeSync(fd, String(process.pid));
  closeSync(fd);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    rmSync(path, { force: true });
  };
  process.once('exit', release);
  return { release };
}

function readHolderPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
