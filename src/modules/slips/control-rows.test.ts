import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierAction } from '../../shared/dossier';
import { buildHandoverRows, classifyTimeliness } from './control-rows';
import { findSlipAction, listApplicableSlips } from './slip-kinds';

type Named = DossierAction & { actorName: string | null };
const a = (type: DossierAction['type'], at: string, actorRole: DossierAction['actorRole'], actorName: string | null, payload: DossierAction['payload'] = null, note: string | null = null): Named =>
  ({ type, at, actorRole, actorName, payload, note });

// 2026-03-02 is a Monday; times are UTC (Hà Nội = UTC+7).
const log: Named[] = [
  a('submit', '2026-03-02T01:00:00Z', 'citizen', null),
  a('receive', '2026-03-02T02:00:00Z', 'officer', 'Nguyễn Thị Lan', { dueAt: '2026-03-05T10:00:00Z' }),
  a('start_processing', '2026-03-03T02:00:00Z', 'specialist', 'Trần Văn Minh'),
  a('approve', '2026-03-05T09:00:00Z', 'leader', 'Phạm Quốc Hùng'),
  a('return_result', '2026-03-06T02:00:00Z', 'officer', 'Nguyễn Thị Lan'),
];
const fmt = (d: Date) => d.toISOString();

describe('processing-control sheet rows (Mẫu 05)', () => {
  it('has one row per handover, following the dossier from desk to desk', () => {
    const rows = buildHandoverRows(log, 'Lê Văn Cường', fmt);
    expect(rows.map((r) => [r.from.unit, r.from.name, r.to.unit, r.to.name])).toEqual([
      ['Người nộp hồ sơ', 'Lê Văn Cường', 'Bộ phận Một cửa', 'Nguyễn Thị Lan'],
      ['Bộ phận Một cửa', 'Nguyễn Thị Lan', 'Công chức chuyên môn', 'Trần Văn Minh'],
      ['Công chức chuyên môn', 'Trần Văn Minh', 'Lãnh đạo UBND xã', 'Phạm Quốc Hùng'],
      ['Bộ phận Một cửa', 'Nguyễn Thị Lan', 'Người nộp hồ sơ', 'Lê Văn Cường'],
    ]);
    // reception has no deadline yet; early on Tuesday, on time on the due day, late the day after.
    expect(rows.map((r) => r.timeliness)).toEqual([null, 'early', 'on_time', 'late']);
  });

  it('records a supplement request and its answer without judging time, since the clock is stopped', () => {
    const withSupplement: Named[] = [
      ...log.slice(0, 2),
      a('request_supplement', '2026-03-02T03:00:00Z', 'specialist', 'Trần Văn Minh', { missingDocuments: ['Bản sao CCCD'] }),
      a('supplement', '2026-03-04T03:00:00Z', 'citizen', null, { dueAt: '2026-03-09T10:00:00Z' }),
      a('start_processing', '2026-03-04T04:00:00Z', 'specialist', 'Trần Văn Minh'),
    ];
    const rows = buildHandoverRows(withSupplement, 'Lê Văn Cường', fmt);
    expect(rows[1]).toMatchObject({ timeliness: null, note: 'Yêu cầu bổ sung: Bản sao CCCD' });
    expect(rows[2]).toMatchObject({ timeliness: null, to: { name: 'Nguyễn Thị Lan' } });
    expect(rows[3]!.timeliness).toBe('early'); // against the restarted period (ND 61/2018 Art. 19.4)
  });

  it('classifies any handover: late exactly when after the due instant, on time only on the due day', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -10 * 86_400_000, max: 10 * 86_400_000 }), (due, delta) => {
      const t = classifyTimeliness(new Date(due + delta), new Date(due));
      if (delta > 0) return t === 'late';
      return delta > -86_400_000 || t === 'early';
    }));
  });
});

describe('which slips apply', () => {
  it('offers only the slips the log documents, and never the internal sheet to the citizen', () => {
    expect(listApplicableSlips(log.slice(0, 1), false)).toEqual([]);
    expect(listApplicableSlips(log, false)).toEqual(['receipt', 'control-sheet']);
    expect(listApplicableSlips(log, true)).toEqual(['receipt']);
    const twice = [...log.slice(0, 2),
      a('request_supplement', '2026-03-02T03:00:00Z', 'officer', 'A', { missingDocuments: ['x'] }),
      a('supplement', '2026-03-02T04:00:00Z', 'citizen', null),
      a('request_supplement', '2026-03-02T05:00:00Z', 'officer', 'B', { missingDocuments: ['y'] })];
    expect(findSlipAction('supplement-request', twice)?.payload?.missingDocuments).toEqual(['y']);
  });
});
