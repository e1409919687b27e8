/**
 * The consent notice a member reads to (or shows) the citizen before acting for them.
 * Decree 13/2023 Art. 11 and 13: consent is explicit and given per purpose, each purpose
 * listed separately; the person is told what data, why, by whom, and their rights.
 * Pure: the field app shows the same text the server stores and hashes.
 */
export const consentPurposes = ['assisted_submission', 'personal_data_processing', 'follow_up_contact'] as const;
export type ConsentPurposeCode = (typeof consentPurposes)[number];

/** An assisted submission needs both: acting on their behalf, and using their data for it. */
export const REQUIRED_FOR_SUBMISSION: ConsentPurposeCode[] = ['assisted_submission', 'personal_data_processing'];

export const purposeLabels: Record<ConsentPurposeCode, { vi: string; en: string }> = {
  assisted_submission: { vi: 'Thay mặt tôi khai và nộp hồ sơ trực tuyến', en: 'File the dossier online on my behalf' },
  personal_data_processing: {
    vi: 'Sử dụng họ tên, số định danh cá nhân, số điện thoại, địa chỉ và thông tin trong tờ khai của tôi chỉ để giải quyết hồ sơ này',
    en: 'Use my name, ID number, phone, address and form answers only to process this dossier',
  },
  follow_up_contact: { vi: 'Gọi điện hoặc nhắn tin cho tôi về kết quả hồ sơ', en: 'Call or message me about the result' },
};

export interface NoticeInput {
  subjectName: string;
  communeName: string;
  memberName: string;
  procedureName: string | null;
  purposes: { code: ConsentPurposeCode; accepted: boolean }[];
}

export function buildConsentNotice(n: NoticeInput): { vi: string; en: string } {
  const proc = n.procedureName ? ` "${n.procedureName}"` : '';
  const vi = [
    `Tôi là ${n.subjectName}. Thành viên Tổ công nghệ số cộng đồng ${n.communeName}, ${n.memberName}, đề nghị hỗ trợ tôi làm thủ tục${proc}.`,
    'Tôi đồng ý / không đồng ý với từng việc sau:',
    ...n.purposes.map((p, i) => `${i + 1}. ${purposeLabels[p.code].vi}: ${p.accepted ? 'ĐỒNG Ý' : 'KHÔNG ĐỒNG Ý'}.`),
    `Bên kiểm soát dữ liệu: Ủy ban nhân dân ${n.communeName}. Dữ liệu chỉ dùng cho các việc tôi đồng ý ở trên.`,
    'Tôi có quyền được biết, xem, sửa, rút lại sự đồng ý, yêu cầu xoá hoặc hạn chế xử lý dữ liệu của mình (Nghị định 13/2023/NĐ-CP, Điều 9). Việc rút lại không ảnh hưởng đến những việc đã làm trước đó.',
  ].join('\n');
  const en = [
    `I am ${n.subjectName}. A member of the community digital technology team of ${n.communeName}, ${n.memberName}, offers to help me with the procedure${proc}.`,
    'I agree / do not agree with each of the following:',
    ...n.purposes.map((p, i) => `${i + 1}. ${purposeLabels[p.code].en}: ${p.accepted ? 'AGREE' : 'DO NOT AGREE'}.`),
    `Data controller: People's Committee of ${n.communeName}. The data is used only for what I agreed to above.`,
    'I may know, access, correct, withdraw consent, ask for erasure or restriction of my data (Decree 13/2023/ND-CP, Art. 9). Withdrawal does not undo what was done before.',
  ].join('\n');
  return { vi, en };
}

const SMS_WORDS: Record<ConsentPurposeCode, string> = {
  assisted_submission: 'nộp hồ sơ thay ông/bà',
  personal_data_processing: 'dùng thông tin cá nhân chỉ cho hồ sơ này',
  follow_up_contact: 'liên hệ báo kết quả',
};

/** What the SMS says the code agrees to: short enough for a basic phone. */
export function consentSmsPurpose(purposes: { code: ConsentPurposeCode; accepted: boolean }[], procedureName: string | null): string {
  const accepted = purposes.filter((p) => p.accepted).map((p) => SMS_WORDS[p.code]);
  return `${accepted.join(', ')}${procedureName ? ` (thủ tục ${procedureName})` : ''}`;
}
