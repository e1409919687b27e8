import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import { applyOverride, checkOverride, mergeOverride, NO_OVERRIDE } from './overrides';
import { compareHits } from './search-rank';

const catalogue = loadCatalogue();
const byCode = new Map(catalogue.map((p) => [p.code, p]));

describe('data/procedures.json', () => {
  it('holds the 33 researched procedures and passes its schema', () => {
    expect(catalogue).toHaveLength(33);
  });

  it('gives the procedure without a national code a local LT.* code, flagged', () => {
    const local = catalogue.filter((p) => p.code.startsWith('LT.'));
    expect(local.map((p) => p.code)).toEqual(['LT.KHAITU']);
    expect(local[0]!.unverified).toContain('code');
    expect(catalogue.filter((p) => p.unverified.includes('code'))).toHaveLength(1);
  });

  it('keeps the one level the source states (toàn trình) verified, and flags every other', () => {
    expect(byCode.get('2.000908')).toMatchObject({ level: 'full_online' });
    expect(byCode.get('2.000908')!.unverified).not.toContain('level');
    expect(catalogue.filter((p) => !p.unverified.includes('level')).map((p) => p.code)).toEqual(['2.000908']);
  });

  it('requires both parties in person for marriage, so it is not offered fully online', () => {
    expect(byCode.get('1.000894')!.level).toBe('partial_online');
  });

  it('has a usable form and a required-documents list for every procedure', () => {
    for (const p of catalogue) {
      expect(p.form.fields.length, p.code).toBeGreaterThan(0);
      expect(p.requiredDocuments.length, p.code).toBeGreaterThan(0);
      expect(p.form.fields.some((f) => f.required), p.code).toBe(true);
    }
  });
});

describe('commune overrides', () => {
  const guardianship = byCode.get('1.004837')!; // 3 working days, from the law
  const maritalStatus = byCode.get('1.004873')!; // 3 days, our unverified default

  it('allows shortening a legal time, never lengthening it', () => {
    expect(checkOverride(guardianship, { processingDays: 0 })).toEqual([]);
    expect(checkOverride(guardianship, { processingDays: 3 })).toEqual([]);
    expect(checkOverride(guardianship, { processingDays: 4 })).toHaveLength(1);
    expect(checkOverride(guardianship, { processingDays: null, feeVnd: 999 })).toEqual([]);
  });

  it('allows any time when the national figure is only a default', () => {
    expect(checkOverride(maritalStatus, { processingDays: 10 })).toEqual([]);
  });

  it('merges partial updates and applies them over national values', () => {
    const merged = mergeOverride({ offered: true, feeVnd: 1000, processingDays: 2 }, { feeVnd: null, offered: false });
    expect(merged).toEqual({ offered: false, feeVnd: null, processingDays: 2 });
    const effective = applyOverride(guardianship, '21115', merged);
    expect(effective).toMatchObject({ offered: false, feeVnd: 0, processingDays: 2, national: { processingDays: 3, feeVnd: 0 } });
    expect(applyOverride(guardianship, '21115', NO_OVERRIDE).processingDays).toBe(3);
  });
});

describe('search ranking', () => {
  const hit = (name: string, tier: number, popularity = 0, similarity = 0.5, wordSimilarity = 0.5) => ({ name, tier, popularity, similarity, wordSimilarity });

  it('orders by tier, then popularity, then closeness, then Vietnamese name order', () => {
    const hits = [hit('Đ', 2), hit('D', 2), hit('B', 3, 99), hit('C', 2, 0, 0.9), hit('A', 2, 5)];
    expect(hits.sort(compareHits).map((h) => h.name)).toEqual(['A', 'C', 'D', 'Đ', 'B']);
  });

  it('puts closeness before popularity for typos', () => {
    const hits = [hit('popular', 4, 50, 0.2, 0.6), hit('close', 4, 0, 0.8, 0.8)];
    expect(hits.sort(compareHits).map((h) => h.name)).toEqual(['close', 'popular']);
  });
});
