import type { z } from 'zod';
import type * as c from '../../../src/modules/portal/portal.contracts';
import { request } from './client';

export type Portal = z.infer<typeof c.portalResponse>;

export const getPortal = (communeCode?: string) => request<Portal>('GET', '/api/portal', { query: { communeCode } });
