import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '@formatjs/icu-messageformat-parser';
import { argumentsOf, sampleValues } from '../../support/icu-messages';
import { createIntl } from 'react-intl';
import { en } from '../../../shared/i18n/messages-en';
import { uiEn } from '../../../shared/i18n/ui-messages-en';
import { serviceAreas, serviceEn, serviceFrCA, type ServiceMessageId } from '../../../shared/i18n/service-messages';
import { serviceCatalogueFor, serviceEnglish, serviceFailure } from '../../../shared/i18n/service-failure';
import { appCatalogueFor } from '../../../shared/i18n/ui-catalogue';
import { ApiFailure } from '../../../shared/contract/result';
import { createApiClient } from '../../../shared/contract/api-client';

const ids = Object.keys(serviceEn) as ServiceMessageId[];

/** The services, the API layer, the CLI and shared code outside the catalogues (status sentences): where refusals and statuses are said. */
const serviceSource = (): string => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && full !== path.join('shared', 'i18n')) walk(full);
      else if (/\.ts$/.test(entry.name)) out.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk('electron');
  walk('shared');
  return out.join('\n');
};

describe('service message catalogues (what a refusal says on screen)', () => {
  it('no id is defined in two areas, nor shared with a screen or report id', () => {
    const seen = new Map<string, number>();
    for (const area of serviceAreas) for (const id of Object.keys(area.en)) seen.set(id, (seen.get(id) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
    expect(ids.filter((id) => id in en || id in uiEn)).toEqual([]);
    for (const area of serviceAreas) expect(Object.keys(area.frCA).sort()).toEqual(Object.keys(area.en).sort());
  });

  it('French has every English id, non-empty, valid ICU with the same arguments and select options', () => {
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      expect(() => parse(serviceEn[id]), id).not.toThrow();
      expect(serviceFrCA[id].trim(), id).not.toBe('');
      expect(Object.fromEntries(argumentsOf(parse(serviceFrCA[id]))), id).toEqual(Object.fromEntries(argumentsOf(parse(serviceEn[id]))));
    }
  });

  it('formats every message in English, French and the pseudo-locale with sample values', () => {
    for (const locale of ['en', 'fr-CA', 'en-XA'] as const) {
      const intl = createIntl({ locale: locale === 'en-XA' ? 'en' : locale, messages: appCatalogueFor(locale), onError: (e) => { throw e; } });
      for (const id of ids) expect(() => intl.formatMessage({ id }, sampleValues(parse(serviceEn[id]))), `${locale} ${id}`).not.toThrow();
    }
    const pseudo = serviceCatalogueFor('en-XA');
    for (const id of ids) expect(pseudo[id], id).toMatch(/^⟦.*⟧$/s);
  });

  it('every id is used by a service, and every id a service names exists (no dead, no missing keys)', () => {
    const source = serviceSource();
    expect(ids.filter((id) => !source.includes(`'${id}'`))).toEqual([]);
    const named = new Set([...source.matchAll(/serviceFailure\(\s*'[a-z_]+',\s*'([\w.-]+)'/g)].map((m) => m[1] ?? ''));
    expect(named.size).toBeGreaterThan(5);
    expect([...named].filter((id) => !(id in serviceEn))).toEqual([]);
    // Ids are never built at run time: the scan above would not see them.
    expect(source.match(/serviceFailure\(\s*'[a-z_]+',\s*`/g) ?? []).toEqual([]);
  });

  it('French is written in French, with Québec typography', () => {
    const same = ids.filter((id) => serviceFrCA[id] === serviceEn[id]);
    expect(same).toEqual([]);
    for (const id of ids) {
      const literal = serviceFrCA[id].replace(/\{[^{}]*\}/g, '');
      expect(literal, `${id}: a plain space before : ; ! ? (use a no-break space)`).not.toMatch(/ [:;!?]/);
      expect(literal, `${id}: no space before ":"`).not.toMatch(/[^\s\u00a0\u202f]:/);
      expect(literal, `${id}: typographic apostrophe`).not.toMatch(/'/);
      expect(literal, `${id}: English quotes`).not.toMatch(/"/);
      expect(serviceFrCA[id], `${id}: Québec French says "courriel"`).not.toMatch(/\be-?mail\b/i);
    }
  });

  it('a refusal carries its English sentence for the CLI and its id and values through the envelope', async () => {
    // A case owned by Ada's laptop, refused on another: the screen reads it in French, the CLI in English.
    const failure = serviceFailure('forbidden', 'error.caseForeign', { engineer: 'Ada Lovelace', owner: 'ada-laptop', where: 'laptop' });
    expect(failure.message).toBe('This case belongs to Ada Lovelace (laptop ada-laptop) and is read-only here. Comments and proposals can still be added.');
    const client = createApiClient(async () => ({ ok: false, error: failure.toApiError() }));
    const thrown = await client.getCase({ id: 'x' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiFailure);
    const back = thrown as ApiFailure;
    expect(back.code).toBe('forbidden');
    expect(back.text).toEqual({ messageId: 'error.caseForeign', values: { engineer: 'Ada Lovelace', owner: 'ada-laptop', where: 'laptop' } });
    const french = createIntl({ locale: 'fr-CA', messages: appCatalogueFor('fr-CA') });
    expect(french.formatMessage({ id: back.text?.messageId }, back.text?.values)).toBe(
      'Ce dossier appartient à Ada Lovelace (ordinateur ada-laptop) et n’est ici qu’en lecture. Vous pouvez toujours y ajouter des commentaires et des offres.',
    );
    // Without a laptop name the parenthesis goes, in both languages.
    expect(serviceEnglish('error.caseForeign', { engineer: 'Ada', owner: '', where: 'none' })).toBe(
      'This case belongs to Ada and is read-only here. Comments and proposals can still be added.',
    );
  });
});
