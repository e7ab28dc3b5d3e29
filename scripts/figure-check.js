#!/usr/bin/env node
// Launcher for the TypeScript CLI: tsx compiles it on the fly, so `npx figure-check` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli/run.ts');
process.exitCode = main(process.argv.slice(2));
