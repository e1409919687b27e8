import type { TestApp } from './test-app';
import { bearer } from './test-app';

export const DEMO_PROCEDURE = '2.000908'; // Cấp bản sao từ sổ gốc: full online, no fee
export const SAMPLE_FILE_ID = 'file-0000-demo-0001';

interface FormField {
  key: string;
  type: string;
  required: boolean;
  options?: { value: string }[];
}

/** Valid answers for every required field of a procedure's form, by type. */
export async function validFields(t: TestApp, procedureCode = DEMO_PROCEDURE): Promise<Record<string, unknown>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/procedures/${procedureCode}` });
  const form = res.json().form as { fields: FormField[] };
  const values: Record<string, unknown> = {};
  for (const f of form.fields.filter((x) => x.required)) {
    values[f.key] = {
      text: 'Nguyễn Văn An', textarea: 'Nội dung', date: '2020-05-17', number: 1,
      select: f.options?.[0]?.value, checkbox: true, file: [SAMPLE_FILE_ID],
    }[f.type];
  }
  return values;
}

export async function demoCommuneCode(t: TestApp): Promise<string> {
  const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(await t.staffToken('demo.officer')) });
  return me.json().communeCode as string;
}

export async function submitBody(t: TestApp, overrides: Record<string, unknown> = {}) {
  return {
    procedureCode: DEMO_PROCEDURE,
    communeCode: await demoCommuneCode(t),
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '051090012345', phone: '0900000001' },
    fields: await validFields(t),
    ...overrides,
  };
}

let keySeq = 0;
export const newKey = () => `test-key-${process.pid}-${Date.now()}-${keySeq++}`;

export async function submitAsCitizen(t: TestApp, phone = '0900000001', overrides: Record<string, unknown> = {}) {
  const body = await submitBody(t, { applicant: { fullName: 'Nguyễn Văn An', idNumber: '051090012345', phone }, ...overrides });
  const res = await t.app.inject({
    method: 'POST', url: '/api/dossiers', payload: body,
    headers: { ...bearer(await t.citizenToken(phone)), 'idempotency-key': newKey() },
  });
  if (res.statusCode !== 201) throw new Error(`submit failed ${res.statusCode}: ${res.body}`);
  return res.json() as { code: string; status: string; dueAt: string };
}

export async function act(t: TestApp, username: string, code: string, payload: Record<string, unknown>) {
  const token = username.startsWith('09') ? await t.citizenToken(username) : await t.staffToken(username);
  return t.app.inject({ method: 'POST', url: `/api/dossiers/${encodeURIComponent(code)}/actions`, payload, headers: bearer(token) });
}

export async function countRows(t: TestApp, table: string): Promise<number> {
  const res = (await t.database.db.execute(`select count(*)::int as n from ${table}` as never)) as unknown as { rows: { n: number }[] };
  return res.rows[0]!.n;
}
