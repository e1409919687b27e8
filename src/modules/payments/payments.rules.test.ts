import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REFERENCE_LENGTH } from '../../shared/vietqr';
import { computeFee, type FeeFacts, type FeeRule } from './fee-rules';
import type { FeeCondition } from './payments.schema';
import { decideOutcome, formatVnd } from './matching';
import { findReferences, hasValidCheck, mod3736Check, paymentReference } from './reference';
import { findHeader, parseLocalDate, parseVndAmount } from './statement.service';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: n, maxLength: n });
const dossierCode = fc.tuple(digits(5), digits(6), fc.integer({ min: 4, max: 8 }).chain((n) => digits(n))).map(([c, d, s]) => ({ commune: c, code: `000.00.${c}.H51-${d}-${s}` }));

describe('payment reference', () => {
  it('identifies the dossier, is A–Z0–9 only and fits the VietQR bill number (≤ 25)', () => {
    expect(paymentReference('21115', '000.00.21115.H51-251122-0001')).toMatch(/^XS211152511220001[0-9A-Z]$/);
    fc.assert(fc.property(dossierCode, ({ commune, code }) => {
      const ref = paymentReference(commune, code);
      expect(ref).toMatch(/^XS[0-9A-Z]+$/);
      expect(ref.length).toBeLessThanOrEqual(Math.min(22, MAX_REFERENCE_LENGTH));
      expect(ref.slice(2, 7)).toBe(commune);
      expect(hasValidCheck(ref)).toBe(true);
    }));
  });

  it('catches every single mistyped character (ISO 7064 MOD 37,36)', () => {
    fc.assert(fc.property(dossierCode, fc.nat(), fc.constantFrom(...ALNUM.split('')), ({ commune, code }, at, ch) => {
      const ref = paymentReference(commune, code);
      const i = at % ref.length;
      fc.pre(ref[i] !== ch);
      expect(hasValidCheck(ref.slice(0, i) + ch + ref.slice(i + 1))).toBe(false);
    }));
    expect(mod3736Check('')).toMatch(/^[0-9A-Z]$/);
  });

  it('catches more than 99% of swapped neighbours (a hybrid system misses a few pairs)', () => {
    let swaps = 0;
    let caught = 0;
    fc.assert(fc.property(dossierCode, fc.nat(), ({ commune, code }, at) => {
      const ref = paymentReference(commune, code);
      const j = at % (ref.length - 1);
      if (ref[j] === ref[j + 1]) return;
      swaps++;
      if (!hasValidCheck(ref.slice(0, j) + ref[j + 1] + ref[j] + ref.slice(j + 2))) caught++;
    }), { numRuns: 3000 });
    expect(caught / swaps).toBeGreaterThan(0.99);
  });

  it('is found in a bank’s transfer note however the bank decorated it', () => {
    fc.assert(fc.property(dossierCode, fc.constantFrom('MBVCB.4432.{r}.CT tu 0123', 'IBFT {r}', 'nop le phi {r-spaced}', '{r-lower} chuyen tien', 'TT{r}.FT26'), ({ commune, code }, note) => {
      const ref = paymentReference(commune, code);
      const text = note.replace('{r}', ref).replace('{r-spaced}', `${ref.slice(0, 7)} ${ref.slice(7)}`).replace('{r-lower}', ref.toLowerCase());
      expect(findReferences(text)).toContain(ref);
    }));
    expect(findReferences('chuyen tien le phi ho so thuong tru')).toEqual([]);
  });
});

const rule = (r: Partial<FeeRule>): FeeRule => ({
  id: 'r', procedureCode: '*', kind: 'reduction', percent: 50, condition: { type: 'always' }, reasonVi: 'lý do', reasonEn: 'reason',
  legalBasis: 'luật', validFrom: null, validTo: null, active: true, ...r,
});
const facts = (f: Partial<FeeFacts>): FeeFacts => ({ procedureCode: '1.004222', channel: 'online', fields: {}, submittedOn: '2026-03-10', baseFeeVnd: 20000, ...f });

