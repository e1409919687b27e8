import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface Row {
  engine: string;
  benchmark: string;
  subject: string;
  ceiling: string;
  ratio: string;
  target: string;
  pass: boolean;
  note?: string;
}

export interface Report {
  rows: Row[];
  loadBefore: string;
  loadAfter: string;
  notes: string[];
  details: string[];
  startedAt: Date;
  seconds: number;
}

const escape = (s: string) => s.replace(/\|/g, '\\|');

export function markdownTable(rows: Row[]): string {
  const lines = [
    '| Engine | Benchmark | Subject | Ceiling (same run) | Ratio | Target | Result |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const result = (r.pass ? 'PASS' : 'FAIL') + (r.note ? ` (${r.note})` : '');
    lines.push(`| ${[r.engine, r.benchmark, r.subject, r.ceiling, r.ratio, r.target, result].map(escape).join(' | ')} |`);
  }
  return lines.join('\n');
}

export function machineLine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

/**
 * How busy the machine is besides the bench: 1-minute load average and, where the
 * kernel has it, the share of time some task waited for a CPU (PSI, last 60 s).
 */
export function machineLoad(): { text: string; busy: boolean } {
  const load1 = loadavg()[0]!;
  let psi: number | undefined;
  try {
    const m = /some avg10=[\d.]+ avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    if (m) psi = Number(m[1]);
  } catch {
    // no PSI on this kernel
  }
  const text = `load average ${load1.toFixed(2)} on ${cpus().length} CPUs` + (psi !== undefined ? `, CPU pressure ${psi.toFixed(0)}% (60 s)` : '');
  return { text, busy: load1 > cpus().length * 0.75 };
}

export function renderReport(r: Report): string {
  return [
    '# xaso benchmark: HTTP (submission, public lookup), latest results',
    '',
    `Run ${r.startedAt.toISOString()} on ${machineLine()}; the bench took ${r.seconds.toFixed(0)} s.`,
    'Figures depend on the machine (and on what else runs on it); compare the ratios, which are measured against a ceiling taken in the same run, on the same engine.',
    `Machine load before the bench: ${r.loadBefore}; at the end (includes the bench itself): ${r.loadAfter}.`,
    '',
    markdownTable(r.rows),
    '',
    ...(r.notes.length ? ['Notes:', '', ...r.notes.map((n) => `- ${n}`), ''] : []),
    ...(r.details.length ? ['Details:', '', '```', ...r.details, '```', ''] : []),
  ].join('\n');
}

function writeResult(name: string, markdown: string): string {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}`;
  writeFileSync(file, markdown);
  return file;
}

/** The HTTP part's report: bench/results/http.md. */
export function writeReport(markdown: string): string {
  return writeResult('http.md', markdown);
}

export interface Summary {
  parts: { part: string; rows: Row[]; seconds: number }[];
  startedAt: Date;
  seconds: number;
  loadBefore: string;
  loadAfter: string;
  quick: boolean;
}

const FILES: Record<string, string> = { http: 'http.md', sync: 'sync.md', indicators: 'indicators.md' };
const minutes = (s: number) => `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;

/** `npm run bench`'s summary of every part: bench/results/summary.md. */
export function writeSummary(s: Summary): string {
  const rows = s.parts.flatMap((p) => p.rows);
  const failed = rows.filter((r) => !r.pass).length;
  const md = [
    '# xaso benchmark: summary', '',
    `Run ${s.startedAt.toISOString()} on ${machineLine()}; \`npm run bench\`${s.quick ? ' with BENCH_QUICK=1 (short runs, 1/10 of the data: not figures to quote)' : ''} took ${minutes(s.seconds)}.`,
    `Machine load before: ${s.loadBefore}; at the end (includes the bench itself): ${s.loadAfter}.`,
    'Each subject is compared with a ceiling measured in the same run, on the same engine; the details and the load during each part are in its own file.', '',
    '| Part | Took | Details |', '|---|---|---|',
    ...s.parts.map((p) => `| ${p.part} | ${minutes(p.seconds)} | [results/${FILES[p.part]}](${FILES[p.part]}) |`), '',
    markdownTable(rows), '',
    failed ? `${failed} of ${rows.length} targets missed.` : `All ${rows.length} targets met.`, '',
  ].join('\n');
  console.log(`\n${md}`);
  return writeResult('summary.md', md);
}
