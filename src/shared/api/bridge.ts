/** The single object the Electron preload exposes as `window.registry`. */
import type { ApiCall } from './contract';

export interface RegistryBridge {
  call: ApiCall;
}

export const IPC_CALL = 'registry:call';
