import { readFileSync } from 'node:fs';

export interface ResidentMemory {
  /** Resident set size now, MiB. */
  readonly rssMiB: number;
  /** The highest resident set size the process has had, MiB. */
  readonly peakMiB: number;
}

/** A process's resident memory from /proc (Linux), including its children's threads but not child processes. */
export function residentMemory(pid: number | undefined): ResidentMemory | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}
