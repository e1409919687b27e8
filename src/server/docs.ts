import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI generated from the same zod schemas that validate requests and responses. */
export async function registerDocs(app: FastifyInstance, transform: typeof jsonSchemaTransform): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'xaso API',
        description: 'Xã số: một cửa, dịch vụ công trực tuyến và Tổ công nghệ số cộng đồng',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
    transform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
