/**
 * Settings → «Адміністратор». The statutory terms, the martial-law dates and the calendar change
 * only with the administrator's password (besides the Art. 20 confirmation): the register has no
 * accounts, so this is the one check that the administrator, not whoever sits at the desk, did it.
 * Here the administrator sets the password once (or changes it with the current one), and gives
 * it when saving such a change. The password is sent with the save only, never stored in the page.
 */
import { useEffect, useRef, useState } from 'react';
import { ADMIN_PASSWORD_MIN } from '../shared/adminGuard';
import { api } from './api';
import { ErrorAlert, TextField } from './Fields';
import { useApi } from './useApi';

export function AdminSettings(p: { password: string; setPassword: (v: string) => void; err: (p: string) => string | undefined }) {
  const status = useApi('admin:status', undefined, []);
  const [next, setNext] = useState('');
  const [current, setCurrent] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The block closes once the password is saved; the confirmation stays in view, where focus goes.
  const [open, setOpen] = useState(false);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const isSet = status.data?.passwordSet === true;
  // Focused once rendered (it is not on the page until the save says so).
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  async function save() {
    setMessage(null);
    setError(null);
    const r = await api.call('admin:setPassword', { password: next, ...(isSet ? { current } : {}) });
    if (!r.ok) return setError(r.error.message);
    setNext('');
    setCurrent('');
    setMessage('Пароль адміністратора збережено (у реєстрі зберігається лише його хеш).');
    setOpen(false);
    status.reload();
  }

  return (
    <fieldset className="panel" id="s-admin" aria-describedby="s-admin-state">
      <legend>Адміністратор</legend>
      <p id="s-admin-state" className="muted small" data-testid="admin-state">
        {status.data === undefined
          ? 'Перевіряю…'
          : isSet
            ? 'Пароль адміністратора встановлено. Строки, встановлені законом, дати воєнного стану й календар зберігаються лише з ним.'
            : 'Пароль адміністратора ще не встановлено: строки, встановлені законом, дати воєнного стану й календар змінити не можна. Адміністратор встановлює його тут один раз.'}
      </p>
      {isSet ? (
        <TextField
          id="s-admin-password"
          type="password"
          label="Пароль адміністратора (для збереження строків і календаря)"
          value={p.password}
          error={p.err('confirm.adminPassword')}
          onChange={p.setPassword}
        />
      ) : null}
      {message ? (
        <p role="status" className="ok" tabIndex={-1} ref={messageRef} data-testid="admin-saved">
          {message}
        </p>
      ) : null}
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{isSet ? 'Змінити пароль адміністратора' : 'Встановити пароль адміністратора'}</summary>
        {isSet ? <TextField id="s-admin-current" type="password" label="Чинний пароль" value={current} onChange={setCurrent} /> : null}
        <TextField id="s-admin-new" type="password" label={`Новий пароль (щонайменше ${ADMIN_PASSWORD_MIN} символів)`} value={next} onChange={setNext} />
        <button type="button" disabled={next.length === 0} onClick={() => void save()}>
          Зберегти пароль адміністратора
        </button>
        {error ? <ErrorAlert lines={[error]} /> : null}
      </details>
    </fieldset>
  );
}
