import type { ActionType, DossierStatus } from './model';

/** Plain words for citizens and staff, Vietnamese first. */
export const statusLabels: Record<DossierStatus, { vi: string; en: string }> = {
  submitted: { vi: 'Đã nộp, chờ tiếp nhận', en: 'Submitted, awaiting reception' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_progress: { vi: 'Đang giải quyết', en: 'In progress' },
  awaiting_supplement: { vi: 'Chờ bổ sung giấy tờ', en: 'Awaiting more papers' },
  result_ready: { vi: 'Đã có kết quả, chờ trả', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  rejected: { vi: 'Bị từ chối', en: 'Refused' },
  withdrawn: { vi: 'Đã rút, dừng giải quyết', en: 'Withdrawn, stopped' },
};

export const actionLabels: Record<ActionType, { vi: string; en: string }> = {
  submit: { vi: 'Nộp hồ sơ', en: 'Submitted' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Received' },
  request_supplement: { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  supplement: { vi: 'Bổ sung giấy tờ', en: 'Papers supplied' },
  start_processing: { vi: 'Bắt đầu giải quyết', en: 'Processing started' },
  approve: { vi: 'Phê duyệt kết quả', en: 'Approved' },
  reject: { vi: 'Từ chối', en: 'Refused' },
  return_result: { vi: 'Trả kết quả', en: 'Result returned' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  reappoint: { vi: 'Xin lỗi và hẹn lại ngày trả', en: 'Apology and new date' },
};
