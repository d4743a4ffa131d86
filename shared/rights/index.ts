export * from './access.ts';
export * from './grants.ts';
export * from './roles.ts';
