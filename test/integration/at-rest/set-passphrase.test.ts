import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppServices } from '../../../electron/services/app-services';
import { keyFileIn } from '../../../electron/services/at-rest/key-file';
import { passphraseKeySource, WrongPassphraseError } from '../../../electron/services/at-rest/key-sources';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { testPassphrase } from '../../support/test-key';

const opened: TestServices[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.services.close();
});
const digest = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('setting and changing the passphrase from the app', () => {
  it('a wrong current passphrase or a mistyped new one is refused and changes nothing; the right one rewraps the key and the data opens under it', async () => {
    const dataDir = tempDir();
    const t = openTestServices(dataDir);
    opened.push(t);
    const created = await t.api.createCase({ customerName: 'Contoso Dental', siteName: 'Head office', engineer: 'Ada' });
    const keyFile = keyFileIn(dataDir);
    const before = digest(keyFile);
    const next = 'four words of my own, not the test one';

    await expect(t.api.setPassphrase({ current: 'not the passphrase', next, confirm: next })).rejects.toMatchObject({
      code: 'validation',
      message: 'The current passphrase is wrong. Nothing has been changed.',
    });
    await expect(t.api.setPassphrase({ next, confirm: next })).rejects.toMatchObject({ code: 'validation', message: /current passphrase/ });
    await expect(t.api.setPassphrase({ current: testPassphrase, next, confirm: `${next}!` })).rejects.toMatchObject({ code: 'validation', message: /differ/ });
    await expect(t.api.setPassphrase({ current: testPassphrase, next: 'short', confirm: 'short' })).rejects.toMatchObject({ code: 'validation', message: /12 characters/ });
    expect(digest(keyFile)).toBe(before);

    expect(await t.api.setPassphrase({ current: testPassphrase, next, confirm: next })).toEqual({ method: 'passphrase', warning: null });
    expect(digest(keyFile)).not.toBe(before);
    expect((await t.api.getAppInfo({})).keyProtection).toEqual({ method: 'passphrase', warning: null });
    // Still working in this session: the database key itself did not change.
    await t.api.updateCase({ id: created.id, title: 'After the change' });
    t.services.close();
    opened.pop();

    // The old passphrase opens nothing now, and says so without touching a file.
    const afterChange = digest(keyFile);
    expect(() => openAppServices(dataDir, { transport: 'cli', keySource: passphraseKeySource(testPassphrase, { warning: null }) })).toThrow(WrongPassphraseError);
    expect(digest(keyFile)).toBe(afterChange);
    // The new one opens everything, the edit made after the change included.
    const reopened = openAppServices(dataDir, { transport: 'cli', keySource: passphraseKeySource(next, { warning: null }) });
    try {
      expect(reopened.db.prepare('SELECT title FROM cases WHERE id = ?').pluck().get(created.id)).toBe('After the change');
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    } finally {
      reopened.close();
    }
  });
});
