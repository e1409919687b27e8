import { drawField, drawParagraph, drawTable, formatSlipTime, formatShortDate } from '../../platform/pdf';
import { formatLocalDateTime } from '../../shared/calendar';
import { buildHandoverRows, timelinessLabels, type Party } from './control-rows';
import { drawQrBeside, startA5Slip } from './layout';
import type { SlipContext } from './slip-context';
import { findSlipAction, slipKindInfo } from './slip-kinds';

const party = (p: Party) => (p.name ? `${p.unit} (${p.name})` : p.unit);

/**
 * Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ. One row per handover from the
 * action log, with the result against the appointment in force (trước hạn / đúng hạn
 * / quá hạn); ND 61/2018 Art. 19.5 lets notes of consultations go on this sheet.
 */
export async function renderControlSheet(ctx: SlipContext): Promise<Buffer> {
  const info = slipKindInfo['control-sheet'];
  const receive = findSlipAction('control-sheet', ctx.namedLog)!;
  const pdf = startA5Slip({
    tag: info.tag, title: info.titleVi, subtitle: `Mã hồ sơ: ${ctx.code}`, agency: ctx.agency, date: ctx.printedAt,
    pdfTitle: `${info.titleVi} ${ctx.code}`, createdAt: ctx.printedAt,
  });
  const doc = pdf.doc;
  drawParagraph(doc, `(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ ${ctx.code})`, { style: 'italic', size: 8.5 });
  const qr = await drawQrBeside(pdf, ctx.lookupUrl);
  const due = ctx.state.dueAt ?? ctx.state.originalDueAt;
  drawField(doc, 'Người nộp hồ sơ', ctx.applicant.name, 9, qr.textWidth);
  drawField(doc, 'Thủ tục', ctx.procedure.name, 9, qr.textWidth);
  drawField(doc, 'Thời gian nhận hồ sơ', formatSlipTime(new Date(receive.at)), 9, qr.textWidth);
  drawField(doc, 'Thời gian hẹn trả kết quả', due ? formatSlipTime(new Date(due)) : '—', 9, qr.textWidth);
  drawField(doc, 'Cơ quan giải quyết', ctx.agency.parent, 9, qr.textWidth);
  doc.y = Math.max(doc.y + 6, qr.bottom);
  const rows = buildHandoverRows(ctx.namedLog, ctx.applicant.name, (d) => formatLocalDateTime(d)).map((r) => [
    `Giao: ${party(r.from)}\nNhận: ${party(r.to)}`,
    `${formatLocalDateTime(r.at).slice(11)}\n${formatShortDate(r.at)}`,
    r.timeliness ? timelinessLabels[r.timeliness] : '—',
    r.note,
  ]);
  drawTable(doc, [
    { header: 'Tên cơ quan, người giao, nhận', weight: 3.6 },
    { header: 'Thời gian giao, nhận', weight: 1.4, align: 'center' },
    { header: 'Kết quả (trước / đúng / quá hạn)', weight: 1.5, align: 'center' },
    { header: 'Ghi chú', weight: 3 },
  ], rows, { fontSize: 7.5, headerFontSize: 7.5 });
  return pdf.finish();
}
