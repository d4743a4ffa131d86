export * from './clubApi.ts';
export * from './ipc.ts';
export * from './methods.ts';
export * from './result.ts';
