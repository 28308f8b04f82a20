/** The system's folder dialog (issue 8), shown by main when the service host asks for it. */
import { dialog, type BrowserWindow } from 'electron';

export async function showFolderDialog(win: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Оберіть папку для файлів реєстру', buttonLabel: 'Дозволити цю папку', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return (r.canceled ? undefined : r.filePaths[0]) ?? null;
}
