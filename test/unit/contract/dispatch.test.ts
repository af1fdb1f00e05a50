import { describe, expect, it } from 'vitest';
import { channels } from '../../../shared/contract/api-contract';
import { createDispatch } from '../../../electron/services/api/dispatch';
import { createHandlers } from '../../../electron/services/api/handlers';
import { ApiFailure } from '../../../shared/contract/result';
import { openTestServices } from '../../support/services';

describe('dispatch by the contract', () => {
  it.each(channels)('%s answers a malformed payload with a validation error, not a crash', async (channel) => {
    const { dispatch, services } = openTestServices();
    for (const bad of ['not an object', [1, 2, 3], 42, { id: 42, customerName: { nested: true }, includeArchived: 'yes' }]) {
      const result = await dispatch(channel, bad);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('validation');
        expect(result.error.message).toContain(channel);
      }
    }
    services.close();
  });

  it('refuses a channel the contract does not name', async () => {
    const { dispatch, services } = openTestServices();
    const result = await dispatch('fs:readFile', { path: '/etc/passwd' });
    expect(result).toEqual({ ok: false, error: { code: 'unknown_call', message: 'Unknown call: fs:readFile', messageId: 'error.unknownCall', values: { name: 'fs:readFile' } } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    services.close();
  });

  it('keeps unexpected failures out of the answer and in the log', async () => {
    const { services } = openTestServices();
    const handlers = createHandlers(services);
    const dispatch = createDispatch(
      {
        ...handlers,
        'cases:list': () => {
          throw new Error('disk on fire at /secret/path');
        },
      },
      services.logging,
    );
    const result = await dispatch('cases:list', {}, 'op-1234567890');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('/secret/path');
      // The user gets the first 8 characters of the operation id to quote to support.
      expect(result.error.message).toContain('reference op-12345');
    }
    const logged = services.logging.recentErrors();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'error', op: 'op-1234567890', error: 'disk on fire at /secret/path' });
    services.close();
  });

  it('refuses to return output the contract does not promise', async () => {
    const { services } = openTestServices();
    const dispatch = createDispatch(
      { ...createHandlers(services), 'cases:list': () => [{ id: 'not-a-case' }] as never },
      services.logging,
    );
    expect(await dispatch('cases:list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(services.logging.recentErrors()[0]?.error).toMatch(/broke the contract/);
    services.close();
  });

  it('passes ApiFailure from a service through as-is', async () => {
    const { services } = openTestServices();
    const dispatch = createDispatch({
      ...createHandlers(services),
      'cases:list': () => {
        throw new ApiFailure('conflict', 'Already done');
      },
    });
    expect(await dispatch('cases:list', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'Already done' } });
    services.close();
  });
});
