/** A written file: its path (to find it in the folder) and «Завантажити», read back through `files:read`. */
import { useState } from 'react';
import { api } from './api';
import { base64ToBlob, saveBlob } from './download';
import { ErrorAlert } from './Fields';

export function FileResult({ path, summary }: { path: string; summary?: string }) {
  const [error, setError] = useState<string | null>(null);
  async function download() {
    setError(null);
    const r = await api.call('files:read', { path });
    if (!r.ok) return setError(r.error.message);
    saveBlob(base64ToBlob(r.value.base64, r.value.mime), r.value.name);
  }
  return (
    <div className="file-result">
      <p>
        Записано: <code data-testid="written-path">{path}</code>
        {summary ? <span className="muted"> · {summary}</span> : null}
      </p>
      <button type="button" onClick={() => void download()}>
        Завантажити
      </button>
      {error ? <ErrorAlert lines={[error]} /> : null}
    </div>
  );
}
