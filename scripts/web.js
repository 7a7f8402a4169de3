#!/usr/bin/env node
// Browser mode: `npm run web` (builds the renderer first) or `node scripts/web.js` after a build.
import { register } from 'tsx/esm/api';

register();
await import('../src/core/host/web-main.ts');
