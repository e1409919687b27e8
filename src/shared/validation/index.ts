export { normalizeVietnamesePhone, maskPhone } from './phone';
export { isValidIdNumber, maskIdNumber, maskFullName } from './id-number';
export { phoneSchema, idNumberSchema } from './schemas';
