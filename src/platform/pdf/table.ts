import { contentWidth, type PdfDoc } from './document';

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the content width in these proportions. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  fontSize?: number;
  headerFontSize?: number;
  padding?: number;
  /** Text shown in a single full-width row when there are no rows. */
  emptyText?: string;
}

/**
 * A ruled table whose cells wrap; rows never split across pages, and the header
 * is repeated at the top of each new page (registers run to many pages).
 * Leaves doc.y under the table.
 */
export function drawTable(doc: PdfDoc, columns: readonly TableColumn[], rows: readonly (readonly string[])[], opts: TableOptions = {}): void {
  const size = opts.fontSize ?? 8.5;
  const pad = opts.padding ?? 3;
  const x0 = doc.page.margins.left;
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (contentWidth(doc) * c.weight) / total);
  const header = columns.map((c) => c.header);

  const heightOf = (cells: readonly string[], style: 'regular' | 'bold', fs: number) =>
    Math.max(...cells.map((text, i) => doc.font(style).fontSize(fs).heightOfString(text || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;

  const drawRow = (cells: readonly string[], style: 'regular' | 'bold', fs: number, aligns: (TableColumn['align'] | undefined)[]) => {
    const h = heightOf(cells, style, fs);
    const y = doc.y;
    let x = x0;
    cells.forEach((text, i) => {
      const w = widths[i]!;
      doc.save().lineWidth(0.5).rect(x, y, w, h).stroke().restore();
      doc.font(style).fontSize(fs).text(text, x + pad, y + pad, { width: w - 2 * pad, align: aligns[i] ?? 'left' });
      x += w;
    });
    doc.x = x0;
    doc.y = y + h;
  };

  const headerFs = opts.headerFontSize ?? size;
  const drawHeader = () => drawRow(header, 'bold', headerFs, columns.map(() => 'center'));
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom;

  drawHeader();
  if (rows.length === 0 && opts.emptyText) {
    const w = widths.reduce((a, b) => a + b, 0);
    const h = doc.font('italic').fontSize(size).heightOfString(opts.emptyText, { width: w - 2 * pad }) + 2 * pad;
    const y = doc.y;
    doc.save().lineWidth(0.5).rect(x0, y, w, h).stroke().restore();
    doc.text(opts.emptyText, x0 + pad, y + pad, { width: w - 2 * pad, align: 'center' });
    doc.x = x0;
    doc.y = y + h;
  }
  for (const row of rows) {
    if (doc.y + heightOf(row, 'regular', size) > bottomLimit()) {
      doc.addPage();
      drawHeader();
    }
    drawRow(row, 'regular', size, columns.map((c) => c.align));
  }
}
