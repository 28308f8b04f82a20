/**
 * What every screen needs from the shell: app:info (today's date on the register's clock — in
 * tests a fixed one — and martial law) and a data version that bumps after any change, so the
 * journal, the "today" badge and an open card never show a stale state.
 */
import { createContext, useContext } from 'react';
import type { AppInfo } from '../shared/api/contract';

export interface Shell {
  info: AppInfo | undefined;
  version: number;
  changed: () => void;
}

export const ShellContext = createContext<Shell>({ info: undefined, version: 0, changed: () => {} });
export const useShell = (): Shell => useContext(ShellContext);
