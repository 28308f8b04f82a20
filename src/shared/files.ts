/**
 * Inputs of the file calls the UI needs where it cannot touch the disk itself: reading back a file
 * the app wrote (a journal, a report) to offer it as a download, and handing the app a chosen file
 * (a scan to stamp, a journal to import) when the browser gives bytes but no path.
 */
import { z } from 'zod';
import { text } from './schemas';

/** 60 MB of file; base64 makes it a third longer. */
export const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;
export const MAX_UPLOAD_BASE64 = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4;

export const fileReadInput = z.object({ path: text(4000).pipe(z.string().min(1, { message: 'Вкажіть шлях до файлу' })) }).strict();

export const fileUploadInput = z
  .object({
    name: text(255).pipe(z.string().min(1, { message: 'Вкажіть назву файлу' })),
    base64: z
      .string()
      .max(MAX_UPLOAD_BASE64, { message: 'Файл більший за 60 МБ' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Вміст файлу пошкоджено (очікується base64)' }),
  })
  .strict();

export interface FileContent {
  name: string;
  mime: string;
  base64: string;
}
