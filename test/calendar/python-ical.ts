import { spawnSync } from 'node:child_process';

/** What Python's `icalendar` read from one calendar. */
export interface PythonReading {
  readonly calname: string;
  readonly name: string;
  readonly method: string;
  readonly summaries: string[];
  readonly uids: string[];
  readonly organizers: string[];
  /** Problems the parser noted on any component (it is lenient and records them here). */
  readonly errors: string[];
}

// Reads a JSON list of calendars from stdin and prints what icalendar found in each.
const SCRIPT = `
import json, sys
from icalendar import Calendar
out = []
for text in json.load(sys.stdin):
    cal = Calendar.from_ical(text.encode('utf-8'))
    events = cal.walk('VEVENT')
    errors = [str(e) for c in cal.walk() for e in getattr(c, 'errors', [])]
    out.append({
        'calname': str(cal.get('X-WR-CALNAME', '')),
        'name': str(cal.get('NAME', '')),
        'method': str(cal.get('METHOD', '')),
        'summaries': [str(e.get('SUMMARY', '')) for e in events],
        'uids': [str(e.get('UID', '')) for e in events],
        'organizers': [str(e.get('ORGANIZER', '')) for e in events],
        'errors': errors,
    })
print(json.dumps(out))
`;

/** The first Python on this machine that has `icalendar` (Debian's `python3-icalendar` lives in /usr/bin/python3). */
function findPython(): string | undefined {
  for (const exe of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(exe, ['-c', 'import icalendar'], { encoding: 'utf8' });
    if (probe.status === 0) return exe;
  }
  return undefined;
}

/** The Python to use, or `undefined` (with a message) where `icalendar` is missing; under CI=true missing fails. */
export function pythonIcal(): string | undefined {
  const exe = findPython();
  if (!exe) {
    if (process.env.CI === 'true') throw new Error("Python's icalendar is required under CI=true (apt-get install -y python3-icalendar)");
    console.warn("Python's icalendar not found: its checks are skipped. Install it with: apt-get install -y python3-icalendar");
  }
  return exe;
}

/** Parse `calendars` with Python's `icalendar` in one process. */
export function readWithPython(exe: string, calendars: readonly string[]): PythonReading[] {
  const run = spawnSync(exe, ['-c', SCRIPT], { input: JSON.stringify(calendars), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`icalendar failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as PythonReading[];
}
