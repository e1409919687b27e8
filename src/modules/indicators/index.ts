/** Public surface of the indicators module: other modules import only from here. */
export { registerIndicatorRoutes } from './indicators.routes';
export { seedIndicators } from './indicators.seed';
export { buildCommuneDashboard, type CommuneDashboard } from './commune-dashboard.service';
export { buildProvinceDashboard, type ProvinceDashboard } from './province-dashboard.service';
export { rebuildIndicatorAggregates, diffAggregatesWithNaive, diffFactsWithNaive } from './maintenance.repo';
export { syncIndicatorCalendars } from './calendar-sync';
export { indicatorSources, type IndicatorSource, type SourcePanel, type SourceScope } from './sources';
export { indicatorDefinitions, type IndicatorId } from './definitions';
export { indicatorCube, indicatorCommuneMonth, indicatorDossierFacts, indicatorWorkdays, indicatorCalendarSync } from './indicators.schema';
