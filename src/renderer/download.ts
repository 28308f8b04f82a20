/**
 * Bytes that came over the API as base64, turned into something the browser can show or save.
 * Blob URLs rather than data: URLs: the CSP allows blob: frames, and a 5 MB PDF as a data: URL
 * would be copied into the DOM.
 */
export function base64ToBlob(base64: string, mime: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** Saves a blob through the browser's download (Electron shows its save dialog). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the URL by the next turn; keep it a moment longer for slow disks.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The base64 of a file the clerk chose, without the data-URL prefix. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => fail(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

export const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