describe('fee rules', () => {
  const onTimeBirth = rule({ id: 'birth', procedureCode: '1.001193', kind: 'exemption', percent: 100, condition: { type: 'date_field_within_days', field: 'childDateOfBirth', days: 60 } });

  it('exempts a birth registered within 60 days, with the reason, and not a late one', () => {
    const onTime = computeFee(facts({ procedureCode: '1.001193', baseFeeVnd: 8000, fields: { childDateOfBirth: '2026-01-09' } }), [onTimeBirth]);
    expect(onTime).toMatchObject({ amountVnd: 0, status: 'exempt', adjustments: [{ ruleId: 'birth', amountVnd: -8000 }] });
    const late = computeFee(facts({ procedureCode: '1.001193', baseFeeVnd: 8000, fields: { childDateOfBirth: '2026-01-08' } }), [onTimeBirth]);
    expect(late).toMatchObject({ amountVnd: 8000, status: 'unpaid', adjustments: [] });
  });

  it('applies the largest reduction only, within its validity, for its channel', () => {
    const rules = [rule({ id: 'a', percent: 30 }), rule({ id: 'b', percent: 50, condition: { type: 'channel', channel: 'online' } }), rule({ id: 'c', percent: 90, validTo: '2026-01-01' })];
    expect(computeFee(facts({}), rules)).toMatchObject({ amountVnd: 10000, adjustments: [{ ruleId: 'b', amountVnd: -10000 }] });
    expect(computeFee(facts({ channel: 'in_person' }), rules)).toMatchObject({ amountVnd: 14000, adjustments: [{ ruleId: 'a' }] });
    expect(computeFee(facts({ procedureCode: 'x' }), [rule({ procedureCode: '1.004222' })])).toMatchObject({ amountVnd: 20000, status: 'unpaid' });
  });

  it('never asks more than the catalogue fee nor less than zero, and explains every difference', () => {
    const ruleArb = fc.record({
      kind: fc.constantFrom('exemption' as const, 'reduction' as const), percent: fc.integer({ min: 1, max: 100 }), active: fc.boolean(),
      condition: fc.constantFrom({ type: 'always' as const }, { type: 'channel' as const, channel: 'online' as const }),
    }).map((r): FeeRule => rule({ ...r, condition: r.condition as FeeCondition }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(ruleArb, { maxLength: 5 }), fc.constantFrom('online' as const, 'in_person' as const), (base, rules, channel) => {
      const r = computeFee(facts({ baseFeeVnd: base, channel }), rules);
      expect(r.amountVnd).toBeGreaterThanOrEqual(0);
      expect(r.amountVnd).toBeLessThanOrEqual(base);
      expect(Number.isInteger(r.amountVnd)).toBe(true);
      expect(r.baseFeeVnd + r.adjustments.reduce((s, a) => s + a.amountVnd, 0)).toBe(r.amountVnd);
      expect(r.status === 'unpaid').toBe(r.amountVnd > 0);
    }));
  });
});

describe('matching', () => {
  const unpaid = { status: 'unpaid' as const, amountVnd: 10000 };
  it('marks paid only when reference and amount both match', () => {
    expect(decideOutcome({ request: unpaid, amountVnd: 10000, accountMatches: true, dossierStatus: 'received' })).toBe('matched');
    expect(decideOutcome({ request: unpaid, amountVnd: 9999, accountMatches: true })).toBe('underpaid');
    expect(decideOutcome({ request: unpaid, amountVnd: 10001, accountMatches: true })).toBe('overpaid');
    expect(decideOutcome({ amountVnd: 10000, accountMatches: true })).toBe('unknown_reference');
    expect(decideOutcome({ request: { ...unpaid, status: 'paid' }, amountVnd: 10000, accountMatches: true })).toBe('already_paid');
    expect(decideOutcome({ request: { ...unpaid, status: 'exempt' }, amountVnd: 10000, accountMatches: true })).toBe('nothing_due');
    expect(decideOutcome({ request: unpaid, amountVnd: 10000, accountMatches: false })).toBe('wrong_account');
    expect(decideOutcome({ request: unpaid, amountVnd: 10000, accountMatches: true, dossierStatus: 'withdrawn' })).toBe('dossier_closed');
    expect(formatVnd(1234567)).toBe('1.234.567 đ');
  });
});

describe('bank statements', () => {
  it('reads Vietnamese bank amounts and dates', () => {
    expect(['1.000.000', '1,000,000', '1000000', '1.000.000,00', '1,000,000.00', '1000000 VND'].map(parseVndAmount)).toEqual(Array(6).fill(1_000_000));
    expect(parseVndAmount('-20.000')).toBeUndefined();
    expect(parseLocalDate('22/11/2026 10:15')?.toISOString()).toBe('2026-11-22T03:15:00.000Z');
    expect(parseLocalDate('2026-11-22')?.toISOString()).toBe('2026-11-21T17:00:00.000Z');
    expect(parseLocalDate('hôm qua')).toBeNull();
  });

  it('finds the header row under the bank’s preamble, in Vietnamese or English', () => {
    const vcb = [['SAO KÊ TÀI KHOẢN'], ['Số tài khoản: 3900205123456'], ['STT', 'Ngày giao dịch', 'Số tham chiếu', 'Số tiền ghi nợ', 'Số tiền ghi có (VND)', 'Nội dung giao dịch']];
    expect(findHeader(vcb)).toEqual({ index: 2, map: { date: 1, id: 2, debit: 3, credit: 4, note: 5 } });
    expect(findHeader([['Date', 'Description', 'Credit']])).toEqual({ index: 0, map: { date: 0, credit: 2, note: 1 } });
    expect(findHeader([['a', 'b']])).toBeUndefined();
  });
});
