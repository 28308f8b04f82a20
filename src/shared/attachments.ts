/**
 * Scans kept with a request: what may be attached and how big. The register travels to every
 * desk through sync, so the limit keeps one careless 300-dpi colour scan from slowing them all.
 */
import { z } from 'zod';
import { requestRef, text } from './schemas';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export type AttachmentMime = 'application/pdf' | 'image/png' | 'image/jpeg';

/** The file's type from its first bytes (the name may lie); null when it is none of ours. */
export function sniffMime(head: Uint8Array): AttachmentMime | null {
  const starts = (...b: number[]) => b.every((x, i) => head[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', ',');

/** Null when the file may be attached, otherwise why not (Ukrainian). */
export function attachmentProblem(size: number, mime: AttachmentMime | null): string | null {
  if (size === 0) return 'Файл порожній';
  if (size > MAX_ATTACHMENT_BYTES)
    return `Файл завеликий: ${mb(size)} МБ, а скан може мати щонайбільше ${mb(MAX_ATTACHMENT_BYTES)} МБ. Скануйте з роздільністю 200–300 dpi у відтінках сірого або розділіть документ на частини.`;
  if (!mime) return 'Можна долучити лише скан у форматі PDF, PNG або JPEG';
  return null;
}

export interface AttachmentInfo {
  id: string;
  name: string;
  mime: AttachmentMime;
  size: number;
  sha256: string;
  addedAt: string;
}

/** Taking a scan off its request (an event; see `attachment_removed`). */
export const removeAttachmentInput = requestRef
  .extend({
    attachmentId: z.string().uuid({ message: 'Не вказано, який скан вилучити' }),
    reason: text(2000, { multiline: true }).pipe(z.string().min(1, { message: 'Вкажіть причину, з якої скан вилучено' })),
  })
  .strict();

/** One kept scan's bytes, to open or print it. */
export const attachmentRef = z.object({ id: z.string().uuid({ message: 'Не вказано скан' }) }).strict();
