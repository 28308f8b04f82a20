/**
 * Settings → where files go: the export folder (journals, reports) and the folder the open-data
 * set is published from. A path may be typed, but the app writes only into folders granted through
 * the system's folder dialog, so each field has the same «Обрати папку…» as the journal export.
 */
import { ChooseFolder } from './ChooseFolder';
import { TextField } from './Fields';
import type { Draft, Update } from './settingsDraft';

const FIELDS: [keyof Draft['folders'], string, string][] = [
  ['exports', 'Папка експорту', 'журнали та звіти; порожньо — «Експорт» поруч із файлом реєстру'],
  ['openData', 'Папка відкритих даних', 'звідси оприлюднюється набір; порожньо — «Відкриті дані» в папці експорту'],
];

export function FolderSettings({ d, upd, err }: { d: Draft; upd: Update; err: (p: string) => string | undefined }) {
  const set = (k: keyof Draft['folders'], v: string) => upd((x) => ({ ...x, folders: { ...x.folders, [k]: v } }));
  return (
    <fieldset className="panel" id="s-folders">
      <legend>Папки для файлів</legend>
      {FIELDS.map(([k, label, hint]) => (
        <div key={k} className="row wrap folder-field">
          <TextField id={`s-folder-${k}`} className="grow" label={label} hint={hint} value={d.folders[k]} error={err(`${k}.folder`)} onChange={(v) => set(k, v)} />
          <ChooseFolder label={label.toLowerCase()} onChosen={(folder) => set(k, folder)} />
        </div>
      ))}
    </fieldset>
  );
}
