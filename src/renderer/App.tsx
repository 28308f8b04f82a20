/**
 * The shell: a top bar with the sections and their hotkeys (Alt+1…6), the open-data reminder, the current screen, and a
 * footer with app:info. It owns what must survive moving between screens: the journal's filters,
 * the card last opened, the "today" counts for the badge, and the data version that tells every
 * screen to reload after a change.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ShellContext, type Shell } from './AppContext';
import { api } from './api';
import { uaDateWithWeekday } from './format';
import { emptyFilters, RequestList, type JournalFilters } from './RequestList';
import { RegistrationForm } from './RegistrationForm';
import { RequestCard } from './RequestCard';
import { SettingsForm } from './SettingsForm';
import { SyncIndicator } from './SyncIndicator';
import { RegisterCheck } from './RegisterCheck';
import { ServerSettings } from './ServerSettings';
import { ReportsScreen } from './ReportsScreen';
import { staleBadge } from './OpenDataPanel';
import { TodayPanel } from './TodayPanel';
import { useApi, useInterval } from './useApi';
import { navigate, useRoute, type Route } from './useRoute';

const SECTIONS = [
  { screen: 'register', label: 'Реєстрація', key: '1' },
  { screen: 'journal', label: 'Журнал', key: '2' },
  { screen: 'card', label: 'Картка запиту', key: '3' },
  { screen: 'today', label: 'Сьогодні', key: '4' },
  { screen: 'settings', label: 'Налаштування', key: '5' },
  { screen: 'reports', label: 'Журнали й звіти', key: '6' },
] as const;

const TITLE: Record<Route['screen'], string> = {
  register: 'Реєстрація',
  journal: 'Журнал',
  card: 'Картка запиту',
  today: 'Сьогодні',
  settings: 'Налаштування',
  reports: 'Журнали й звіти',
};

export function App() {
  const route = useRoute();
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const info = useApi('app:info', undefined, [version]);
  const today = useApi('requests:today', undefined, [version]);
  const openData = useApi('opendata:status', undefined, [version]);
  // Deadlines turn overdue with the clock, not only with edits: refresh the counts every minute.
  useInterval(() => {
    info.reload();
    today.reload();
    openData.reload();
  }, 60_000);

  const [filters, setFilters] = useState<JournalFilters>(emptyFilters);
  const [lastCard, setLastCard] = useState<string | undefined>();
  const [cameFrom, setCameFrom] = useState<Route>({ screen: 'journal' });
  useEffect(() => {
    if (route.screen === 'card' && route.id) setLastCard(route.id);
    if (route.screen === 'journal' || route.screen === 'today') setCameFrom(route);
    document.title = `${TITLE[route.screen]} — Registry Desk`;
  }, [route]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const s = SECTIONS.find((x) => e.code === `Digit${x.key}`);
      if (!s) return;
      e.preventDefault();
      navigate(s.screen === 'card' ? { screen: 'card', id: lastCard } : { screen: s.screen });
    };
    window.addEventListener('keydown', onKey);
    // The section keys work from here on; React mounts after the page's load event, so a key pressed
    // before this would go nowhere. Marked for whoever drives the window (the e2e tests wait for it).
    document.documentElement.dataset.keys = 'on';
    return () => window.removeEventListener('keydown', onKey);
  }, [lastCard]);

  const shell = useMemo<Shell>(() => ({ info: info.data, version, changed }), [info.data, version, changed]);
  const t = today.data;
  const urgentCount = t ? t.totals.overdue + t.totals.dueToday : 0;

  return (
    <ShellContext.Provider value={shell}>
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Перейти до вмісту
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Registry Desk</span>
          {/* The nav fills the bar; the reminder takes the subtitle's place rather than push it off screen. */}
          {openData.data?.stale ? (
            <a href="#/reports" className={`od-badge ${openData.data.overdue ? 'od-overdue' : ''}`} data-testid="opendata-badge">
              {staleBadge(openData.data)}
            </a>
          ) : (
            <span className="brand-sub">Реєстр запитів на публічну інформацію</span>
          )}
          <SyncIndicator />
        </div>
        <nav aria-label="Розділи">
          <ul>
            {SECTIONS.map((s) => {
              const current = route.screen === s.screen;
              const href = s.screen === 'card' && lastCard ? `#/card/${encodeURIComponent(lastCard)}` : `#/${s.screen}`;
              return (
                <li key={s.screen}>
                  <a href={href} aria-current={current ? 'page' : undefined} aria-keyshortcuts={`Alt+${s.key}`} className={current ? 'current' : undefined}>
                    <span>{s.label}</span>
                    {s.screen === 'today' && t ? (
                      <span
                        className={`badge ${t.totals.overdue ? 'badge-danger' : urgentCount ? 'badge-warn' : 'badge-calm'}`}
                        data-testid="today-badge"
                        aria-label={`прострочених ${t.totals.overdue}, зі строком сьогодні ${t.totals.dueToday}`}
                      >
                        {urgentCount}
                      </span>
                    ) : null}
                    <kbd aria-hidden="true">Alt+{s.key}</kbd>
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {route.screen === 'register' ? <RegistrationForm /> : null}
        {route.screen === 'journal' ? <RequestList filters={filters} setFilters={setFilters} /> : null}
        {route.screen === 'card' ? <RequestCard id={route.id} back={cameFrom} /> : null}
        {route.screen === 'today' ? <TodayPanel today={today} /> : null}
        {route.screen === 'settings' ? (
          <>
            <SettingsForm />
            <ServerSettings />
            <RegisterCheck />
          </>
        ) : null}
        {route.screen === 'reports' ? <ReportsScreen /> : null}
      </main>
      <footer className="footer">
        {info.data ? (
          <>
            <span>Registry Desk {info.data.version}</span>
            <span>Сьогодні: {uaDateWithWeekday(info.data.today)}</span>
            <span className={info.data.martialLaw ? 'martial' : undefined}>Воєнний стан: {info.data.martialLaw ? 'так' : 'ні'}</span>
            <span>
              <span title={`Файл реєстру: ${info.data.dbPath}`}>Робоче місце: {info.data.deskName}</span> · користувач: {info.data.user}
            </span>
            {api.transport === 'http' ? <span>веб-оболонка</span> : null}
          </>
        ) : info.error ? (
          <span role="alert">{info.error.message}</span>
        ) : (
          <span>Завантаження…</span>
        )}
      </footer>
    </ShellContext.Provider>
  );
}
