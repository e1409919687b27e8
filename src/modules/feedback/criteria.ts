/**
 * What a citizen rates after the result is returned: the matters of ND 61/2018 Art. 31 (domain notes §4), each on
 * the 5-point scale the ministry portals use (1 Rất không hài lòng … 5 Rất hài lòng), except the two that are
 * counts (agencies contacted, visits). Item 9 ("other comments") is the free comment. Only `overall` is required:
 * a short form gets answered on a phone; the rest may be skipped ("không ý kiến").
 */
export const scoreCriteria = [
  { key: 'timeliness', article: 'Art. 31.1', vi: 'Giải quyết có đúng hẹn không?', en: 'Was it done on time?' },
  { key: 'information', article: 'Art. 31.4', vi: 'Thông tin về thủ tục có rõ ràng, đầy đủ không?', en: 'Was the published information clear and complete?' },
  { key: 'staffConduct', article: 'Art. 31.5', vi: 'Thái độ của cán bộ', en: 'Staff conduct' },
  { key: 'lawfulness', article: 'Art. 31.6', vi: 'Kết quả và chi phí có đúng quy định không?', en: 'Were the result and the cost as the rules say?' },
  { key: 'feedbackHandling', article: 'Art. 31.7', vi: 'Ý kiến, thắc mắc của bạn có được trả lời kịp thời không?', en: 'Were your questions and complaints answered in time?' },
  { key: 'onlineService', article: 'Art. 31.8', vi: 'Dịch vụ trực tuyến có dễ dùng không?', en: 'Was the online service easy to use?' },
] as const;

export type ScoreKey = (typeof scoreCriteria)[number]['key'];

export const scoreLabels: Record<1 | 2 | 3 | 4 | 5, { vi: string; en: string }> = {
  1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  2: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  3: { vi: 'Bình thường', en: 'Neutral' },
  4: { vi: 'Hài lòng', en: 'Satisfied' },
  5: { vi: 'Rất hài lòng', en: 'Very satisfied' },
};

/** QĐ 766 indicator 5.4 counts "dislike" flags: an overall score of 1 or 2. */
export const isDislike = (overall: number) => overall <= 2;
