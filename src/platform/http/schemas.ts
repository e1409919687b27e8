import { z } from 'zod';

/** The error envelope every 4xx/5xx uses, for OpenAPI. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    vi: z.string(),
    en: z.string(),
    fields: z.array(z.object({ path: z.string(), vi: z.string(), en: z.string() })).optional(),
  }),
});

export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
  429: errorResponse,
} as const;
