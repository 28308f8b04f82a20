/**
 * The sync indicator, always in the top bar: online / offline / events waiting / last sync / an
 * error with what to do. Clicking syncs now. When events of other desks arrive (the cursor moves),
 * every screen reloads through the shell's data version.
 */
import { useEffect, useRef } from 'react';
import type { SyncStatus } from '../shared/sync/status';
import { useShell } from './AppContext';
import { api } from './api';
import { useApi, useInterval } from './useApi';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString('uk-UA', { hour: '2-digit', minute: '2-digit' }) : '—');

export function syncLabel(s: SyncStatus): { text: string; tone: 'ok' | 'warn' | 'bad' | 'off'; detail: string } {
  const waiting = s.waiting ? ` · у черзі: ${s.waiting}` : '';
  switch (s.state) {
    case 'off':
      return { text: 'Без спільного реєстру', tone: 'off', detail: 'Сервер не налаштовано: реєстр працює лише на цьому робочому місці (Налаштування → Спільний реєстр).' };
    case 'online':
      return { text: `Синхронізовано ${time(s.lastSync)}${waiting}`, tone: s.waiting ? 'warn' : 'ok', detail: `Останній обмін зі спільним реєстром: ${time(s.lastSync)}.` };
    case 'syncing':
      return { text: `Синхронізація…${waiting}`, tone: 'ok', detail: 'Обмін зі спільним реєстром триває.' };
    case 'offline':
      return {
        text: `Офлайн${waiting}`,
        tone: 'warn',
        detail: `${s.message ?? 'Сервер недоступний.'} Наступна спроба о ${time(s.nextAttempt)}. Реєстрація працює як звичайно.`,
      };
    case 'error':
      return { text: `Помилка синхронізації`, tone: 'bad', detail: `${s.message ?? ''} Зверніться до адміністратора.` };
  }
}

export function SyncIndicator() {
  const { changed } = useShell();
  const status = useApi('sync:status', undefined, []);
  useInterval(status.reload, 1_000);
  const cursor = useRef<number | null>(null);
  useEffect(() => {
    const c = status.data?.cursor;
    if (c === undefined) return;
    // Other desks' events arrived: the journal, the card and the badges must show them.
    if (cursor.current !== null && c !== cursor.current) changed();
    cursor.current = c;
  }, [status.data?.cursor, changed]);
  if (!status.data) return null;
  const l = syncLabel(status.data);
  return (
    <button
      type="button"
      className={`sync-indicator sync-${l.tone}`}
      data-testid="sync-indicator"
      data-state={status.data.state}
      title={l.detail}
      aria-label={`${l.text}. ${l.detail}`}
      onClick={() => void api.call('sync:now', undefined).then(status.reload)}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span role="status">{l.text}</span>
    </button>
  );
}
