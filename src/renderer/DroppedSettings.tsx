/**
 * The parts of the stored settings this version could not keep (an old IBAN, a term past the law):
 * each fell back to its default alone, the rest still holds. Named in words, with why, so the clerk
 * checks them and saves; the save stores the form as shown.
 */
import type { DroppedSetting } from '../shared/settings';
import { settingsPathLabel } from '../shared/fieldLabels';

export function DroppedSettings({ dropped }: { dropped: readonly DroppedSetting[] }) {
  if (dropped.length === 0) return null;
  return (
    <div className="alert dropped" role="alert" data-testid="settings-dropped">
      <p>
        <strong>Частину збережених налаштувань не вдалося прочитати</strong> — замість неї діють типові значення; усе інше збережено як було. Перевірте ці поля й
        збережіть:
      </p>
      <ul>
        {dropped.map((x) => {
          const label = settingsPathLabel(x.path);
          return (
            <li key={x.path}>
              <strong>{label === 'Поле' ? `«${x.path}»` : label}</strong>: {x.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
