import { drawParagraph, drawSignatures, formatSlipTime, formatVietnameseDate } from '../../platform/pdf';
import { drawLookupFooter, startA5Slip } from './layout';
import type { NamedAction, SlipContext } from './slip-context';
import { slipKindInfo } from './slip-kinds';

const head = { title: 'Thủ trưởng cơ quan', hint: '(Ký, ghi rõ họ tên và đóng dấu)' };

function frame(ctx: SlipContext, kind: 'apology' | 'stop-notice', at: Date) {
  const info = slipKindInfo[kind];
  return startA5Slip({ tag: info.tag, title: info.titleVi, agency: ctx.agency, date: at, pdfTitle: `${info.titleVi} ${ctx.code}`, createdAt: ctx.printedAt });
}

const receivedOn = (ctx: SlipContext) => (ctx.state.receivedAt ? formatVietnameseDate(new Date(ctx.state.receivedAt)) : formatVietnameseDate(ctx.record.dossier.submittedAt));

/**
 * Mẫu 04: apology and the new date, sent before the deadline passes; the date can
 * be moved only once (ND 61/2018 Art. 19.9).
 */
export async function renderApology(ctx: SlipContext, reappoint: NamedAction): Promise<Buffer> {
  const at = new Date(reappoint.at);
  const pdf = frame(ctx, 'apology', at);
  const doc = pdf.doc;
  const p = reappoint.payload ?? {};
  const previous = typeof p.previousDueAt === 'string' ? formatSlipTime(new Date(p.previousDueAt)) : '…';
  const next = p.newDueAt ? new Date(p.newDueAt) : null;
  drawParagraph(doc, `Kính gửi: Ông/Bà ${ctx.applicant.name}`, { style: 'bold' });
  drawParagraph(doc, `Ngày ${receivedOn(ctx).replace(/^ngày /, '')}, ${ctx.agency.center} tiếp nhận giải quyết hồ sơ của Ông/Bà, mã hồ sơ ${ctx.code}.`, { indent: 14 });
  drawParagraph(doc, `Nội dung yêu cầu giải quyết: ${ctx.procedure.name}.`, { indent: 14 });
  drawParagraph(doc, `Thời gian hẹn trả kết quả: ${previous}.`, { indent: 14 });
  drawParagraph(doc, `Tuy nhiên đến nay, ${ctx.agency.center} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hẹn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Lý do: ${reappoint.note ?? ''}`, { indent: 14 });
  drawParagraph(doc, `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${ctx.agency.center} xin lỗi Ông/Bà và sẽ trả kết quả cho Ông/Bà vào ${next ? formatSlipTime(next) : '…'}.`, { indent: 14, style: 'bold' });
  drawParagraph(doc, 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.', { indent: 14 });
  drawSignatures(doc, [{ ...head, name: reappoint.actorRole === 'leader' ? reappoint.actorName : null }]);
  await drawLookupFooter(pdf, ctx.lookupUrl, ctx.code);
  return pdf.finish();
}

/** Notice that processing stopped after the applicant withdrew (ND 118/2025 Art. 21; TT 03/2025/TT-VPCP Art. 7). */
export async function renderStopNotice(ctx: SlipContext, withdraw: NamedAction): Promise<Buffer> {
  const at = new Date(withdraw.at);
  const pdf = frame(ctx, 'stop-notice', at);
  const doc = pdf.doc;
  drawParagraph(doc, `Kính gửi: Ông/Bà ${ctx.applicant.name}`, { style: 'bold' });
  drawParagraph(doc, `${ctx.agency.center} nhận được đề nghị dừng giải quyết hồ sơ của Ông/Bà vào ${formatSlipTime(at)}:`, { indent: 14 });
  drawParagraph(doc, `- Mã hồ sơ: ${ctx.code}`, { indent: 14 });
  drawParagraph(doc, `- Thủ tục: ${ctx.procedure.name}`, { indent: 14 });
  drawParagraph(doc, `- Ngày nộp hồ sơ: ${formatVietnameseDate(ctx.record.dossier.submittedAt).replace(/^ngày /, '')}`, { indent: 14 });
  if (withdraw.note) drawParagraph(doc, `- Lý do: ${withdraw.note}`, { indent: 14 });
  drawParagraph(doc, `Căn cứ Điều 21 Nghị định số 118/2025/NĐ-CP và Điều 7 Thông tư số 03/2025/TT-VPCP, ${ctx.agency.center} thông báo dừng giải quyết hồ sơ nêu trên kể từ ${formatSlipTime(at)}.`, { indent: 14 });
  drawParagraph(doc, `Giấy tờ bản chính đã nộp (nếu có) được trả lại Ông/Bà tại ${ctx.agency.center}. Ông/Bà có thể nộp hồ sơ mới khi có nhu cầu.`, { indent: 14 });
  drawParagraph(doc, 'Xin thông báo để Ông/Bà được biết./.', { indent: 14 });
  drawSignatures(doc, [head]);
  await drawLookupFooter(pdf, ctx.lookupUrl, ctx.code);
  return pdf.finish();
}

