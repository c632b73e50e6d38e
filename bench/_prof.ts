// temporary profiling harness (to be deleted)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '#platform/log/logger.ts';
import { readSystemConfig } from '../src/system/system-config.ts';
import { startSystem } from '../src/system/start-system.ts';
import { freePorts } from './free-port.ts';
import { runLoad } from './load.ts';
import { signIn, verifySignedInHome } from './sign-in.ts';

const PERSON = { email: 'maria@example.com', password: process.env.P ?? '', greeting: 'Welcome, Maria' };
