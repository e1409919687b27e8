import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireStaff } from '../../platform/auth';
import { badRequest, notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { computeDueAt, formatLocalDateTime, listCalendarDaysOff, listMakeUpWorkingDays, yearSchedule } from '../../shared/calendar';
import { assertCommuneAdmin, findCommuneRef } from '../admin-units';
import { deleteCommuneSchedule, getWorkingCalendar, saveCommuneSchedule } from './calendar.service';

const communeCode = z.string().regex(/^\d{5}$/);
const dayEntry = z.object({ date: z.string(), reasonVi: z.string(), reasonEn: z.string() });

export function registerCalendarRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  r.get('/api/calendar/due-date', {
    schema: {
      tags,
      summary: 'Due instant after N working days (15:00 cut-off, holidays, swapped days)',
      querystring: z.object({
        from: z.iso.datetime({ offset: true }),
        workingDays: z.coerce.number().int().min(0).max(365),
        communeCode: communeCode.optional(),
      }),
      response: { 200: z.object({ dueAt: z.string(), dueAtLocal: z.string() }), ...errorResponses },
    },
  }, async (request) => {
    const { from, workingDays, communeCode: commune } = request.query;
    if (commune) assertKnownCommune(commune);
    const due = computeDueAt(new Date(from), workingDays, await getWorkingCalendar(deps, commune));
    return { dueAt: due.toISOString(), dueAtLocal: formatLocalDateTime(due) };
  });

  r.get('/api/calendar/days-off', {
    schema: {
      tags,
      summary: 'Days off and make-up working days of a year',
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100), communeCode: communeCode.optional() }),
      response: { 200: z.object({ year: z.number(), source: z.string(), daysOff: z.array(dayEntry), makeUpWorkingDays: z.array(dayEntry) }), ...errorResponses },
    },
  }, async (request) => {
    const { year, communeCode: commune } = request.query;
    if (commune) assertKnownCommune(commune);
    const calendar = await getWorkingCalendar(deps, commune);
    return {
      year,
      source: calendar.year(year).source,
      daysOff: listCalendarDaysOff(year, calendar).map((d) => ({ date: d.date, reasonVi: d.reasonVi, reasonEn: d.reasonEn })),
      makeUpWorkingDays: listMakeUpWorkingDays(year, calendar),
    };
  });

  r.put('/api/communes/:communeCode/calendar/:year', {
    schema: {
      tags,
      summary: "Commune admin: correct a year's schedule of days off and make-up days",
      params: z.object({ communeCode, year: z.coerce.number().int().min(2000).max(2100) }),
      body: yearSchedule,
      response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
    },
  }, async (request) => {
    const actor = requireStaff(request, ['commune_admin']);
    assertCommuneAdmin(actor, request.params.communeCode);
    if (request.body.year !== request.params.year) {
      throw badRequest('YEAR_MISMATCH', { vi: 'Năm trong lịch không khớp với địa chỉ', en: 'The schedule year does not match the URL' });
    }
    await saveCommuneSchedule(deps, request.params.communeCode, request.body, actor.accountId);
    return { ok: true as const };
  });

  r.delete('/api/communes/:communeCode/calendar/:year', {
    schema: {
      tags,
      summary: "Commune admin: drop the commune's correction and use the national schedule again",
      params: z.object({ communeCode, year: z.coerce.number().int().min(2000).max(2100) }),
      response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
    },
  }, async (request) => {
    const actor = requireStaff(request, ['commune_admin']);
    assertCommuneAdmin(actor, request.params.communeCode);
    if (!(await deleteCommuneSchedule(deps, request.params.communeCode, request.params.year))) {
      throw notFound('SCHEDULE_NOT_FOUND', { vi: 'Xã chưa sửa lịch năm này', en: 'This commune has no correction for that year' });
    }
    return { ok: true as const };
  });
}

function assertKnownCommune(code: string): void {
  if (!findCommuneRef(code)) throw notFound('COMMUNE_NOT_FOUND', { vi: 'Không tìm thấy xã/phường', en: 'Commune not found' });
}
