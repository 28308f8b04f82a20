/**
 * Screens live in the location hash (`#/journal`, `#/card/<id>`): it works from file:// in
 * Electron and over HTTP alike, and Alt+← / Alt+→ go back and forth between card and journal.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'register' }
  | { screen: 'journal' }
  | { screen: 'card'; id?: string }
  | { screen: 'today' }
  | { screen: 'settings' }
  | { screen: 'reports' };

export function parseHash(hash: string): Route {
  const [, screen = '', rest] = /^#\/([a-z]*)\/?(.*)$/.exec(hash) ?? [];
  switch (screen) {
    case 'journal':
    case 'today':
    case 'settings':
    case 'reports':
      return { screen };
    case 'card':
      return rest ? { screen: 'card', id: decodeURIComponent(rest) } : { screen: 'card' };
    default:
      return { screen: 'register' };
  }
}

export function hashOf(r: Route): string {
  return r.screen === 'card' && r.id ? `#/card/${encodeURIComponent(r.id)}` : `#/${r.screen}`;
}

export function navigate(r: Route): void {
  const h = hashOf(r);
  if (window.location.hash !== h) window.location.hash = h;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
