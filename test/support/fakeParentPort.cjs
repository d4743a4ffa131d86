// Loaded with `node -r` into the core host that test/support/fakeElectron.cjs starts in place of
// Electron's utility process: gives it `process.parentPort` as Electron does (postMessage, and
// 'message' events carrying `{ data }`), over Node's IPC channel.
process.parentPort = {
  postMessage: (message) => process.connected && process.send(message),
  on: (event, listener) => {
    if (event === 'message') process.on('message', (data) => listener({ data }));
  },
};
// The main process ends the host by a message; when it is gone, so is the host.
process.on('disconnect', () => process.exit(0));
