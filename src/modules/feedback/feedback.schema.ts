import { boolean, index, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** One satisfaction rating per dossier, by its owner, after the result was returned (ND 61/2018 Art. 29–32). */
export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    dossierCode: text('dossier_code').primaryKey(),
    communeCode: text('commune_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    channel: text('channel').notNull(),
    citizenId: text('citizen_id').notNull(),
    overall: smallint('overall').notNull(),
    timeliness: smallint('timeliness'),
    information: smallint('information'),
    staffConduct: smallint('staff_conduct'),
    lawfulness: smallint('lawfulness'),
    feedbackHandling: smallint('feedback_handling'),
    onlineService: smallint('online_service'),
    /** Art. 31.2: how many agencies the citizen had to deal with (3 = three or more). */
    agenciesContacted: smallint('agencies_contacted'),
    /** Art. 31.3: how many trips to the office (2 = two or more). */
    visits: smallint('visits'),
    /** Art. 31.6: asked to pay anything beyond the official fee. */
    extraPayment: boolean('extra_payment'),
    comment: text('comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dossier_ratings_commune_idx').on(t.communeCode, t.ratedAt)],
);
