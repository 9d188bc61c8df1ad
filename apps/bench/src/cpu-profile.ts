import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** A part of the stack, as the processes it runs in (found again at each reading: PostgreSQL forks). */
export interface Part {
  readonly name: string;
  pids(): number[];
}

/** CPU seconds each part used while a phase ran, beside the phase's wall-clock seconds: where the time went. */
export interface CpuProfile {
  readonly wallSeconds: number;
  readonly cpuSeconds: Record<string, number>;
}

const TICKS_PER_SECOND = 100;

export function partOf(name: string, pid: number | undefined): Part {
  return { name, pids: () => (pid === undefined ? [] : [pid]) };
}

/** Processes whose command line contains `marker`, and all their descendants (PostgreSQL's backends, a wrapper's server). */
export function partMatching(name: string, marker: string): Part {
  return {
    name,
    pids: () => {
      const all = processes();
      const found = new Set(all.filter((process) => process.cmdline.includes(marker)).map((process) => process.pid));
      for (let grew = true; grew; ) {
        grew = false;
        for (const process of all) {
          if (found.has(process.ppid) && !found.has(process.pid)) {
            found.add(process.pid);
            grew = true;
          }
        }
      }
      return [...found];
    },
  };
}

/** Starts measuring; the returned function ends the measurement and gives the profile. */
export function startCpuProfile(parts: readonly Part[]): () => CpuProfile {
  const started = performance.now();
  const before = new Map(parts.map((part) => [part.name, cpuTicksByPid(part)]));
  const self = process.cpuUsage();
  return () => {
    const cpuSeconds: Record<string, number> = {};
    for (const part of parts) {
      const earlier = before.get(part.name)!;
      let ticks = 0;
      // A process that started during the phase counts from zero; one that ended is lost (it no longer has a /proc entry).
      for (const [pid, now] of cpuTicksByPid(part)) ticks += now - (earlier.get(pid) ?? 0);
      cpuSeconds[part.name] = round(ticks / TICKS_PER_SECOND);
    }
    const used = process.cpuUsage(self);
    cpuSeconds.benchmark = round((used.user + used.system) / 1e6);
    return { wallSeconds: round((performance.now() - started) / 1000), cpuSeconds };
  };
}

function cpuTicksByPid(part: Part): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of part.pids()) {
    try {
      // Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // exited
    }
  }
  return ticks;
}

function processes(): { pid: number; ppid: number; cmdline: string }[] {
  const found: { pid: number; ppid: number; cmdline: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      found.push({ pid: Number(entry), ppid, cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      // exited while listed
    }
  }
  return found;
}

const round = (value: number) => Math.round(value * 10) / 10;
