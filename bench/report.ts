import { execFileSync } from 'node:child_process';
import { cpus, hostname, loadavg, totalmem } from 'node:os';
import { mb } from './stats.js';

/**
 * The one table `npm run bench` ends with: each figure, its goal, the ratio to the goal and whether it is met,
 * under a line naming the machine (the figures mean nothing without it). Ratios are value ÷ goal; for a goal
 * that is a ceiling (latency, time, overhead) a ratio ≤ 1 meets it, for a floor (throughput) ≥ 1 does.
 */
export interface ReportRow {
  readonly figure: string;
  readonly value: string;
  /** Absent for a figure that only informs (e.g. memory readings). */
  readonly goal?: { readonly text: string; readonly ratio: number; readonly met: boolean };
  readonly note?: string;
}

export function floorGoal(value: number, goal: number, unit: string): ReportRow['goal'] {
  return { text: `≥ ${goal.toLocaleString('en-US')} ${unit}`, ratio: value / goal, met: value >= goal };
}

export function ceilingGoal(value: number, goal: number, text: string): ReportRow['goal'] {
  return { text, ratio: value / goal, met: value <= goal };
}

export function machineLine(): string {
  let php = 'no php';
  try {
    php = `PHP ${execFileSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' })}`;
  } catch {
    // PHP is only needed for the plugin's benches, which say so themselves.
  }
  const [one, five] = loadavg();
  return `${hostname()}: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} RAM, load average ${one?.toFixed(1)} (1 min) / ${five?.toFixed(1)} (5 min); Node ${process.version}, ${php}`;
}

export function printReport(rows: readonly ReportRow[], machineAtStart: string, machineAtEnd: string): void {
  const header = ['figure', 'value', 'goal', 'ratio', 'verdict'];
  const cells = rows.map((row) => [
    row.figure,
    row.value,
    row.goal?.text ?? '',
    row.goal ? `${row.goal.ratio.toFixed(2)}×` : '',
    row.goal ? (row.goal.met ? 'met' : 'MISSED') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n==== GP Sync benchmark report (${new Date().toISOString()})`);
  console.log(`machine at start: ${machineAtStart}`);
  console.log(`machine at end:   ${machineAtEnd}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
  const notes = rows.filter((row) => row.note);
  if (notes.length > 0) console.log('');
  for (const row of notes) console.log(`* ${row.figure}: ${row.note}`);
  const missed = rows.filter((row) => row.goal && !row.goal.met).map((row) => row.figure);
  console.log(
    missed.length === 0 ? '\nevery goal met' : `\ngoals missed: ${missed.join('; ')} (docs/performance.md)`,
  );
}
