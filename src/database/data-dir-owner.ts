import { existsSync, linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `server`: `npm start`, which needs the DATA_DIR to itself. `cli`: a CLI command, which may use a live server's PostgreSQL. */
export type OwnerRole = 'server' | 'cli';

export interface OwnerRecord {
  pid: number;
  /** The process's start time where /proc tells it, so that a recycled pid is not taken for the owner. */
  started?: string;
  role: OwnerRole;
  since: string;
}

export class DataDirInUseError extends Error {}

/**
 * `<DATA_DIR>/pg-owner.json` names the one Mutasi process that started the cluster's PostgreSQL
 * and will stop it. A record whose process is gone is stale and is replaced by the next claim.
 */
export class DataDirOwner {
  private readonly file: string;
  /** Our record as written, while we hold the DATA_DIR. */
  private held?: string;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'pg-owner.json');
  }

  /** Records this process as the owner; if another live process already is, changes nothing and returns its record. */
  claim(role: OwnerRole): OwnerRecord | undefined {
    const record: OwnerRecord = { pid: process.pid, started: processStat(process.pid)?.started, role, since: new Date().toISOString() };
    const mine = JSON.stringify(record);
    // Written whole, then hard-linked into place: link() fails if the record exists, so the
    // claim is atomic and nobody ever reads a half-written record.
    const draft = `${this.file}.${process.pid}.draft`;
    writeFileSync(draft, mine);
    try {
      for (let round = 0; round < 3; round++) {
        if (linkUnlessExists(draft, this.file)) {
          this.held = mine;
          return undefined;
        }
        const text = readUnlessMissing(this.file);
        if (text === undefined) continue;
        const owner = parseRecord(text);
        if (owner && isAlive(owner.pid, owner.started)) return owner;
        this.removeIfUnchanged(text);
      }
      throw new Error(`Could not claim ${this.dataDir}: other Mutasi processes are claiming it at the same moment. Start one at a time.`);
    } finally {
      rmSync(draft, { force: true });
    }
  }

  /** Removes our record, if we hold one; synchronous, so that a process 'exit' hook can call it. */
  release(): void {
    if (this.held === undefined) return;
    if (readUnlessMissing(this.file) === this.held) rmSync(this.file, { force: true });
    this.held = undefined;
  }

  /**
   * Deletes the stale record `text`. Moved aside first, atomically: when two processes find the
   * same stale record, the second must not delete the fresh claim the first made meanwhile.
   */
  private removeIfUnchanged(text: string): void {
    const aside = `${this.file}.${process.pid}.stale`;
    try {
      renameSync(this.file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (readFileSync(aside, 'utf8') !== text) linkUnlessExists(aside, this.file);
    rmSync(aside, { force: true });
  }
}

/** Whether `pid` runs (and is the process that started at `started`, where known); zombies count as dead. */
export function isAlive(pid: number, started?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
  if (!HAS_PROC) return true;
  const stat = processStat(pid);
  if (!stat || stat.state === 'Z') return false;
  return started === undefined || stat.started === started;
}

const HAS_PROC = existsSync('/proc/self/stat');

/** State and start time (fields 3 and 22 of /proc/<pid>/stat); undefined when the process is gone or there is no /proc. */
function processStat(pid: number): { state: string; started: string } | undefined {
  const text = readUnlessMissing(`/proc/${pid}/stat`);
  if (text === undefined) return undefined;
  // Field 2, the command name, may itself hold spaces and parentheses: count from its closing one.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], started: fields[19] };
}

function parseRecord(text: string): OwnerRecord | undefined {
  let value: Partial<OwnerRecord>;
  try {
    value = JSON.parse(text) as Partial<OwnerRecord>;
  } catch {
    return undefined; // unreadable: it names no live owner, so it is stale like a dead one
  }
  return Number.isInteger(value.pid) && value.pid! > 0 ? (value as OwnerRecord) : undefined;
}

function linkUnlessExists(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readUnlessMissing(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
