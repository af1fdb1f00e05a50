import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { argumentsOf, sampleValues } from '../../support/icu-messages';
import { en, type MessageId } from '../../../shared/i18n/messages-en';
import { frCA } from '../../../shared/i18n/messages-fr-ca';
import { pseudoCatalogue, pseudoMessage } from '../../../shared/i18n/pseudo-locale';
import { createTranslator } from '../../../shared/i18n/translator';

const ids = Object.keys(en) as MessageId[];
const locales = { 'fr-CA': frCA as Record<string, string>, 'en-XA': pseudoCatalogue() as Record<string, string> };

/** The source files that may use a message id (everything but the catalogues themselves). */
const sourceText = (): string => {
  const roots = ['shared', 'electron', 'renderer'];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/messages-[\w-]+\.ts$/.test(entry.name)) files.push(full);
    }
  };
  for (const root of roots) walk(root);
  return files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
};

describe('message catalogues', () => {
  it('every English message parses as ICU', () => {
    for (const id of ids) expect(() => parse(en[id]), id).not.toThrow();
  });

  for (const [locale, catalogue] of Object.entries(locales)) {
    it(`${locale} has exactly the English ids, each valid ICU with the same arguments`, () => {
      const missing = ids.filter((id) => !(id in catalogue));
      const extra = Object.keys(catalogue).filter((id) => !(id in en));
      expect(missing).toEqual([]);
      expect(extra).toEqual([]);
      for (const id of ids) {
        const message = catalogue[id] ?? '';
        expect(message.trim(), `${locale} ${id} is empty`).not.toBe('');
        const ast = parse(message);
        expect(Object.fromEntries(argumentsOf(ast)), `${locale} ${id}`).toEqual(Object.fromEntries(argumentsOf(parse(en[id]))));
      }
    });
  }

  it('every id is used somewhere in the code (no dead messages)', () => {
    const text = sourceText();
    const unused = ids.filter((id) => !text.includes(`'${id}'`) && !text.includes(`"${id}"`));
    expect(unused).toEqual([]);
  });

  it('French is not English left in place: at most a handful of messages are the same in both', () => {
    // Same in both languages by nature: placeholders only, "Date", "Signature", "Action", "Exclusions", "Page … ".
    const same = ids.filter((id) => frCA[id] === en[id] && /[a-z]{3}/i.test(en[id].replace(/\{[^}]*\}/g, '')));
    expect(same.length).toBeLessThanOrEqual(12);
  });

  it('formats every message in every locale with sample values', () => {
    for (const locale of ['en', 'fr-CA', 'en-XA'] as const) {
      const tr = createTranslator(locale);
      for (const id of ids) expect(() => tr.t(id, sampleValues(parse(en[id]))), `${locale} ${id}`).not.toThrow();
    }
  });
});

describe('pseudo-locale', () => {
  it('accents every message and makes it at least 30 % longer, arguments untouched', () => {
    const pseudo = createTranslator('en-XA');
    const english = createTranslator('en');
    for (const id of ids) {
      const values = sampleValues(parse(en[id]));
      const a = english.t(id, values);
      const b = pseudo.t(id, values);
      expect(b.length, `${id}: "${a}" → "${b}"`).toBeGreaterThanOrEqual(Math.floor(a.length * 1.3));
      if (/[a-z]{2}/.test(a.replaceAll('Xyz', ''))) expect(b, id).toMatch(/[åéîöûñšçþŕĺ]/);
      for (const v of Object.values(values)) if (typeof v === 'string' && v === 'Xyz' && a.includes('Xyz')) expect(b, id).toContain('Xyz');
    }
  });

  it('keeps plural and select structure: "{count, plural, one {# day} other {# days}}"', () => {
    const m = pseudoMessage('{count, plural, one {# day} other {# days}}');
    expect(parse(m).length).toBeGreaterThan(0);
    expect(parse(m)[0]?.type).toBe(TYPE.literal);
    expect(createTranslator('en').intl.formatMessage({ id: 'x', defaultMessage: m }, { count: 1 })).toContain('1 ðåý');
    expect(m).toContain('ðåý');
  });
});

describe('locale formats', () => {
  it('writes money, percentages, rates and dates the Québec way in fr-CA and as before in English', () => {
    const fr = createTranslator('fr-CA').fmt;
    const enf = createTranslator('en').fmt;
    // 150000 minor units = 1 500,00: grouping and the "$" after the amount with no-break spaces.
    expect(fr.money(150000, 'CAD')).toBe('1\u00a0500,00\u00a0$');
    expect(enf.money(150000, 'CAD')).toBe('CAD 1,500.00');
    expect(fr.percent(0.42)).toBe('42\u00a0%');
    expect(fr.ratePercent(9.975)).toBe('9,975\u00a0%');
    expect(fr.date('2026-11-22')).toBe('22 novembre 2026');
    expect(enf.date('2026-11-22')).toBe('22 November 2026');
    expect(createTranslator('fr-CA').taxName('GST')).toBe('TPS');
    expect(createTranslator('fr-CA').taxName('QST')).toBe('TVQ');
    expect(createTranslator('fr-CA').taxName('Ontario levy')).toBe('Ontario levy');
  });
});
