#!/usr/bin/env node
// Entry of the `tutti-server` command: runs the TypeScript server under Node through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
