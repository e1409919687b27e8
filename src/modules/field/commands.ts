import type { z } from 'zod';
import { unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import {
  addPerson, addPersonInput, createHousehold, createHouseholdInput, removeHousehold, removeInput, removePerson, updateHousehold,
  updateHouseholdInput, updatePerson, updatePersonInput, type WriteCtx,
} from '../households';
import { consentInput, createConsent, logSupportAct, supportActInput } from '../outreach';

/** One kind of offline command: its payload schema and what applying it does, inside the command's transaction. */
interface Handler<S extends z.ZodType> {
  schema: S;
  apply(deps: AppDeps, ctx: WriteCtx, input: z.output<S>): Promise<object>;
}

const handler = <S extends z.ZodType>(h: Handler<S>) => h;

/**
 * Everything the field app may record offline. `dossier.assist` is handled apart (push.service):
 * filing a dossier runs its own transaction in the dossiers module.
 */
export const commandHandlers = {
  'household.create': handler({ schema: createHouseholdInput, apply: (_d, ctx, input) => createHousehold(ctx, input) }),
  'household.update': handler({ schema: updateHouseholdInput, apply: (_d, ctx, input) => updateHousehold(ctx, input.householdId, input.changes) }),
  'household.remove': handler({ schema: removeInput, apply: (_d, ctx, input) => removeHousehold(ctx, input.id, input.reason) }),
  'person.add': handler({ schema: addPersonInput, apply: (_d, ctx, input) => addPerson(ctx, input.householdId, input.person) }),
  'person.update': handler({ schema: updatePersonInput, apply: (_d, ctx, input) => updatePerson(ctx, input.personId, input.changes) }),
  'person.remove': handler({ schema: removeInput, apply: (_d, ctx, input) => removePerson(ctx, input.id, input.reason) }),
  'support_act.log': handler({ schema: supportActInput, apply: (_d, ctx, input) => logSupportAct(ctx, input) }),
  'consent.record': handler({
    schema: consentInput,
    apply: async (deps, ctx, input) => {
      // A code has to reach the citizen's phone and come back while the member waits: online only.
      if (input.method !== 'signature') throw unprocessable('CONSENT_CODE_NEEDS_CONNECTION', { vi: 'Xác nhận bằng mã cần có mạng; khi mất mạng hãy dùng chữ ký', en: 'Consent by code needs a connection; offline, use a signature' });
      const { row } = await createConsent(deps, ctx.db, ctx.scope, input, ctx.now);
      return { consentId: row.id, status: row.status };
    },
  }),
};

export type CommandType = keyof typeof commandHandlers | 'dossier.assist';
export const commandTypes = [...Object.keys(commandHandlers), 'dossier.assist'] as unknown as [CommandType, ...CommandType[]];
