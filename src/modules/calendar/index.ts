export { getWorkingCalendar, listSchedules } from './calendar.service';
export { registerCalendarRoutes } from './calendar.routes';
export { importShippedSchedules } from './calendar.seed';
export { calendarSchedules } from './calendar.schema';
