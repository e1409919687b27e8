import type { VNode } from 'preact';
import { Button, TextField } from '../../ui/components';
import { ts } from '../i18n';

/** A service group (nhóm thủ tục) as the admin edits it: its tickets start with `letter` (A012). */
export type GroupDraft = { key: string; name: string; nameEn: string; letter: string };

/** The first capital letter no group uses yet, for a new group. */
export function nextFreeLetter(groups: GroupDraft[]): string {
  const used = new Set(groups.map((g) => g.letter));
  return 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').find((l) => !used.has(l)) ?? 'Z';
}

/** A key no group uses yet; keys stay stable once saved because tickets and statistics refer to them. */
export function newGroupKey(groups: GroupDraft[]): string {
  const used = new Set(groups.map((g) => g.key));
  let n = groups.length + 1;
  while (used.has(`nhom_${n}`)) n += 1;
  return `nhom_${n}`;
}

/** The list of service groups shown at the kiosk; a counter calls the groups ticked below it. */
export function GroupsEditor({ groups, onChange }: { groups: GroupDraft[]; onChange: (next: GroupDraft[]) => void }): VNode {
  const update = (i: number, patch: Partial<GroupDraft>) => onChange(groups.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const add = () => onChange([...groups, { key: newGroupKey(groups), name: '', nameEn: '', letter: nextFreeLetter(groups) }]);
  return (
    <fieldset class="card">
      <legend class="label">{ts('staff.queueAdmin.groups')}</legend>
      <p class="help">{ts('staff.queueAdmin.groupsHelp')}</p>
      {groups.map((g, i) => (
        <div key={g.key} class="card">
          <TextField id={`group-${g.key}-letter`} label={ts('staff.queueAdmin.letter')} value={g.letter} maxLength={1}
            onValue={(v) => update(i, { letter: v.toUpperCase() })} required />
          <TextField id={`group-${g.key}-name`} label={ts('staff.queueAdmin.groupName')} value={g.name} onValue={(v) => update(i, { name: v })} required />
          <TextField id={`group-${g.key}-nameEn`} label={ts('staff.queueAdmin.groupNameEn')} value={g.nameEn} onValue={(v) => update(i, { nameEn: v })} required />
          {groups.length > 1 && (
            <Button variant="ghost" onClick={() => onChange(groups.filter((_, j) => j !== i))}>{ts('staff.queueAdmin.removeGroup', { letter: g.letter })}</Button>
          )}
        </div>
      ))}
      {groups.length < 12 && <Button variant="secondary" onClick={add}>{ts('staff.queueAdmin.addGroup')}</Button>}
    </fieldset>
  );
}
