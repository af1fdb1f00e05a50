import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { groundworkPlugin } from '../../../scripts/eslint/no-silent-catch.js';

const lint = (code: string): string[] => {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser as Linter.Parser },
      plugins: { groundwork: groundworkPlugin as never },
      rules: { 'groundwork/no-silent-catch': 'error' },
    },
  ], 'product.ts');
  return messages.map((m) => m.ruleId ?? m.message);
};

describe('no-silent-catch', () => {
  it.each([
    ['a bare catch', 'try { f(); } catch {}'],
    ['a bare catch that returns a default', 'const g = () => { try { return f(); } catch { return null; } };'],
    ['a caught error that is never used', 'try { f(); } catch (error) { g(); }'],
    ['a promise catch that drops it', 'p.catch(() => {});'],
    ['a then rejection handler that drops it', 'p.then(ok, () => undefined);'],
    ['an empty block that only claims to be handled', 'try { f(); } catch { /* handled: trust me */ }'],
    ['a throw only inside a nested function', 'try { f(); } catch { later(() => { throw new Error("x"); }); }'],
  ])('fails %s', (_what, code) => {
    expect(lint(code)).toEqual(['groundwork/no-silent-catch']);
  });

  it.each([
    ['an error that is logged', 'try { f(); } catch (error) { log.warn({ err: error }, "safe: cache only"); }'],
    ['a rethrow with a user-facing sentence', 'try { f(); } catch { throw new Failure("validation", "Not JSON"); }'],
    ['a promise catch that logs', 'p.catch((error) => log.error({ err: error }, "x"));'],
    ['a handled comment saying how the user is told', 'try { f(); } catch { /* handled: the probe result says "not available" */ show(); }'],
  ])('passes %s', (_what, code) => {
    expect(lint(code)).toEqual([]);
  });
});
