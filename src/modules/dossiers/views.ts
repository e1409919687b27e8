import {
  actionLabels,
  allowedActions,
  deriveState,
  isOverdue,
  nationalChannelCode,
  nationalStatusCode,
  statusLabels,
  type ActionActor,
  type DossierAction,
  type DossierState,
  type DossierStatus,
} from '../../shared/dossier';
import { formatLocalDateTime } from '../../shared/calendar';
import { maskFullName, maskIdNumber, maskPhone } from '../../shared/validation';
import type { DossierView, PublicDossierView } from './dossiers.contracts';
import type { ActionRow, DossierRow } from './dossiers.repo';

export function toDomainActions(rows: ActionRow[]): DossierAction[] {
  return rows.map((r) => ({
    type: r.type as DossierAction['type'],
    at: r.at.toISOString(),
    actorRole: r.actorRole as DossierAction['actorRole'],
    actorId: r.actorId,
    note: r.note,
    payload: r.payload,
  }));
}

const iso = (d: Date | null | string) => (d === null ? null : typeof d === 'string' ? d : d.toISOString());

interface ViewInput {
  dossier: DossierRow;
  actions: ActionRow[];
  procedureName: string;
  /** The appointment shown before reception (clock not started yet). */
  expectedDueAt: Date | null;
  actor: ActionActor;
  revealPersonalData: boolean;
  now: Date;
}

/** Presenter: exactly what leaves the server for the owner or staff. */
export function toDossierView(input: ViewInput): DossierView {
  const { dossier: d, actions } = input;
  const state = deriveState(toDomainActions(actions));
  const dueAt = iso(state.dueAt) ?? iso(input.expectedDueAt);
  return {
    code: d.code,
    communeCode: d.communeCode,
    procedureCode: d.procedureCode,
    procedureName: input.procedureName,
    status: state.status,
    statusLabelVi: statusLabels[state.status].vi,
    statusLabelEn: statusLabels[state.status].en,
    nationalStatusCode: nationalStatusCode(state),
    channel: d.channel,
    nationalChannelCode: nationalChannelCode(d.channel),
    onBehalf: d.onBehalf,
    applicant: {
      fullName: d.applicantName,
      idNumber: input.revealPersonalData ? d.applicantIdNumber : maskIdNumber(d.applicantIdNumber),
      phone: input.revealPersonalData ? d.applicantPhone : maskPhone(d.applicantPhone),
      address: d.applicantAddress,
    },
    fields: d.fields,
    villageId: d.villageId,
    feeVnd: d.feeVnd,
    processingDays: d.processingDays,
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: state.receivedAt,
    dueAt,
    dueAtLocal: dueAt ? formatLocalDateTime(new Date(dueAt)) : null,
    finishedAt: state.finishedAt,
    overdue: isOverdue(state, input.now),
    supplementRequests: state.supplementRequests,
    reappointments: state.reappointments,
    allowedActions: allowedActions(state, input.actor),
    timeline: actions.map((a) => ({
      seq: a.seq,
      type: a.type,
      labelVi: actionLabels[a.type as DossierAction['type']]?.vi ?? a.type,
      labelEn: actionLabels[a.type as DossierAction['type']]?.en ?? a.type,
      at: a.at.toISOString(),
      actorRole: a.actorRole,
      actorName: a.actorName,
      note: a.note,
      payload: a.payload ?? null,
      attachments: a.attachments ?? null,
    })),
  };
}

/** Anyone with the code: status, procedure, dates, timeline; the name masked, nothing else personal. */
export function toPublicView(d: DossierRow, actions: ActionRow[], procedureName: string, expectedDueAt: Date | null): PublicDossierView {
  const state: DossierState = deriveState(toDomainActions(actions));
  const dueAt = iso(state.dueAt) ?? iso(expectedDueAt);
  const status: DossierStatus = state.status;
  return {
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName,
    applicantName: maskFullName(d.applicantName),
    status,
    statusLabelVi: statusLabels[status].vi,
    statusLabelEn: statusLabels[status].en,
    nationalStatusCode: nationalStatusCode(state),
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: state.receivedAt,
    dueAt,
    dueAtLocal: dueAt ? formatLocalDateTime(new Date(dueAt)) : null,
    finishedAt: state.finishedAt,
    timeline: actions.map((a) => ({
      type: a.type,
      labelVi: actionLabels[a.type as DossierAction['type']]?.vi ?? a.type,
      labelEn: actionLabels[a.type as DossierAction['type']]?.en ?? a.type,
      at: a.at.toISOString(),
    })),
  };
}
