/** Counter queue (máy bấm số): kiosk tickets, counters, live display, waiting statistics. Import only from here. */
export { registerCounterRoutes } from './counter.routes';
export { seedDemoQueue } from './counter.seed';
export { getQueueStats, type QueueStatsRow } from './stats.service';
export { getQueueSnapshot } from './snapshot.service';
export { DEFAULT_QUEUE_GROUPS, formatTicketNumber } from './queue-rules';
export { queueGroups, queueCounters, queueTickets, queueSequences, queueDailyStats } from './counter.schema';
export { sumStats as sumQueueStats, type QueueStatsTotals } from './counter.repo';
export { listQueueGroups } from './config.service';
