export * from './clubApi.ts';
export * from './result.ts';
