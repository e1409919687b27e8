import {
  drawField, drawNumberedList, drawParagraph, drawSignatures, formatSlipTime,
} from '../../platform/pdf';
import { drawLookupFooter, startA5Slip } from './layout';
import type { NamedAction, SlipContext } from './slip-context';
import { slipKindInfo } from './slip-kinds';

const sign = '(Ký và ghi rõ họ tên)';

function frame(ctx: SlipContext, kind: keyof typeof slipKindInfo, at: Date, subtitle?: string) {
  const info = slipKindInfo[kind];
  return startA5Slip({
    tag: info.tag, title: info.titleVi, subtitle, agency: ctx.agency, date: at,
    pdfTitle: `${info.titleVi} ${ctx.code}`, createdAt: ctx.printedAt,
  });
}

function drawApplicant(pdf: ReturnType<typeof startA5Slip>, ctx: SlipContext, label: string): void {
  drawField(pdf.doc, label, ctx.applicant.name);
  drawField(pdf.doc, 'Địa chỉ', ctx.applicant.address);
  drawField(pdf.doc, 'Số điện thoại', ctx.applicant.phone);
  drawField(pdf.doc, 'Nội dung yêu cầu giải quyết', ctx.procedure.name);
}

export interface ReceiptExtras {
  /** Register book (the year) and running number in it (TT 01/2018 Art. 10). */
  registerBook: string;
  registerNumber: number;
}

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (ND 61/2018 Art. 17.2c). */
export async function renderReceipt(ctx: SlipContext, receive: NamedAction, extras: ReceiptExtras): Promise<Buffer> {
  const at = new Date(receive.at);
  const pdf = frame(ctx, 'receipt', at, `Mã hồ sơ: ${ctx.code}`);
  const doc = pdf.doc;
  drawParagraph(doc, `${ctx.agency.center} tiếp nhận hồ sơ của:`, { size: 9.5 });
  drawApplicant(pdf, ctx, 'Ông/Bà');
  drawParagraph(doc, '1. Thành phần hồ sơ nộp gồm:');
  drawNumberedList(doc, ctx.procedure.requiredDocuments.length ? ctx.procedure.requiredDocuments : ['Theo hồ sơ điện tử đã nộp'], 9, 14);
  drawParagraph(doc, '2. Số lượng hồ sơ: 01 (bộ)');
  const days = ctx.procedure.processingDays;
  drawParagraph(doc, `3. Thời gian giải quyết hồ sơ theo quy định: ${days === 0 ? 'trong ngày làm việc' : `${days} ngày làm việc`}`);
  drawParagraph(doc, `4. Thời gian nhận hồ sơ: ${formatSlipTime(at)}`);
  const due = receive.payload?.dueAt ? new Date(receive.payload.dueAt) : null;
  drawParagraph(doc, `5. Thời gian trả kết quả giải quyết hồ sơ: ${due ? formatSlipTime(due) : '…'}`, { style: 'bold' });
  drawParagraph(doc, `6. Đăng ký nhận kết quả tại: ${ctx.agency.center}`);
  if (ctx.procedure.feeVnd > 0) drawParagraph(doc, `Phí, lệ phí: ${ctx.procedure.feeVnd.toLocaleString('vi-VN')} đồng`);
  drawParagraph(doc, `Vào Sổ theo dõi hồ sơ, Quyển số: ${extras.registerBook}, Số thứ tự: ${extras.registerNumber}`, { style: 'italic', size: 9 });
  drawSignatures(doc, [
    { title: 'Người nộp hồ sơ', hint: sign, name: ctx.applicant.name },
    { title: 'Người tiếp nhận hồ sơ', hint: sign, name: receive.actorName },
  ], { space: 34 });
  await drawLookupFooter(pdf, ctx.lookupUrl, ctx.code);
  return pdf.finish();
}

/** Mẫu 02: every missing paper, listed once (ND 61/2018 Art. 15.3, 17.2a, 19.4). */
export async function renderSupplementRequest(ctx: SlipContext, request: NamedAction): Promise<Buffer> {
  const at = new Date(request.at);
  const pdf = frame(ctx, 'supplement-request', at, `Mã hồ sơ: ${ctx.code}`);
  const doc = pdf.doc;
  drawApplicant(pdf, ctx, 'Hồ sơ của');
  drawParagraph(doc, 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:', { style: 'bold' });
  drawNumberedList(doc, request.payload?.missingDocuments ?? [], 9.5, 14);
  if (request.note) drawParagraph(doc, `Lý do: ${request.note}`);
  const who = request.actorName;
  drawParagraph(doc, `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ${who ?? 'người hướng dẫn'}, ${ctx.agency.center} để được hướng dẫn. Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ.`, { size: 9 });
  drawSignatures(doc, [{ title: 'Người hướng dẫn', hint: sign, name: who }]);
  await drawLookupFooter(pdf, ctx.lookupUrl, ctx.code);
  return pdf.finish();
}

/** Mẫu 03: refusal with its reasons (ND 61/2018 Art. 17.2b). */
export async function renderRefusal(ctx: SlipContext, reject: NamedAction): Promise<Buffer> {
  const at = new Date(reject.at);
  const pdf = frame(ctx, 'refusal', at, `Mã hồ sơ: ${ctx.code}`);
  const doc = pdf.doc;
  drawParagraph(doc, `${ctx.agency.center} tiếp nhận hồ sơ của:`);
  drawApplicant(pdf, ctx, 'Ông/Bà');
  drawParagraph(doc, `Sau khi xem xét hồ sơ, đối chiếu với các quy định hiện hành, ${ctx.agency.center} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`);
  drawNumberedList(doc, reject.payload?.reasons ?? [], 9.5, 14);
  drawParagraph(doc, 'Xin thông báo cho Ông/Bà được biết và thực hiện./.');
  drawSignatures(doc, [{ title: ctx.state.rejectedAtReception ? 'Người tiếp nhận hồ sơ' : 'Người có thẩm quyền', hint: sign, name: reject.actorName }]);
  await drawLookupFooter(pdf, ctx.lookupUrl, ctx.code);
  return pdf.finish();
}
