export { registerPortalRoutes } from './portal.routes';
export { popularProcedures, resolvePortalCommune } from './portal.service';
