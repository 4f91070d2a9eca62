import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`); 100 on every Linux the bench runs on. */
const CLOCK_TICKS = 100;

/** A process's resident set now in MB (Linux `VmRSS`), or null where /proc is not there or the process is gone. */
export function rssMbOf(pid: number | null): number | null {
  if (!pid) return null;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** The command name and CPU seconds (user + system) of one process from /proc/<pid>/stat, or null. */
function statOf(pid: number | string): { command: string; cpuSeconds: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command sits in parentheses and may hold spaces or parentheses itself: split after the last one.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    // Fields 14 and 15 of stat(5) are utime and stime; `fields` starts at field 3.
    return {
      command: stat.slice(stat.indexOf('(') + 1, close),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
    };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, or null. */
export function cpuSecondsOf(pid: number | null): number | null {
  return pid ? (statOf(pid)?.cpuSeconds ?? null) : null;
}

/**
 * CPU seconds used so far by every process whose command is one of `commands` (all PostgreSQL backends, say, or the
 * broker's `java`), summed per command. Backends that exited in between are missing from the later reading, so a
 * difference of two readings is a lower bound for short-lived processes; the bench's connections live long.
 */
export function cpuSecondsByCommand(commands: readonly string[]): Map<string, number> {
  const totals = new Map(commands.map((command) => [command, 0]));
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return totals;
  }
  for (const pid of pids) {
    const stat = statOf(pid);
    if (stat && totals.has(stat.command)) totals.set(stat.command, totals.get(stat.command)! + stat.cpuSeconds);
  }
  return totals;
}

/** CPU seconds the whole machine has spent busy so far (every core; /proc/stat: all but idle and iowait), or null. */
export function machineBusyCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is counted in user already).
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + (steal ?? 0)) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
