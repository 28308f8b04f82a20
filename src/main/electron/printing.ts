/**
 * Printing a made PDF from the desktop app: Chromium's own PDF viewer in a hidden window, printed
 * silently to the printer the clerk chose. Kept thin: which printer, and remembering it, is the
 * documents service's job; print-to-PDF is the made file itself, always there for the preview.
 */
import { BrowserWindow } from 'electron';
import type { PrintPort } from '../../shared/documents';
import { AppError } from '../../shared/errors';

export function electronPrintPort(anyWindow: () => BrowserWindow | null): PrintPort {
  return {
    async printers() {
      const win = anyWindow();
      if (!win) return [];
      const list = await win.webContents.getPrintersAsync();
      // CUPS and Windows mark the default printer in the platform options.
      return list.map((p) => {
        const o = (p.options ?? {}) as Record<string, string | undefined>;
        return { name: p.name, isDefault: o['is-default'] === 'true' || o.isDefault === 'true' };
      });
    },
    async print(path, printer) {
      const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, plugins: true } });
      try {
        await win.loadFile(path);
        await new Promise<void>((ok, fail) =>
          win.webContents.print({ silent: printer !== '', deviceName: printer || undefined, printBackground: true }, (success, reason) =>
            success ? ok() : fail(new AppError('io', `Не вдалося надрукувати: ${reason || 'принтер відмовив'}`)),
          ),
        );
      } finally {
        win.destroy();
      }
    },
  };
}
