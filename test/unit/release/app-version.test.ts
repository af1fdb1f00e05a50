import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appVersion } from '../../../shared/app-version';
import { repoRoot } from '../../support/run-cli';

/** One version for the app, the CLI, the collector and the hub: package.json, the constant and the changelog agree. */
describe('the version a build ships as', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const changelog = fs.readFileSync(path.join(repoRoot, 'CHANGELOG.md'), 'utf8');

  it('shared/app-version.ts is package.json’s version', () => {
    expect(appVersion).toBe(pkg.version);
  });

  it('the changelog has a section for it, below Unreleased', () => {
    const headings = [...changelog.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    expect(headings[0]).toBe('Unreleased');
    expect(headings.some((h) => h.split(/\s/)[0] === appVersion)).toBe(true);
  });
});
