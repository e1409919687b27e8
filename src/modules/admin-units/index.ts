/** Public surface of the admin-units module: other modules import only from here. */
export { DEMO_COMMUNE_CODE, DEMO_PROVINCE_CODE } from './demo';
export { findCommuneRef, provinceOfCommune, type CommuneRef } from './admin-units-data';
export { canAccessCommune, assertCommuneAccess, assertCommuneAdmin, requireCommuneRef } from './tenancy';
export { findCommune, getCommune, listCommunesOfProvince, type Commune } from './admin-units.service';
export { listVillages, findVillage, getVillage, type Village } from './villages.service';
export { villageKinds, villageKindLabels, type VillageKind } from './village-kinds';
export { importAdminUnits, seedDemoVillages } from './admin-units.seed';
export { registerAdminUnitsRoutes } from './admin-units.routes';
export { provinces, communes, villages } from './admin-units.schema';
