/** The administrator's password in tests: set once on a register, as the administrator would. */
import type { Db } from '../../src/main/db/open';
import { setAdminPassword } from '../../src/main/services/adminPassword';

export const ADMIN_PASSWORD = 'Адмін-пароль 2026';

export function withAdmin(db: Db): void {
  setAdminPassword(db, ADMIN_PASSWORD);
}
