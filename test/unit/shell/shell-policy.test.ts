import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl, rendererFileFor } from '../../../electron/services/shell-policy';
import { platformUserDataDir, resolveDataDir } from '../../../electron/services/data-dir';

describe('shell policy', () => {
  it('treats only app://groundwork as the app', () => {
    expect(isAppUrl('app://groundwork/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://groundwork/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('opens only allow-listed https links externally', () => {
    expect(isAllowedExternalUrl('https://learn.microsoft.com/azure/cloud-adoption-framework/')).toBe(true);
    expect(isAllowedExternalUrl('http://learn.microsoft.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@github.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://github.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
  });

  it('serves only files inside the renderer folder', () => {
    const dir = path.resolve('/opt/groundwork/dist/renderer');
    expect(rendererFileFor('app://groundwork/', dir, path.join, path.sep)).toBe(path.join(dir, 'index.html'));
    expect(rendererFileFor('app://groundwork/assets/x.js', dir, path.join, path.sep)).toBe(path.join(dir, 'assets/x.js'));
    // The URL parser folds dot segments; an encoded slash would not be folded, so it is refused.
    expect(rendererFileFor('app://groundwork/%2e%2e/%2e%2e/secret', dir, path.join, path.sep)).toBe(path.join(dir, 'secret'));
    expect(rendererFileFor('app://groundwork/..%2f..%2fsecret', dir, path.join, path.sep)).toBeNull();
    expect(rendererFileFor('app://other/x.js', dir, path.join, path.sep)).toBeNull();
  });
});

describe('data directory', () => {
  it('follows --data-dir, then GROUNDWORK_DATA_DIR, then the platform folder', () => {
    expect(resolveDataDir('/a', { GROUNDWORK_DATA_DIR: '/b' }, () => '/c')).toBe(path.resolve('/a'));
    expect(resolveDataDir(undefined, { GROUNDWORK_DATA_DIR: '/b' }, () => '/c')).toBe(path.resolve('/b'));
    expect(resolveDataDir(undefined, {}, () => '/c')).toBe(path.resolve('/c'));
  });

  it('matches where Electron keeps userData on each platform', () => {
    expect(platformUserDataDir('linux', {}, '/home/e')).toBe('/home/e/.config/Groundwork');
    expect(platformUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/e')).toBe('/x/Groundwork');
    expect(platformUserDataDir('darwin', {}, '/Users/e')).toBe('/Users/e/Library/Application Support/Groundwork');
    expect(platformUserDataDir('win32', { APPDATA: 'C:\\Users\\e\\AppData\\Roaming' }, 'C:\\Users\\e')).toBe(
      'C:\\Users\\e\\AppData\\Roaming\\Groundwork',
    );
  });
});
