// Loaded with `--import` into a child that the stand-in `utilityProcess.fork` starts (fakeElectron.ts):
// gives it Electron's `process.parentPort` — messages arrive as events with `data`, and
// `postMessage` answers the parent — on top of Node's IPC channel. Like Electron's port, messages
// that arrive before the module listens (it loads after this preload) wait for its first listener.
import { EventEmitter } from 'node:events';

const port = new EventEmitter();
const early = [];
let listening = false;
port.postMessage = (message) => process.send(message);
process.on('message', (data) => (listening ? port.emit('message', { data, ports: [] }) : early.push(data)));
port.on('newListener', (event) => {
  if (event !== 'message' || listening) return;
  listening = true;
  // After the listener is attached (newListener fires before), in arrival order.
  queueMicrotask(() => {
    for (const data of early.splice(0)) port.emit('message', { data, ports: [] });
  });
});
process.parentPort = port;
