import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker, RateLimiter } from './breaker';
import { planChannels } from './notifier';
import { foldForSms, toSmsText } from './sms-text';
import { placeholdersIn, renderText, shippedTemplates } from './templates';
import { checkTemplateBody } from './templates.service';

const channels = ['sms', 'zalo', 'email', 'inapp'] as const;

describe('templates', () => {
  it('ship one template per dossier event, the OTP and "your turn is near", each in Vietnamese and English', () => {
    for (const key of ['otp', 'queue.turn_near', 'dossier.submitted', 'dossier.received', 'dossier.supplement_requested', 'dossier.supplemented',
      'dossier.in_progress', 'dossier.result_ready', 'dossier.returned', 'dossier.rejected', 'dossier.withdrawn', 'dossier.reappointed']) {
      const t = shippedTemplates[key]!;
      expect(t.vi).not.toBe(t.en);
      for (const p of [...placeholdersIn(t.vi), ...placeholdersIn(t.en)]) expect(t.params).toContain(p);
      for (const p of t.required) expect(placeholdersIn(t.vi)).toContain(p);
    }
  });

  it('renders every placeholder and never prints "undefined"', () => {
    expect(renderText('Hồ sơ {code}: {note}.', { code: 'X-1' })).toBe('Hồ sơ X-1: .');
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('code', 'note', 'link'), fc.string()), (params) => {
      const out = renderText(shippedTemplates['dossier.supplement_requested']!.vi, params);
      expect(out).not.toMatch(/\{(code|note|link)\}/);
      if (!Object.values(params).some((v) => v.includes('undefined'))) expect(out).not.toContain('undefined');
    }));
  });

  it('refuses an edit with an unknown parameter or without the required one, in either language', () => {
    expect(checkTemplateBody('dossier.received', { bodyVi: 'Hồ sơ {code} xong', bodyEn: 'Dossier {code} done' })).toEqual([]);
    const problems = checkTemplateBody('dossier.received', { bodyVi: 'Hồ sơ {ma} xong', bodyEn: 'Done {code} {' });
    expect(problems.map((p) => p.path).sort()).toEqual(['bodyEn', 'bodyVi', 'bodyVi']);
    expect(problems[0]!.vi).toContain('{ma}');
  });
});

describe('SMS text', () => {
  it('folds Vietnamese to plain letters so a message fits one 160-character segment', () => {
    const vi = 'Hồ sơ 000.00.21115.H51-251122-0001 đã được tiếp nhận. Hẹn trả kết quả: 17:00 25/11/2025.';
    expect(foldForSms('Đơn ĐĂNG KÝ – “khai sinh”')).toBe('Don DANG KY - "khai sinh"');
    const sms = toSmsText(vi, false);
    expect(sms).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect(sms.text).toBe('Ho so 000.00.21115.H51-251122-0001 da duoc tiep nhan. Hen tra ket qua: 17:00 25/11/2025.');
    expect(toSmsText(vi, true)).toMatchObject({ encoding: 'ucs2', segments: 2 });
  });

  it('always yields 7-bit text, and segment counts that hold the text (153 per part when concatenated)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 800 }), (s) => {
      const sms = toSmsText(s, false);
      expect(sms.text).toMatch(/^[\x20-\x7E\n]*$/);
      if (sms.units <= 160) expect(sms.segments).toBeLessThanOrEqual(1);
      else expect(sms.segments * 153).toBeGreaterThanOrEqual(sms.units);
    }));
  });
});

describe('channel order', () => {
  it('tries the preferred channel first, then the configured order, each once; a sign-in code only by phone', () => {
    fc.assert(fc.property(fc.constantFrom(...channels, 'pigeon', null), fc.shuffledSubarray([...channels], { minLength: 1 }), fc.boolean(), (preferred, order, phoneOnly) => {
      const plan = planChannels({ preferred, order, phoneOnly });
      expect(new Set(plan).size).toBe(plan.length);
      if (phoneOnly) expect(plan.every((c) => c === 'sms' || c === 'zalo')).toBe(true);
      if (preferred && (channels as readonly string[]).includes(preferred) && (!phoneOnly || preferred === 'sms' || preferred === 'zalo')) expect(plan[0]).toBe(preferred);
      for (const c of order) if (!phoneOnly || c === 'sms' || c === 'zalo') expect(plan).toContain(c);
    }));
  });
});

describe('circuit breaker', () => {
  it('opens after N failures in a row, lets one trial through after the cool-down, and closes on success', () => {
    const b = new CircuitBreaker(3, 60_000);
    b.recordFailure(0);
    b.recordFailure(1);
    expect(b.allow(2)).toBe(true);
    b.recordFailure(2);
    expect(b.state(3)).toBe('open');
    expect(b.allow(59_000)).toBe(false);
    expect(b.allow(62_002)).toBe(true); // half-open: one trial
    expect(b.allow(62_003)).toBe(false); // and only one
    b.recordFailure(62_004); // the trial failed: open again for a full cool-down
    expect(b.allow(100_000)).toBe(false);
    expect(b.allow(122_004)).toBe(true);
    b.recordSuccess();
    expect(b.state(122_005)).toBe('closed');
  });

  it('a success between failures resets the count', () => {
    fc.assert(fc.property(fc.array(fc.boolean(), { maxLength: 50 }), (outcomes) => {
      const b = new CircuitBreaker(3, 1000);
      let run = 0;
      outcomes.forEach((ok, i) => {
        if (ok) b.recordSuccess();
        else b.recordFailure(i);
        run = ok ? 0 : run + 1;
        expect(b.state(i) === 'open').toBe(run >= 3);
      });
    }));
  });
});

describe('rate limit', () => {
  it('allows the burst, then one message per 60/N seconds', () => {
    const r = new RateLimiter(60); // one a second, bursts of 10
    for (let i = 0; i < 10; i++) expect(r.take(0).ok).toBe(true);
    const denied = r.take(0);
    expect(denied).toEqual({ ok: false, waitMs: 1000 });
    expect(r.take(1000).ok).toBe(true);
  });
});
