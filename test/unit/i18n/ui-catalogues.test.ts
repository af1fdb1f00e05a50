import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '@formatjs/icu-messageformat-parser';
import { argumentsOf, sampleValues } from '../../support/icu-messages';
import { createIntl } from 'react-intl';
import { en } from '../../../shared/i18n/messages-en';
import { uiEn, type UiMessageId } from '../../../shared/i18n/ui-messages-en';
import { uiFrCA } from '../../../shared/i18n/ui-messages-fr-ca';
import { appCatalogueFor, uiCatalogueFor } from '../../../shared/i18n/ui-catalogue';

const ids = Object.keys(uiEn) as UiMessageId[];
const locales = { 'fr-CA': uiFrCA as Record<string, string>, 'en-XA': uiCatalogueFor('en-XA') as Record<string, string> };

/** The renderer's source (and the portfolio CSV): the only places screen texts are used. */
const rendererFiles = (): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) out.push(full);
    }
  };
  walk('renderer');
  // The portfolio's CSV is written in the app's language, with the screen's column names and a few of its own.
  out.push('shared/history/portfolio-csv.ts');
  return out;
};

describe('screen message catalogues', () => {
  it('every English message parses as ICU and no screen id is also a report id', () => {
    for (const id of ids) expect(() => parse(uiEn[id]), id).not.toThrow();
    expect(ids.filter((id) => id in en)).toEqual([]);
  });

  for (const [locale, catalogue] of Object.entries(locales)) {
    it(`${locale} has exactly the English ids, each non-empty, valid ICU with the same arguments`, () => {
      expect(ids.filter((id) => !(id in catalogue))).toEqual([]);
      expect(Object.keys(catalogue).filter((id) => !(id in uiEn))).toEqual([]);
      for (const id of ids) {
        const message = catalogue[id] ?? '';
        expect(message.trim(), `${locale} ${id} is empty`).not.toBe('');
        expect(Object.fromEntries(argumentsOf(parse(message))), `${locale} ${id}`).toEqual(Object.fromEntries(argumentsOf(parse(uiEn[id]))));
      }
    });
  }

  it('formats every message in every locale with sample values (what the renderer does)', () => {
    for (const locale of ['en', 'fr-CA', 'en-XA'] as const) {
      const intl = createIntl({ locale: locale === 'en-XA' ? 'en' : locale, messages: appCatalogueFor(locale), onError: (e) => { throw e; } });
      for (const id of ids) expect(() => intl.formatMessage({ id }, sampleValues(parse(uiEn[id]))), `${locale} ${id}`).not.toThrow();
    }
  });

  it('every screen id is used by the renderer, and every id the renderer names exists (no dead, no missing keys)', () => {
    const texts = rendererFiles().map((f) => fs.readFileSync(f, 'utf8'));
    const all = texts.join('\n');
    const unused = ids.filter((id) => !all.includes(`'${id}'`));
    expect(unused).toEqual([]);
    // t('…'), rich('…') and label maps name ids as literals; a literal that looks like an id must be one.
    const named = new Set([...all.matchAll(/\b(?:t|rich)\(\s*'([\w.-]+)'/g)].map((m) => m[1] ?? ''));
    const known = new Set<string>([...ids, ...Object.keys(en)]);
    expect([...named].filter((id) => !known.has(id))).toEqual([]);
    // Ids are never built from pieces at run time (t(`status.${s}`)): the scan above would not see them.
    expect(all.match(/\b(?:t|rich)\(\s*`/g) ?? []).toEqual([]);
  });

  it('French is written in French, with Québec typography', () => {
    const same = ids.filter((id) => uiFrCA[id] === uiEn[id] && /[a-z]{3}/i.test(uiEn[id].replace(/\{[^}]*\}/g, '')));
    // Same in both by nature: "Version", "Site", "Question", "Points", "Questionnaire", "Internet", "Logo", "Description" and the index's level names.
    expect(same.sort()).toEqual(
      ['case.tab.questionnaire', 'qstatus.col.questions', 'probes.segment.internet', 'branding.logo', 'priceBook.description', 'interview.note', 'reports.col.format', 'reports.col.sha', 'reports.col.actions', 'proposalForm.sites', 'proposalForm.taxes', 'proposalForm.exclusions', 'proposals.col.total', 'cases.col.site', 'caseForm.site', 'levelName.chaser', 'levelName.follower', 'levelName.laggard', 'levelName.pacesetter', 'overview.site', 'results.col.points', 'results.col.question', 'settings.version'].sort(),
    );
    for (const id of ids) {
      const literal = uiFrCA[id].replace(/\{[^{}]*\}/g, '');
      expect(literal, `${id}: a plain space before : ; ! ? (use a no-break space)`).not.toMatch(/ [:;!?]/);
      expect(literal, `${id}: no space before ":"`).not.toMatch(/[^\s\u00a0\u202f]:/);
      expect(literal, `${id}: typographic apostrophe`).not.toMatch(/'/);
      expect(literal, `${id}: English quotes`).not.toMatch(/"/);
      expect(uiFrCA[id], `${id}: Québec French says "courriel"`).not.toMatch(/\be-?mail\b/i);
    }
  });

  it('the pseudo-locale accents every screen message and makes it at least 30 % longer', () => {
    const english = createIntl({ locale: 'en', messages: appCatalogueFor('en') });
    const pseudo = createIntl({ locale: 'en', messages: appCatalogueFor('en-XA') });
    for (const id of ids) {
      const values = sampleValues(parse(uiEn[id]));
      const a = english.formatMessage({ id }, values);
      const b = pseudo.formatMessage({ id }, values);
      expect(b.length, `${id}: ${a} → ${b}`).toBeGreaterThanOrEqual(Math.floor(a.length * 1.3));
      expect(b, id).toMatch(/^⟦.*⟧$/s);
    }
  });
});
