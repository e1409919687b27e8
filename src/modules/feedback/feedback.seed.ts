import { createHash } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { AppDeps } from '../../platform/http';
import { DEMO_COMMUNE_CODE } from '../admin-units';
import { dossiers } from '../dossiers';
import { dossierRatings } from './feedback.schema';

const COMMENTS = [
  'Cán bộ hướng dẫn tận tình, dễ hiểu.',
  'Nộp trên điện thoại tiện, không phải đi lại.',
  'Phải chờ lâu ở bộ phận một cửa.',
  'Nên nhắn tin báo trước khi có kết quả.',
  null, null, null,
];

/** 0..n-1 from the dossier code: the same demo ratings on every install. */
function pickFrom(code: string, salt: string, n: number): number {
  return createHash('sha256').update(`${salt}:${code}`).digest().readUInt32BE(0) % n;
}

/**
 * Demo mode: about half of the demo commune's returned dossiers carry a rating by their owner, mostly satisfied,
 * a few not (so the QĐ 766 "dislike" count and the staff screens have something to show). Idempotent.
 */
export async function seedDemoRatings(deps: AppDeps): Promise<void> {
  const [existing] = await deps.db.select({ code: dossierRatings.dossierCode }).from(dossierRatings).where(eq(dossierRatings.communeCode, DEMO_COMMUNE_CODE)).limit(1);
  if (existing) return;
  const returned = await deps.db
    .select({ code: dossiers.code, procedureCode: dossiers.procedureCode, channel: dossiers.channel, citizenId: dossiers.citizenId, finishedAt: dossiers.finishedAt })
    .from(dossiers)
    .where(and(eq(dossiers.communeCode, DEMO_COMMUNE_CODE), eq(dossiers.status, 'returned'), isNotNull(dossiers.citizenId), isNotNull(dossiers.finishedAt)));
  // Rated within two days of the return, so only dossiers returned before that (never a rating in the future).
  const before = deps.now().getTime() - 2 * 86_400_000;
  const rows = returned.filter((d) => d.finishedAt!.getTime() < before && pickFrom(d.code, 'rated', 2) === 0).map((d) => {
    const overall = [5, 5, 5, 4, 4, 4, 4, 3, 2, 1][pickFrom(d.code, 'overall', 10)]!;
    const near = (salt: string) => Math.max(1, Math.min(5, overall + [-1, 0, 0, 1][pickFrom(d.code, salt, 4)]!));
    return {
      dossierCode: d.code, communeCode: DEMO_COMMUNE_CODE, procedureCode: d.procedureCode, channel: d.channel, citizenId: d.citizenId!,
      overall, timeliness: near('t'), information: near('i'), staffConduct: near('s'), lawfulness: near('l'),
      feedbackHandling: null, onlineService: d.channel === 'online' ? near('o') : null,
      agenciesContacted: 1, visits: d.channel === 'online' ? pickFrom(d.code, 'v', 2) : 1 + pickFrom(d.code, 'v', 2),
      extraPayment: overall <= 1 && pickFrom(d.code, 'x', 2) === 0, comment: COMMENTS[pickFrom(d.code, 'c', COMMENTS.length)] ?? null,
      ratedAt: new Date(d.finishedAt!.getTime() + (1 + pickFrom(d.code, 'h', 48)) * 3_600_000),
    };
  });
  for (let i = 0; i < rows.length; i += 200) await deps.db.insert(dossierRatings).values(rows.slice(i, i + 200)).onConflictDoNothing();
}
