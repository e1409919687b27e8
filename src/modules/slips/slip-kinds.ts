import type { DossierAction, PostableActionType } from '../../shared/dossier';

/** The official slips of a dossier (TT 01/2018/TT-VPCP Art. 9; TT 03/2025/TT-VPCP Phụ lục I for the stop notice). */
export const slipKinds = ['receipt', 'supplement-request', 'refusal', 'apology', 'control-sheet', 'stop-notice'] as const;
export type SlipKind = (typeof slipKinds)[number];

interface SlipKindInfo {
  /** The log entry the slip documents; the slip does not apply until it exists. */
  action: PostableActionType;
  /** Which occurrence when the log has several: the first reception, the latest supplement request. */
  pick: 'first' | 'last';
  /** The citizen who owns the dossier may download it (it is addressed to them). */
  owner: boolean;
  tag: string;
  titleVi: string;
  titleEn: string;
}

export const slipKindInfo: Record<SlipKind, SlipKindInfo> = {
  receipt: { action: 'receive', pick: 'first', owner: true, tag: 'Mẫu số 01', titleVi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', titleEn: 'Receipt and appointment' },
  'supplement-request': { action: 'request_supplement', pick: 'last', owner: true, tag: 'Mẫu số 02', titleVi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', titleEn: 'Supplement request' },
  refusal: { action: 'reject', pick: 'last', owner: true, tag: 'Mẫu số 03', titleVi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', titleEn: 'Refusal' },
  apology: { action: 'reappoint', pick: 'last', owner: true, tag: 'Mẫu số 04', titleVi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', titleEn: 'Apology and new appointment' },
  'control-sheet': { action: 'receive', pick: 'first', owner: false, tag: 'Mẫu số 05', titleVi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', titleEn: 'Processing-control sheet' },
  'stop-notice': { action: 'withdraw', pick: 'last', owner: true, tag: 'TT 03/2025/TT-VPCP', titleVi: 'Thông báo dừng giải quyết hồ sơ', titleEn: 'Notice that processing has stopped' },
};

/** Pure: the log entry a slip documents, or undefined when the slip does not apply to this dossier. */
export function findSlipAction<A extends DossierAction>(kind: SlipKind, log: readonly A[]): A | undefined {
  const info = slipKindInfo[kind];
  const matching = log.filter((a) => a.type === info.action);
  return info.pick === 'first' ? matching[0] : matching[matching.length - 1];
}

/** Pure: the slips that apply to a dossier's log now (for print buttons). */
export function listApplicableSlips(log: readonly DossierAction[], forOwner: boolean): SlipKind[] {
  return slipKinds.filter((k) => (!forOwner || slipKindInfo[k].owner) && findSlipAction(k, log) !== undefined);
}
