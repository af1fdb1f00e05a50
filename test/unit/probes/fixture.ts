import fs from 'node:fs';
import path from 'node:path';

export const fixture = (name: string): string => fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/probes', name), 'utf8');
