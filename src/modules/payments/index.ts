/** Public surface of the payments module: other modules import only from here. */
export { registerPaymentRoutes } from './payments.routes';
export { importFeeRules, seedDemoPayments } from './payments.seed';
export { paymentReference, findReferences } from './reference';
export { computeFee } from './fee-rules';
export { paymentAccounts, feeRules, paymentRequests, paymentTransactions, paymentReceiptCounters } from './payments.schema';
export { tallyFeePayments, type FeePaymentTally, type TallyDimension } from './payments.repo';
