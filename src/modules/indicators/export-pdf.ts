import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { CommuneReport } from './report-data';
import { panelTables, type ReportTable } from './report-panels';
import { footerLine, headerLine, printedBasis, printedValue, rowCells, t, type Lang } from './report-labels';

/** The monthly report as a one-to-few-page A4 landscape PDF, with an embedded Vietnamese font (data/fonts). */
const FONT = fileURLToPath(new URL('../../../data/fonts/NotoSans-Regular.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('../../../data/fonts/NotoSans-Bold.ttf', import.meta.url));
const MARGIN = 30;
const FIGURE_W = 54.5;
const COLS = [28, 152, ...Array.from({ length: 11 }, () => FIGURE_W)];
type Doc = InstanceType<typeof PDFDocument>;

export function renderReportPdf(r: CommuneReport, lang: Lang, now: Date): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: `${t(lang, 'title')} – ${r.communeName}`, Author: 'xaso' } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(10).text(headerLine(r, lang), MARGIN, MARGIN, { width });
  doc.moveDown(0.5).fontSize(12).text(t(lang, 'title'), { width, align: 'center' });
  doc.font('body').fontSize(9).text(t(lang, 'form'), { width, align: 'center' });
  doc.text(t(lang, 'unit'), { width, align: 'right' });
  let y = drawTableHead(doc, doc.y + 4, lang);
  r.rows.forEach((row, i) => (y = drawRow(doc, y, [String(i + 1), row.label, ...rowCells(row)], false)));
  y = drawRow(doc, y, ['', r.total.label, ...rowCells(r.total)], true);
  y = drawIndicators(doc, y + 14, r, lang);
  for (const table of panelTables(r.panels, lang)) y = drawTable(doc, y + 14, table, width);
  doc.font('body').fontSize(8).text(footerLine(r, lang, now), MARGIN, ensureRoom(doc, y + 8, 20), { width });
  doc.end();
  return done;
}

function cell(doc: Doc, x: number, y: number, w: number, h: number, text: string, opts: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {}): void {
  doc.rect(x, y, w, h).lineWidth(0.5).stroke();
  doc.font(opts.bold ? 'bold' : 'body').fontSize(8).text(text, x + 3, y + 3, { width: w - 6, align: opts.align ?? 'left' });
}

function colX(i: number): number {
  return MARGIN + COLS.slice(0, i).reduce((s, w) => s + w, 0);
}

function span(from: number, to: number): number {
  return COLS.slice(from, to + 1).reduce((s, w) => s + w, 0);
}

/** Three header rows with the merged cells of the form. */
function drawTableHead(doc: Doc, y: number, lang: Lang): number {
  const h = 16;
  const c = (from: number, to: number, row: number, rows: number, text: string) =>
    cell(doc, colX(from), y + row * h, span(from, to), rows * h, text, { bold: true, align: 'center' });
  c(0, 0, 0, 3, t(lang, 'no'));
  c(1, 1, 0, 3, t(lang, 'field'));
  c(2, 5, 0, 1, t(lang, 'received'));
  c(6, 9, 0, 1, t(lang, 'resolved'));
  c(10, 12, 0, 1, t(lang, 'pending'));
  c(2, 2, 1, 2, t(lang, 'total'));
  c(3, 4, 1, 1, t(lang, 'inPeriod'));
  c(5, 5, 1, 2, t(lang, 'carried'));
  c(3, 3, 2, 1, t(lang, 'online'));
  c(4, 4, 2, 1, t(lang, 'direct'));
  const singles: [number, string][] = [[6, 'total'], [7, 'early'], [8, 'onTime'], [9, 'late'], [10, 'total'], [11, 'inTime'], [12, 'late']]
    .map(([i, w]) => [i as number, t(lang, w as Parameters<typeof t>[1])]);
  for (const [i, text] of singles) c(i, i, 1, 2, text);
  return y + 3 * h;
}

function ensureRoom(doc: Doc, y: number, h: number): number {
  if (y + h <= doc.page.height - MARGIN - 20) return y;
  doc.addPage();
  return MARGIN;
}

function drawRow(doc: Doc, y: number, values: string[], bold: boolean): number {
  doc.font(bold ? 'bold' : 'body').fontSize(8);
  const h = Math.max(16, doc.heightOfString(values[1] ?? '', { width: COLS[1]! - 6 }) + 6);
  const top = ensureRoom(doc, y, h);
  values.forEach((v, i) => cell(doc, colX(i), top, COLS[i]!, h, v, { bold, align: i < 2 ? 'left' : 'right' }));
  return top + h;
}

function drawIndicators(doc: Doc, y: number, r: CommuneReport, lang: Lang): number {
  const widths = [170, 80, 80, 300, 150];
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((s, w) => s + w, 0));
  doc.font('bold').fontSize(10).text(t(lang, 'indicators'), MARGIN, ensureRoom(doc, y, 30));
  let at = doc.y + 4;
  const row = (values: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(8);
    const h = Math.max(...values.map((v, i) => doc.heightOfString(v, { width: widths[i]! - 6 }))) + 6;
    at = ensureRoom(doc, at, h);
    values.forEach((v, i) => cell(doc, xs[i]!, at, widths[i]!, h, v, { bold, align: i === 1 || i === 2 ? 'right' : 'left' }));
    at += h;
  };
  row([t(lang, 'indicator'), t(lang, 'value'), t(lang, 'computedFrom'), t(lang, 'formula'), t(lang, 'source')], true);
  for (const v of r.indicators) row([v.label[lang], printedValue(v, lang), printedBasis(v), v.formula[lang], v.source], false);
  return at;
}

/** A source panel's table (report-panels.ts) across the page, columns in proportion to their widths. */
function drawTable(doc: Doc, y: number, table: ReportTable, width: number): number {
  const sum = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => (w * width) / sum);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((s, w) => s + w, 0));
  doc.font('bold').fontSize(10).text(table.title, MARGIN, ensureRoom(doc, y, 40), { width });
  let at = doc.y + 4;
  const row = (values: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(8);
    const h = Math.max(...values.map((v, i) => doc.heightOfString(v, { width: widths[i]! - 6 }))) + 6;
    at = ensureRoom(doc, at, h);
    values.forEach((v, i) => cell(doc, xs[i]!, at, widths[i]!, h, v, { bold, align: i === 0 || bold ? 'left' : 'right' }));
    at += h;
  };
  row(table.head, true);
  for (const r of table.rows) row(r, false);
  return at;
}
