/**
 * Keeps an open card current when another window, or another desk through sync, changes its
 * request: a cheap version token is polled and the card reloads only when it moved.
 */
import { useEffect, useRef } from 'react';
import { api } from './api';

const EVERY_MS = 3000;

export function useRequestVersion(id: string, onChange: () => void): void {
  const last = useRef<string | null>(null);
  const cb = useRef(onChange);
  cb.current = onChange;
  useEffect(() => {
    last.current = null;
    let stopped = false;
    const tick = async () => {
      if (document.hidden) return;
      const r = await api.call('requests:version', { index: id });
      if (stopped || !r.ok) return;
      if (last.current !== null && last.current !== r.value.version) cb.current();
      last.current = r.value.version;
    };
    void tick();
    const timer = window.setInterval(() => void tick(), EVERY_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [id]);
}
