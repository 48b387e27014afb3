#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so a checkout needs no build step for the command line.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
