import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type { ScoreKey } from './criteria';
import { dossiers } from '../dossiers';
import { dossierRatings } from './feedback.schema';

export type RatingRow = typeof dossierRatings.$inferSelect;

/** The few dossier facts a rating needs (read through the dossiers module's exported table). */
export async function findDossierForRating(db: Db, code: string) {
  const [row] = await db
    .select({ code: dossiers.code, communeCode: dossiers.communeCode, procedureCode: dossiers.procedureCode, channel: dossiers.channel, citizenId: dossiers.citizenId, status: dossiers.status })
    .from(dossiers)
    .where(eq(dossiers.code, code));
  return row;
}

/** Inserts the rating unless the dossier already has one; true when inserted. */
export async function insertRating(db: Db, row: RatingRow): Promise<boolean> {
  const inserted = await db.insert(dossierRatings).values(row).onConflictDoNothing().returning({ code: dossierRatings.dossierCode });
  return inserted.length === 1;
}

export async function findRating(db: Db, dossierCode: string): Promise<RatingRow | undefined> {
  const [row] = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierCode, dossierCode));
  return row;
}

export async function listRatingRows(db: Db, communeCode: string, from?: Date, to?: Date, limit = 10_000): Promise<RatingRow[]> {
  const conds = [eq(dossierRatings.communeCode, communeCode)];
  if (from) conds.push(gte(dossierRatings.ratedAt, from));
  if (to) conds.push(lt(dossierRatings.ratedAt, to));
  return db.select().from(dossierRatings).where(and(...conds)).orderBy(desc(dossierRatings.ratedAt)).limit(limit);
}

export type RatingDimension = 'month' | 'village' | 'procedure';

/** Answers and "satisfied" answers of one criterion (ND 61/2018 Art. 31). */
export interface CriterionTally { answered: number; satisfied: number }

export interface RatingTally {
  communeCode: string;
  dimension: RatingDimension;
  /** 'YYYY-MM' (local month of the rating), a village id ('' = none given) or a procedure code. */
  key: string;
  ratings: number;
  /** Overall 4–5 (Hài lòng, Rất hài lòng); overall 1–2 is a "dislike" (QĐ 766 indicator 5.4). */
  satisfied: number;
  dislikes: number;
  overallSum: number;
  comments: number;
  extraPaymentReports: number;
  criteria: Record<ScoreKey | 'agenciesContacted' | 'visits', CriterionTally>;
  /** The latest rating counted. */
  lastChangeAt: Date | null;
}

const RATING_MONTH = sql`to_char((r.rated_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM')`;
const ratingKey = { month: RATING_MONTH, village: sql`coalesce(d.village_id, '')`, procedure: sql`r.procedure_code` } as const;
const scoreColumns: Record<ScoreKey, string> = {
  timeliness: 'timeliness', information: 'information', staffConduct: 'staff_conduct', lawfulness: 'lawfulness',
  feedbackHandling: 'feedback_handling', onlineService: 'online_service',
};

/**
 * Ratings given in [from, until), counted per criterion, for the indicators module. Scores of 4–5 count as
 * satisfied; for the two counts of Art. 31.2–31.3, one agency and at most one trip count as satisfied.
 * Bounded by dossier_ratings_commune_idx (commune, rated_at).
 */
export async function tallyRatings(db: Db, communeCodes: string[], from: Date, until: Date, dimensions: RatingDimension[]): Promise<RatingTally[]> {
  if (communeCodes.length === 0 || dimensions.length === 0) return [];
  const criteria = Object.entries(scoreColumns).map(([key, col]) => sql`
    count(r.${sql.raw(col)})::int as ${sql.raw(`"${key}_n"`)}, count(*) filter (where r.${sql.raw(col)} >= 4)::int as ${sql.raw(`"${key}_ok"`)}`);
  // One statement, one branch per dimension; only the village needs the dossier (its village is not on the rating).
  const branch = (by: RatingDimension) => sql`
    select ${by}::text as dimension, r.commune_code, ${ratingKey[by]} as key, count(*)::int as ratings,
      count(*) filter (where r.overall >= 4)::int as satisfied, count(*) filter (where r.overall <= 2)::int as dislikes,
      coalesce(sum(r.overall), 0)::int as overall_sum, count(*) filter (where length(trim(coalesce(r.comment, ''))) > 0)::int as comments,
      count(*) filter (where r.extra_payment)::int as extra_payment,
      count(r.agencies_contacted)::int as agencies_n, count(*) filter (where r.agencies_contacted = 1)::int as agencies_ok,
      count(r.visits)::int as visits_n, count(*) filter (where r.visits <= 1)::int as visits_ok,
      max(r.rated_at) as last_change_at, ${sql.join(criteria, sql`, `)}
    from dossier_ratings r ${by === 'village' ? sql`left join dossiers d on d.code = r.dossier_code` : sql``}
    where r.commune_code in (${sql.join(communeCodes.map((c) => sql`${c}`), sql`, `)})
      and r.rated_at >= ${from.toISOString()}::timestamptz and r.rated_at < ${until.toISOString()}::timestamptz
    group by 2, 3`;
  type Row = { dimension: RatingDimension; commune_code: string; key: string; last_change_at: string | Date | null; [count: string]: number | string | Date | null };
  const rows = await queryRows<Row>(db, sql.join(dimensions.map((d) => sql`(${branch(d)})`), sql` union all `));
  return rows.map((r) => {
    const n = (column: string) => Number(r[column] ?? 0);
    return {
      communeCode: r.commune_code, dimension: r.dimension, key: r.key, ratings: n('ratings'), satisfied: n('satisfied'), dislikes: n('dislikes'),
      overallSum: n('overall_sum'), comments: n('comments'), extraPaymentReports: n('extra_payment'),
      criteria: {
        ...(Object.fromEntries(Object.keys(scoreColumns).map((k) => [k, { answered: n(`${k}_n`), satisfied: n(`${k}_ok`) }])) as Record<ScoreKey, CriterionTally>),
        agenciesContacted: { answered: n('agencies_n'), satisfied: n('agencies_ok') },
        visits: { answered: n('visits_n'), satisfied: n('visits_ok') },
      },
      lastChangeAt: r.last_change_at ? new Date(r.last_change_at) : null,
    };
  });
}
