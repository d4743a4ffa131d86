export * from './access.ts';
export * from './grants.ts';
export * from './grantText.ts';
export * from './roles.ts';
