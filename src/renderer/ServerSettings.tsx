/**
 * Settings → Спільний реєстр: the connection to the office PostgreSQL, «Перевірити з'єднання»
 * before saving. The password goes to the shell's secret store (safeStorage in the app) and is
 * never shown again: the field stays empty and says whether one is kept.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { SSL_MODES, type ServerConfig } from '../shared/sync/status';
import { api } from './api';
import { SelectField, TextField } from './Fields';
import { useApi } from './useApi';

const EMPTY: ServerConfig = { host: '', port: 5432, database: 'registry', user: 'registry_desk', sslmode: 'require', desk: '' };
const SSL_LABEL: Record<(typeof SSL_MODES)[number], string> = {
  disable: 'без шифрування (лише для перевірки)',
  prefer: 'шифрування, якщо сервер уміє',
  require: 'лише з шифруванням (TLS)',
  'verify-full': 'TLS і перевірка сертифіката сервера',
};

export function ServerSettings() {
  const loaded = useApi('sync:getServer', undefined, []);
  const [c, setC] = useState<ServerConfig>(EMPTY);
  const [port, setPort] = useState('5432');
  const [password, setPassword] = useState('');
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (loaded.data?.config) {
      setC(loaded.data.config);
      setPort(String(loaded.data.config.port));
    }
  }, [loaded.data]);
  const input = () => ({ config: { ...c, port: Number(port) || 0 }, ...(password ? { password } : {}) });
  const upd = (patch: Partial<ServerConfig>) => setC((x) => ({ ...x, ...patch }));

  async function check() {
    setBusy(true);
    const r = await api.call('sync:test', input());
    setBusy(false);
    setResult(r.ok ? r.value : { ok: false, message: r.error.message });
  }
  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await api.call('sync:setServer', input());
    setBusy(false);
    if (!r.ok) return setResult({ ok: false, message: r.error.message });
    setPassword('');
    loaded.reload();
    setResult({ ok: r.value.state === 'online', message: r.value.state === 'online' ? 'Збережено; робоче місце синхронізовано зі спільним реєстром.' : `Збережено, але синхронізація не вдалася: ${r.value.message ?? ''}` });
  }

  return (
    <form className="panel" onSubmit={save} aria-labelledby="server-title" noValidate>
      <h2 id="server-title" className="subhead">
        Спільний реєстр (сервер PostgreSQL)
      </h2>
      <div className="row wrap">
        <TextField id="srv-host" label="Сервер" hint="ім'я або IP-адреса, напр. db.rada.local" value={c.host} onChange={(host) => upd({ host })} />
        <TextField id="srv-port" label="Порт" value={port} inputMode="numeric" onChange={setPort} />
        <TextField id="srv-db" label="База даних" value={c.database} onChange={(database) => upd({ database })} />
      </div>
      <div className="row wrap">
        <TextField id="srv-user" label="Користувач" value={c.user} onChange={(user) => upd({ user })} />
        <div className="field">
          <label htmlFor="srv-password">Пароль</label>
          <input
            id="srv-password"
            type="password"
            autoComplete="new-password"
            value={password}
            placeholder={loaded.data?.hasPassword ? 'збережено (введіть, щоб змінити)' : ''}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <SelectField id="srv-ssl" label="Захист з'єднання" value={c.sslmode} options={SSL_MODES.map((m) => [m, SSL_LABEL[m]] as const)} onChange={(sslmode) => upd({ sslmode })} />
      </div>
      <TextField
        id="srv-desk"
        label="Назва робочого місця"
        hint="Закріплюється за реєстром під час першої синхронізації, напр. «Приймальня»"
        value={c.desk}
        onChange={(desk) => upd({ desk })}
      />
      <div className="row">
        <button type="button" onClick={() => void check()} disabled={busy}>
          Перевірити з'єднання
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Зберегти підключення
        </button>
      </div>
      {result ? (
        <p className={`server-result ${result.ok ? 'ok' : 'bad'}`} role={result.ok ? 'status' : 'alert'} data-testid="server-result">
          {result.message}
        </p>
      ) : null}
    </form>
  );
}
