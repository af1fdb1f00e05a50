import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeviceLogging } from '../../../electron/services/log/logger';
import { tempDir } from '../../support/temp-dir';

const linesIn = (file: string): Record<string, unknown>[] =>
  fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('device log', () => {
  it('writes JSON lines carrying the operation id of the call they belong to', async () => {
    const dir = tempDir();
    const logging = createDeviceLogging({ dir });
    logging.log.info({ caseId: 'c1' }, 'outside');
    await logging.withOperation('op-abcdef12', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logging.log.info({ caseId: 'c1' }, 'inside, after an await');
    });
    logging.close();
    const [outside, inside] = linesIn(path.join(dir, 'groundwork.log'));
    expect(outside).toMatchObject({ msg: 'outside', caseId: 'c1', level: 30 });
    expect(outside).not.toHaveProperty('op');
    expect(inside).toMatchObject({ msg: 'inside, after an await', op: 'op-abcdef12' });
  });

  it('keeps customer fields out even when a record is logged whole', () => {
    const dir = tempDir();
    const logging = createDeviceLogging({ dir });
    logging.log.warn({ case: { id: 'c9', customerName: 'Müller GmbH', contact: 'anna@mueller.example' }, answer: 'We use ChatGPT' }, 'careless');
    logging.close();
    const text = fs.readFileSync(path.join(dir, 'groundwork.log'), 'utf8');
    expect(text).toContain('"id":"c9"');
    expect(text).not.toContain('Müller');
    expect(text).not.toContain('anna@');
    expect(text).not.toContain('ChatGPT');
  });

  it('rotates by size and keeps only the configured number of old files', () => {
    const dir = tempDir();
    // Each line is ~1,100 bytes; 4,000 bytes per file hold 3 lines, so 20 lines make 7 files,
    // of which the live one and 2 rotated ones are kept.
    const logging = createDeviceLogging({ dir, maxFileBytes: 4_000, keepFiles: 2 });
    for (let i = 0; i < 20; i += 1) logging.log.info({ i, pad: 'x'.repeat(1_000) }, 'line');
    logging.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['groundwork.1.log', 'groundwork.2.log', 'groundwork.log']);
    for (const file of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, file)).size).toBeLessThanOrEqual(4_000);
    // The newest line is in the live file.
    expect(linesIn(path.join(dir, 'groundwork.log')).at(-1)).toMatchObject({ i: 19 });
  });

  it('remembers recent warnings and errors for diagnostics, not info lines', () => {
    const logging = createDeviceLogging({});
    logging.log.info('fine');
    logging.log.warn('hub unreachable, will retry');
    logging.log.error({ err: new Error('disk full') }, 'write failed');
    expect(logging.recentErrors()).toMatchObject([
      { level: 'warn', msg: 'hub unreachable, will retry' },
      { level: 'error', msg: 'write failed', error: 'disk full' },
    ]);
  });
});
