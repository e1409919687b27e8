import {
  createPdf, drawNationalHeader, drawTable, drawTitle, formatShortDate, numberPages,
} from '../../platform/pdf';
import { formatLocalDateTime } from '../../shared/calendar';
import { deriveState } from '../../shared/dossier';
import { maskPhone } from '../../shared/validation';
import type { DossierRecord } from '../dossiers';
import type { AgencyNames } from './slip-context';

export interface RegisterEntry {
  /** Running number through the year (TT 01/2018 Art. 10: numbering runs continuously through the year). */
  number: number;
  record: DossierRecord;
  procedureName: string;
}

export interface RegisterInput {
  agency: AgencyNames;
  from: string;
  to: string;
  entries: RegisterEntry[];
  printedAt: Date;
}

const MM = 72 / 25.4;
const dayOf = (iso: string | null | undefined) => (iso ? formatShortDate(new Date(iso)) : '');
const firstAt = (r: DossierRecord, type: string) => r.log.find((a) => a.type === type)?.at;

/** The remark column: what a reader of the register must notice about the dossier. */
function remarks(r: DossierRecord): string {
  const s = deriveState(r.log);
  const out: string[] = [];
  if (s.supplementRequests > 0) out.push(`Bổ sung ${s.supplementRequests} lần`);
  if (s.reappointments > 0) out.push('Hẹn lại');
  if (s.status === 'rejected') out.push('Từ chối');
  if (s.status === 'withdrawn') out.push('Rút, dừng giải quyết');
  if (s.finishedAt && s.originalDueAt && s.finishedAt > (s.dueAt ?? s.originalDueAt)) out.push('Quá hạn');
  return out.join('; ');
}

function toRow(e: RegisterEntry, agencyParent: string): string[] {
  const r = e.record;
  const d = r.dossier;
  const s = deriveState(r.log);
  return [
    String(e.number), d.code, e.procedureName, '01', d.applicantName,
    [d.applicantAddress, maskPhone(d.applicantPhone)].filter(Boolean).join(', '), agencyParent,
    dayOf(s.receivedAt), dayOf(s.dueAt ?? s.originalDueAt), dayOf(firstAt(r, 'start_processing')),
    dayOf(s.resultReadyAt), dayOf(s.returnedAt), remarks(r),
  ];
}

/** Mẫu 06: Sổ theo dõi hồ sơ, on A4 (landscape for its thirteen columns), one row per dossier received. */
export async function renderRegister(input: RegisterInput): Promise<Buffer> {
  const title = 'Sổ theo dõi hồ sơ';
  // Landscape A4 for thirteen columns: narrower margins than a portrait letter (the binding edge is the top).
  const pdf = createPdf({
    size: 'A4', landscape: true, title: `${title} ${input.from} – ${input.to}`, author: input.agency.center, createdAt: input.printedAt,
    margins: { top: 15 * MM, bottom: 15 * MM, left: 15 * MM, right: 12 * MM },
  });
  const doc = pdf.doc;
  doc.font('italic').fontSize(8).text('Mẫu số 06', doc.page.margins.left, doc.page.margins.top - 14, { align: 'right' });
  doc.y = doc.page.margins.top;
  drawNationalHeader(doc, { parentAgency: input.agency.parent, agency: 'Trung tâm Phục vụ hành chính công', place: input.agency.place, date: input.printedAt, fontSize: 11 });
  const from = input.from.split('-').reverse().join('/');
  const to = input.to.split('-').reverse().join('/');
  drawTitle(doc, title, `Từ ngày ${from} đến ngày ${to} · ${input.entries.length} hồ sơ · in lúc ${formatLocalDateTime(input.printedAt)}`, 14);
  drawTable(doc, [
    { header: 'STT', weight: 0.6, align: 'center' }, { header: 'Mã hồ sơ', weight: 2.9 }, { header: 'Tên thủ tục hành chính', weight: 2.3 },
    { header: 'Số lượng hồ sơ (bộ)', weight: 0.8, align: 'center' }, { header: 'Tên cá nhân, tổ chức', weight: 1.6 },
    { header: 'Địa chỉ, số điện thoại', weight: 1.7 }, { header: 'Cơ quan chủ trì giải quyết', weight: 1.1 },
    { header: 'Nhận hồ sơ', weight: 1, align: 'center' }, { header: 'Hẹn trả kết quả', weight: 1, align: 'center' },
    { header: 'Chuyển hồ sơ đến cơ quan giải quyết', weight: 1.1, align: 'center' }, { header: 'Có kết quả giải quyết', weight: 1, align: 'center' },
    { header: 'Trả kết quả', weight: 1, align: 'center' }, { header: 'Ghi chú', weight: 1.3 },
  ], input.entries.map((e) => toRow(e, input.agency.parent)), { fontSize: 7.5, headerFontSize: 7.5, emptyText: 'Không có hồ sơ nào được tiếp nhận trong kỳ này.' });
  numberPages(doc);
  return pdf.finish();
}
