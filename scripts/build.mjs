#!/usr/bin/env node
// Compiles src/, libs/ and migrations/ to dist/ with swc (path aliases rewritten to relative requires).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './lib/bootstrap-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
run(path.join(root, 'node_modules', '.bin', 'swc'), ['src', 'libs', 'migrations', 'bench', '-d', 'dist', '--ignore', '**/*.spec.ts', '--quiet'], { cwd: root });
