/**
 * The narrow preload: one `window.registry` object that forwards API calls to main over IPC.
 * No raw ipcRenderer reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CALL, type RegistryBridge } from '../../shared/api/bridge';

const bridge = {
  call: (method, input) => ipcRenderer.invoke(IPC_CALL, method, input),
} satisfies RegistryBridge;

contextBridge.exposeInMainWorld('registry', bridge);
