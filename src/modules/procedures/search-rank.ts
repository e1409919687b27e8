import { compareVietnamese } from '../../shared/text';

export interface RankedHit {
  name: string;
  popularity: number;
  tier: number;
  similarity: number;
  wordSimilarity: number;
}

const FUZZY_TIER = 4;

/**
 * Typo closeness: mostly how well the query matches the best stretch of the name
 * (finds a typo inside a long name), plus a third of whole-name similarity (prefers
 * the name that is nearly just the query). Tuned on the catalogue: "dang ki khai sinh"
 * → Đăng ký khai sinh, "chung thuc ban xao" → Chứng thực bản sao… (see the tests).
 */
export function typoCloseness(h: Pick<RankedHit, 'similarity' | 'wordSimilarity'>): number {
  return h.wordSimilarity + h.similarity / 3;
}

/**
 * Order of search results: match tier first (exact, prefix, phrase, all words, similar),
 * then popularity, then whole-name closeness, then Vietnamese name order. In the fuzzy
 * (typo) tier closeness comes before popularity: the nearest name is what was meant.
 * Done in JS so both engines give the same order (PGlite sorts text by bytes, stack notes C5).
 */
export function compareHits(a: RankedHit, b: RankedHit): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  const keys =
    a.tier === FUZZY_TIER
      ? [typoCloseness(b) - typoCloseness(a), b.popularity - a.popularity]
      : [b.popularity - a.popularity, b.similarity - a.similarity];
  return keys.find((k) => k !== 0) ?? compareVietnamese(a.name, b.name);
}
