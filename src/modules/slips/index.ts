/** Official slips (Mẫu 01–06, stop notice) as PDF: other modules import only from here. */
export { registerSlipRoutes } from './slips.routes';
export { getSlipPdf, getRegisterPdf } from './slips.service';
export { slipKinds, slipKindInfo, listApplicableSlips, type SlipKind } from './slip-kinds';
export { classifyTimeliness, type Timeliness } from './control-rows';
