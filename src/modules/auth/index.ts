export { registerAuthRoutes } from './auth.routes';
export { resolveSessionActor } from './auth.service';
export { seedDemoAccounts, DEMO_STAFF } from './auth.seed';
export { findCitizenByPhone, findCitizenById, upsertCitizen, findStaffById } from './auth.repo';
export { DEMO_CITIZEN_PHONES } from './otp-rules';
export { hashPassword } from './passwords';
export { staffAccounts, citizens, otpCodes } from './auth.schema';
export { registerStaffAccountRoutes } from './staff-accounts.routes';
