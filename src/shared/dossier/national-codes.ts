import type { DossierState } from './derive';

/**
 * Status codes of the national synchronisation list (TrangThaiHoSo, domain notes
 * §1.7): returned with every dossier so a later sync with the Cổng DVCQG needs no
 * remapping.
 */
export function nationalStatusCode(s: DossierState): number {
  switch (s.status) {
    case 'submitted':
      return 1; // Mới đăng ký
    case 'received':
    case 'in_progress':
      return s.status === 'received' ? 2 : 4; // Được tiếp nhận / Đang xử lý
    case 'awaiting_supplement':
      return 5; // Yêu cầu bổ sung giấy tờ
    case 'rejected':
      return s.rejectedAtReception ? 3 : 8; // Không được tiếp nhận / Dừng xử lý
    case 'withdrawn':
      return 7; // Công dân yêu cầu rút hồ sơ
    case 'result_ready':
      return 9; // Đã xử lý xong
    case 'returned':
      return 10; // Đã trả kết quả
  }
}

export const channels = ['in_person', 'online', 'post'] as const;
export type Channel = (typeof channels)[number];

/** KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
export function nationalChannelCode(channel: Channel): 1 | 2 | 3 {
  return channel === 'in_person' ? 1 : channel === 'online' ? 2 : 3;
}
