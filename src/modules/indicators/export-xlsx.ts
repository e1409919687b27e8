import ExcelJS from 'exceljs';
import type { CommuneReport } from './report-data';
import { panelTables, type ReportTable } from './report-panels';
import { columnSpans, footerLine, headerLine, printedBasis, printedValue, ROW_KEYS, rowCells, t, type Lang } from './report-labels';

/**
 * The monthly report as an Excel workbook. Sheet 1 is the printable report: numbers written the
 * Vietnamese way (1.234,5) whatever the reader's Excel locale. Sheet 2 holds the same figures as
 * plain numbers, for anyone who adds them up.
 */
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export async function renderReportXlsx(r: CommuneReport, lang: Lang, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xaso';
  wb.created = now;
  addReportSheet(wb, r, lang, now);
  addDataSheet(wb, r, lang);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addReportSheet(wb: ExcelJS.Workbook, r: CommuneReport, lang: Lang, now: Date): void {
  const ws = wb.addWorksheet(t(lang, 'report'), { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 6 }, { width: 34 }, ...Array.from({ length: 11 }, () => ({ width: 12 }))];
  line(ws, 1, headerLine(r, lang), true);
  line(ws, 2, t(lang, 'title'), true, 'center');
  line(ws, 3, t(lang, 'form'), false, 'center');
  line(ws, 4, t(lang, 'unit'), false, 'right');
  const head: [string, string][] = [
    ['A5:A7', t(lang, 'no')], ['B5:B7', t(lang, 'field')], ['C5:F5', t(lang, 'received')], ['G5:J5', t(lang, 'resolved')],
    ['K5:M5', t(lang, 'pending')], ['C6:C7', t(lang, 'total')], ['D6:E6', t(lang, 'inPeriod')], ['F6:F7', t(lang, 'carried')],
    ['G6:G7', t(lang, 'total')], ['H6:H7', t(lang, 'early')], ['I6:I7', t(lang, 'onTime')], ['J6:J7', t(lang, 'late')],
    ['K6:K7', t(lang, 'total')], ['L6:L7', t(lang, 'inTime')], ['M6:M7', t(lang, 'late')], ['D7:D7', t(lang, 'online')], ['E7:E7', t(lang, 'direct')],
  ];
  for (const [range, text] of head) {
    if (range.split(':')[0] !== range.split(':')[1]) ws.mergeCells(range);
    const cell = ws.getCell(range.split(':')[0]!);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  for (let row = 5; row <= 7; row++) for (let col = 1; col <= 13; col++) ws.getCell(row, col).border = border;
  let at = 8;
  r.rows.forEach((row, i) => tableRow(ws, at++, String(i + 1), row.label, rowCells(row), false));
  tableRow(ws, at++, '', r.total.label, rowCells(r.total), true);
  at = addIndicators(ws, r, lang, at + 1);
  for (const table of panelTables(r.panels, lang)) at = addTable(ws, table, at + 1);
  line(ws, at + 1, footerLine(r, lang, now), false);
}

function line(ws: ExcelJS.Worksheet, row: number, text: string, bold: boolean, horizontal: 'left' | 'center' | 'right' = 'left'): void {
  ws.mergeCells(row, 1, row, 13);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { bold };
  cell.alignment = { horizontal, wrapText: true };
}

function tableRow(ws: ExcelJS.Worksheet, row: number, no: string, label: string, cells: string[], bold: boolean): void {
  const values = [no, label, ...cells];
  values.forEach((v, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = v;
    cell.border = border;
    cell.font = { bold };
    cell.alignment = { horizontal: i < 2 ? 'left' : 'right', vertical: 'top', wrapText: i === 1 };
  });
}

function addIndicators(ws: ExcelJS.Worksheet, r: CommuneReport, lang: Lang, start: number): number {
  let at = start;
  line(ws, at++, t(lang, 'indicators'), true);
  const header = [['A', 'B', t(lang, 'indicator')], ['C', 'C', t(lang, 'value')], ['D', 'E', t(lang, 'computedFrom')], ['F', 'J', t(lang, 'formula')], ['K', 'M', t(lang, 'source')]] as const;
  const write = (cols: readonly (readonly [string, string, string])[], bold: boolean) => {
    for (const [from, to, text] of cols) {
      if (from !== to) ws.mergeCells(`${from}${at}:${to}${at}`);
      const cell = ws.getCell(`${from}${at}`);
      cell.value = text;
      cell.font = { bold };
      cell.border = border;
      cell.alignment = { wrapText: true, vertical: 'top', horizontal: from === 'C' || from === 'D' ? 'right' : 'left' };
    }
    at++;
  };
  write(header, true);
  for (const v of r.indicators) {
    write([['A', 'B', v.label[lang]], ['C', 'C', printedValue(v, lang)], ['D', 'E', printedBasis(v)], ['F', 'J', v.formula[lang]], ['K', 'M', v.source]], false);
  }
  return at;
}

/** A source panel's table (report-panels.ts) over the 13 columns of the sheet: a title row, a header, the rows. */
function addTable(ws: ExcelJS.Worksheet, table: ReportTable, start: number): number {
  let at = start;
  line(ws, at++, table.title, true);
  const spans = columnSpans(table.widths, 13);
  const write = (cells: string[], bold: boolean) => {
    let col = 1;
    cells.forEach((text, i) => {
      const span = spans[i] ?? 1;
      if (span > 1) ws.mergeCells(at, col, at, col + span - 1);
      const cell = ws.getCell(at, col);
      cell.value = text;
      cell.font = { bold };
      cell.border = border;
      cell.alignment = { wrapText: true, vertical: 'top', horizontal: i === 0 || bold ? 'left' : 'right' };
      col += span;
    });
    at++;
  };
  write(table.head, true);
  for (const row of table.rows) write(row, false);
  return at;
}

function addDataSheet(wb: ExcelJS.Workbook, r: CommuneReport, lang: Lang): void {
  const ws = wb.addWorksheet(t(lang, 'data'));
  ws.columns = [{ width: 34 }, ...ROW_KEYS.map(() => ({ width: 14 }))];
  ws.getCell(1, 1).value = headerLine(r, lang);
  ws.getRow(2).values = [t(lang, 'field'), ...ROW_KEYS];
  ws.getRow(2).font = { bold: true };
  [...r.rows, r.total].forEach((row, i) => {
    ws.getRow(3 + i).values = [row.label, ...ROW_KEYS.map((k) => row[k])];
    for (let c = 2; c <= ROW_KEYS.length + 1; c++) ws.getCell(3 + i, c).numFmt = '#,##0';
  });
}
