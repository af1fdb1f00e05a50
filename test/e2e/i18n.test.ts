import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/contract/api-client';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors, type WebApp } from '../support/browser';
import { seriousAxeViolations } from '../support/axe';
import { repoRoot } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';
import { answerEverything, recordProbeRun } from '../integration/reports/full-case';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { uiEn } from '../../shared/i18n/ui-messages-en';
import { uiFrCA } from '../../shared/i18n/ui-messages-fr-ca';
import { en } from '../../shared/i18n/messages-en';
import { frCA } from '../../shared/i18n/messages-fr-ca';
import { serviceEn, serviceFrCA } from '../../shared/i18n/service-messages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A Québec partner's morning: four customers, one fully assessed. */
const seed = async (app: WebApp): Promise<{ api: ApiClient; assessed: string; draft: string }> => {
  const api = createApiClient((channel, input) => createDispatch(createHandlers(app.services), app.services.logging)(channel, input));
  const draft = await api.createCase({ customerName: 'Quincaillerie Gagnon et fils', siteName: 'Entrepôt de Laval', engineer: 'Marc-André Roy', title: 'Évaluation préliminaire' });
  const second = await api.createCase({ customerName: 'Cabinet Tremblay Avocats', siteName: 'Bureau de Québec', engineer: 'Julie Bouchard', title: 'Préparation à l’IA' });
  await api.updateCase({ id: second.id, status: 'in_progress' });
  const third = await api.createCase({ customerName: 'Clinique dentaire des Érables', siteName: 'Sherbrooke', engineer: 'Julie Bouchard', title: 'Réévaluation annuelle' });
  await api.updateCase({ id: third.id, status: 'in_progress' });
  const assessed = await api.createCase({
    customerName: 'Boulangerie Saint-Laurent inc.',
    siteName: 'Siège social, Montréal',
    engineer: 'Marc-André Roy',
    title: 'Évaluation de la préparation à l’IA',
    contacts: [{ name: 'Isabelle Côté', role: 'Directrice des finances', email: 'icote@example.ca', phone: '514 555-0199' }],
  });
  await answerEverything(api, assessed.id);
  recordProbeRun(app.services, assessed.id);
  return { api, assessed: assessed.id, draft: draft.id };
};

const open = async (app: WebApp, hash: string): Promise<{ page: Page; errors: string[] }> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(app.bridge.openUrl);
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  return { page, errors };
};

const go = async (page: Page, hash: string, heading: RegExp | string) => {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 15_000 }).toMatch(heading);
};

const expectAccessible = async (page: Page, screen: string) => {
  expect(await seriousAxeViolations(page), `axe on ${screen}`).toEqual([]);
};

/** Text that overflows its box: the page scrolls sideways, or a button, tab or badge cuts its label. */
const layoutProblems = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
    for (const el of document.querySelectorAll<HTMLElement>('button, a.button, .tab, .nav-link, .badge, th, label, legend')) {
      // Hidden and visually hidden (screen-reader only) labels have no box to overflow.
      if (el.getClientRects().length === 0 || el.closest('.visually-hidden')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') out.push(`clipped: ${el.tagName} "${(el.textContent ?? '').slice(0, 40)}"`);
      const box = el.getBoundingClientRect();
      if (box.right > root.clientWidth + 1) out.push(`off screen: ${el.tagName} "${(el.textContent ?? '').slice(0, 40)}"`);
    }
    return out;
  });

/**
 * Visible text the pseudo-locale did not write: every text node with letters must carry its accents
 * or brackets, unless it is the user's own data (dir="auto"), a code, a time, the brand or a bank text.
 */
const untranslatedText = (page: Page, scope = 'body'): Promise<string[]> =>
  page.evaluate((selector) => {
    const out: string[] = [];
    // A bank text ([data-bank-text]) is the bank's, in its own languages (bank --check lists what is missing).
    const skip = '[dir="auto"], code, time, .brand, svg, option, script, style, [data-user-text], [data-bank-text], .gw-report';
    const root = document.querySelector(selector);
    if (!root) return ['no element ' + selector];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      const parent = n.parentElement;
      if (!parent || !/[a-z]{2}/i.test(text) || parent.closest(skip) || parent.getClientRects().length === 0) continue;
      if (!/[⟦⟧ẋåƀçðéƒĝĥîĵķĺɱñöþŕšţûŵýžÅÇÐÉĜÎĹÑÖŔŠŢÛÝŽ]/.test(text)) out.push(`${parent.tagName.toLowerCase()}: "${text.trim().slice(0, 60)}"`);
    }
    return out;
  }, scope);

const literalsOf = (ast: readonly MessageFormatElement[], out: string[] = []): string[] => {
  for (const el of ast) {
    if (el.type === TYPE.literal) out.push(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) literalsOf(o.value, out);
    if (el.type === TYPE.tag) literalsOf(el.children, out);
  }
  return out;
};

/**
 * What English the catalogues would put on a screen: each message's sentences of two words or more
 * (the words between its arguments), and its one-word messages. Anything French also says is left out
 * ("Version", "Site", a customer's name), so a hit is English the French catalogue does not write.
 */
const catalogueTextOf = (messages: readonly string[]) => {
  const french = [...Object.values(uiFrCA), ...Object.values(frCA), ...Object.values(serviceFrCA)].join('\n');
  const frenchWhole = new Set([...Object.values(uiFrCA), ...Object.values(frCA), ...Object.values(serviceFrCA)].map((m) => m.trim()));
  const phrases = new Set<string>();
  const words = new Set<string>();
  for (const message of messages) {
    for (const literal of literalsOf(parse(message))) {
      for (const piece of literal.split(/[(){}·—:;,.!?…\n]+/)) {
        const phrase = piece.trim();
        if (/^[A-Za-z’'-]{2,}(\s+[A-Za-z’'-]{2,}){1,}$/.test(phrase) && phrase.length >= 9 && !french.includes(phrase)) phrases.add(phrase);
      }
    }
    const whole = message.trim();
    if (/^[A-Z][a-z]{3,}$/.test(whole) && !frenchWhole.has(whole)) words.add(whole);
  }
  return { phrases: [...phrases], words: [...words] };
};
const englishCatalogueText = catalogueTextOf([...Object.values(uiEn), ...Object.values(en), ...Object.values(serviceEn)]);

/**
 * The English of the probes, questionnaire status and links, branding and price book messages alone:
 * on the Probes tab the probes' own titles, messages and metric names are the measurements' words
 * (shared/probes), not these screens', so there the check is on what these screens write.
 */
const screenOwnText = catalogueTextOf(
  Object.entries(uiEn)
    .filter(([id]) => /^(probes|qstatus|qlinks|branding|priceBook)\./.test(id))
    .map(([, message]) => message),
);

/** English from the catalogues on a French screen: a sentence anywhere in a text, or a one-word label on its own. */
const englishOnFrenchScreen = (page: Page, scope = 'body', catalogue: { phrases: string[]; words: string[] } = englishCatalogueText, alsoSkip = ''): Promise<string[]> =>
  page.evaluate(
    ({ selector, phrases, words, extra }) => {
      const out: string[] = [];
      // The customer's own data, codes and a report previewed in its own (the customer's) language are not the app's words.
      const skip = `[dir="auto"], code, time, .brand, script, style, [data-user-text], .gw-report${extra ? `, ${extra}` : ''}`;
      const root = document.querySelector(selector);
      if (!root) return ['no element ' + selector];
      const single = new Set(words);
      const texts: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || parent.closest(skip)) continue;
        const text = (n.textContent ?? '').trim();
        if (text) texts.push(text);
        if (single.has(text)) out.push(`${parent.tagName.toLowerCase()}: "${text}"`);
      }
      for (const el of root.querySelectorAll<HTMLElement>('[aria-label], [placeholder], [title]')) {
        if (el.closest(skip)) continue;
        for (const attr of ['aria-label', 'placeholder', 'title']) {
          const value = el.getAttribute(attr);
          if (value) texts.push(value.trim());
          if (value && single.has(value.trim())) out.push(`${attr}: "${value}"`);
        }
      }
      const all = texts.join('\n');
      for (const phrase of phrases) {
        const at = all.search(new RegExp(`(^|[^\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u'));
        if (at >= 0) out.push(`"${phrase}" in "${all.slice(Math.max(0, at - 20), at + phrase.length + 20).replace(/\n/g, ' | ')}"`);
      }
      return out;
    },
    { selector: scope, ...catalogue, extra: alsoSkip },
  );

const docsShot = async (page: Page, name: string) => {
  const dir = path.join(repoRoot, 'docs/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
};

describe('the app in French (Canada) and in the pseudo-locale', () => {
  it('switches language in Settings without a restart and shows the main screens in French, accessible and unclipped', async () => {
    const app = await startWebApp(tempDir());
    try {
      const { assessed, draft } = await seed(app);
      const { page, errors } = await open(app, '#/settings');
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Settings' }).isVisible(), { timeout: 15_000 }).toBe(true);
      await page.getByLabel('Language of the app').selectOption('fr-CA');
      // Applied at once: the same page, no reload, now in French.
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Paramètres' }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Dossiers', exact: true }).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
      expect(await page.getByRole('status').filter({ hasText: 'L’application est maintenant en Français (Canada).' }).isVisible()).toBe(true);
      await expectAccessible(page, 'paramètres');
      expect(await layoutProblems(page)).toEqual([]);
      // The partner hub's enrolment in French.
      expect(await page.getByRole('heading', { name: 'Se connecter au serveur central de votre partenaire' }).isVisible()).toBe(true);
      expect(await englishOnFrenchScreen(page, '.sync-panel'), 'English on the partner hub').toEqual([]);

      // Branding: a new profile, its contrast warning and the cover preview, all in French.
      expect(await page.getByRole('heading', { name: 'Image de marque des rapports' }).isVisible()).toBe(true);
      expect(await page.getByText('Aucun profil pour l’instant\u00a0: les rapports portent l’image neutre de Groundwork.', { exact: false }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Nouveau profil' }).click();
      await page.getByLabel('Nom du profil').fill('Informatique Laurentides');
      await page.getByLabel('Nom du partenaire').fill('Informatique Laurentides inc.');
      await page.locator('.branding-color input.input').first().fill('#ffd966');
      const warning = page.getByRole('status').filter({ hasText: 'le niveau AA des WCAG exige 4,5\u00a0:\u00a01 pour le texte' });
      await expect.poll(() => warning.isVisible()).toBe(true);
      expect(await warning.textContent()).toMatch(/^La couleur principale #ffd966 offre un contraste de 1,\d\d\u00a0:\u00a01 avec le blanc/);
      await warning.getByRole('button', { name: /^Utiliser #[0-9a-f]{6}$/ }).click();
      await expect.poll(() => warning.count()).toBe(0);
      const preview = page.getByRole('region', { name: 'Aperçu d’une page couverture de rapport' });
      expect(await preview.getByText('Préparé par', { exact: true }).isVisible()).toBe(true);
      expect(await preview.getByText('Client Exemple inc.').isVisible()).toBe(true);
      expect(await page.getByRole('group', { name: 'Libellés de l’offre' }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
      await expect.poll(() => page.getByLabel('Fichier du logo').isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.getByRole('navigation', { name: 'Profils d’image de marque' }).getByText('Informatique Laurentides').isVisible()).toBe(true);
      await expectAccessible(page, 'image de marque');
      expect(await englishOnFrenchScreen(page, '.branding-settings'), 'English on image de marque').toEqual([]);
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-settings-branding');

      // Price book: a SKU the bank proposes, priced with a decimal comma and shown in fr-CA money.
      expect(await page.getByRole('heading', { name: 'Liste de prix' }).isVisible()).toBe(true);
      await page.getByText(/codes? SKU proposés? par la banque de questions/).click();
      await page.getByRole('button', { name: 'Fixer le prix' }).first().click();
      await page.getByLabel('Prix unitaire').fill('12,50');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(() => page.locator('.price-book td.num').first().textContent(), { timeout: 15_000 }).toBe('12,50\u00a0€');
      expect(await page.getByRole('columnheader', { name: 'Facturation' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Ajouter un article' }).isVisible()).toBe(true);
      await expectAccessible(page, 'liste de prix');
      expect(await englishOnFrenchScreen(page, '.price-book'), 'English on liste de prix').toEqual([]);
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-settings-price-book');

      await go(page, '#/cases', 'Dossiers');
      await expect.poll(() => page.getByRole('link', { name: 'Boulangerie Saint-Laurent inc.' }).isVisible()).toBe(true);
      expect(await page.getByRole('columnheader', { name: 'Technicien' }).isVisible()).toBe(true);
      expect(await page.getByText('En cours', { exact: true }).first().isVisible()).toBe(true);
      // Dates by locale: the month is French ("2 déc. 2026").
      expect(await page.locator('td time').first().textContent()).toMatch(/janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc/);
      await expectAccessible(page, 'dossiers');
      expect(await englishOnFrenchScreen(page), 'English on dossiers').toEqual([]);
      expect(await layoutProblems(page)).toEqual([]);
      await docsShot(page, 'cases-fr-ca');

      await go(page, '#/history', 'Historique');
      await expect.poll(() => page.getByRole('status').filter({ hasText: '4 mandats' }).isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.getByRole('combobox', { name: 'Trier' }).isVisible()).toBe(true);
      await expectAccessible(page, 'historique');
      expect(await englishOnFrenchScreen(page), 'English on historique').toEqual([]);
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-history');

      await go(page, `#/cases/${assessed}/overview`, 'Boulangerie Saint-Laurent inc.');
      expect(await page.getByRole('link', { name: 'Aperçu' }).isVisible()).toBe(true);
      expect(await page.getByText('Courriel').count()).toBe(0);
      await expectAccessible(page, 'aperçu du dossier');
      expect(await englishOnFrenchScreen(page), 'English on aperçu du dossier').toEqual([]);
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-case-overview');

      await go(page, '#/cases/new', 'Nouveau dossier');
      expect(await page.getByLabel('Courriel').count()).toBe(0);
      await page.getByRole('button', { name: 'Ajouter une personne-ressource' }).click();
      expect(await page.getByLabel('Courriel').isVisible()).toBe(true);
      // The form's own checks speak French too (the schema's English stays for the services and the CLI).
      await page.getByRole('button', { name: 'Créer le dossier' }).click();
      await expect.poll(() => page.getByText('Le nom du client est obligatoire').isVisible()).toBe(true);
      expect(await page.getByText('Le nom de la personne-ressource est obligatoire').isVisible()).toBe(true);
      await saveScreenshot(page, 'e2e-fr-ca-new-case-checks');
      await expectAccessible(page, 'nouveau dossier');
      expect(await englishOnFrenchScreen(page), 'English on nouveau dossier').toEqual([]);
      expect(await layoutProblems(page)).toEqual([]);

      await go(page, `#/cases/${assessed}/results`, 'Boulangerie Saint-Laurent inc.');
      await expect.poll(() => page.getByRole('heading', { name: 'Principaux constats' }).isVisible(), { timeout: 15_000 }).toBe(true);
      // Percent by locale: "confiance 87 %" with a no-break space.
      expect(await page.locator('.results-summary').textContent()).toMatch(/confiance \d+\u00a0%/);
      await expectAccessible(page, 'résultats');
      expect(await englishOnFrenchScreen(page), 'English on résultats').toEqual([]);
      expect(await layoutProblems(page)).toEqual([]);
      await docsShot(page, 'results-fr-ca');

      // The interview: the question, its options and help in the bank's French, the screen in the catalogue's.
      await go(page, `#/cases/${draft}/interview`, 'Quincaillerie Gagnon et fils');
      await expect.poll(() => page.getByRole('button', { name: /Suivante/ }).isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.getByRole('heading', { name: 'Résultats en direct' }).isVisible()).toBe(true);
      expect(await page.locator('.progress-line').textContent()).toMatch(/^Réponses\u00a0: 0 sur \d+ · environ \d+ min à faire$/);
      expect(await page.getByRole('button', { name: /^Je ne sais pas/ }).isVisible()).toBe(true);
      await expectAccessible(page, 'entrevue');
      expect(await layoutProblems(page)).toEqual([]);
      expect(await englishOnFrenchScreen(page), 'English on entrevue').toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-interview');

      // The questionnaire: its form, then what was sent, to whom and what came back.
      await go(page, `#/cases/${draft}/questionnaire`, 'Quincaillerie Gagnon et fils');
      await expect.poll(() => page.getByRole('heading', { name: 'Envoyer des questions avant la visite' }).isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.getByRole('heading', { name: 'Questionnaires envoyés' }).isVisible()).toBe(true);
      expect(await page.getByText('Rien d’envoyé pour l’instant').isVisible()).toBe(true);
      await page.getByLabel('Responsable TI').check();
      await expect.poll(() => page.getByRole('group', { name: /^Questions \(\d+ sur \d+\)$/ }).isVisible()).toBe(true);
      expect(await englishOnFrenchScreen(page, '[aria-labelledby="questionnaire-create-title"]'), 'English on questionnaire form').toEqual([]);
      await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
      const sent = page.locator('[aria-labelledby="questionnaire-status-title"]');
      await expect.poll(() => sent.getByRole('columnheader', { name: 'Réponses reçues' }).isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await sent.getByRole('columnheader', { name: 'Sans réponse' }).isVisible()).toBe(true);
      expect(await sent.getByRole('cell', { name: 'Responsable TI' }).isVisible()).toBe(true);
      expect(await sent.getByRole('cell', { name: 'Pas encore' }).isVisible()).toBe(true);
      expect(await sent.getByRole('button', { name: 'Télécharger le formulaire' }).isVisible()).toBe(true);
      expect(await sent.getByLabel('Importer un fichier de réponses ou un formulaire Word rempli').count()).toBe(1);
      expect(await sent.locator('tbody td').first().textContent()).toMatch(/janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc/);
      await expectAccessible(page, 'questionnaire');
      expect(await englishOnFrenchScreen(page), 'English on questionnaire').toEqual([]);
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-questionnaire');

      // Probes: the new-run form, the run history and the seeded run's results. The probes' titles,
      // messages and metric names are the measurements' own words (checked by their own tests).
      await go(page, `#/cases/${assessed}/probes`, 'Boulangerie Saint-Laurent inc.');
      const runForm = page.getByRole('form', { name: 'Nouvelle série de mesures' });
      await expect.poll(() => runForm.isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await runForm.getByRole('group', { name: 'Cibles' }).isVisible()).toBe(true);
      expect(await runForm.getByLabel('Serveur NTP').inputValue()).toBe('pool.ntp.org');
      expect(await runForm.getByRole('button', { name: /^Lancer (1 sonde|les \d+ sondes)$/ }).isVisible()).toBe(true);
      const runs = page.getByRole('region', { name: 'Historique des séries de mesures' });
      await expect.poll(() => runs.getByRole('button').first().textContent(), { timeout: 15_000 }).toMatch(/ · cet ordinateur · terminée · 2 réussies et 1 non disponible$| · cet ordinateur · terminée · 2 réussies, 1 non disponible$/);
      await expect.poll(() => page.locator('.probe-results > p.muted').first().textContent(), { timeout: 15_000 }).toMatch(/^Mesures prises sur test-host, le \d+ (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)/);
      expect(await page.getByRole('columnheader', { name: 'Diagnostic' }).first().isVisible()).toBe(true);
      expect(await page.getByText('Non disponible', { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('img', { name: /^Latence dans le temps, de [\d,]+ à [\d,]+\sms$/ }).isVisible()).toBe(true);
      // Measured values with a decimal comma and a no-break space before the unit ("38,2 ms").
      expect(await page.locator('.probe-metrics td').first().textContent()).toMatch(/^\d+(,\d+)?\u00a0ms$/);
      await expectAccessible(page, 'sondes');
      // A probe's own message ([data-probe-text]) is the measurement's words, not this screen's.
      expect(await englishOnFrenchScreen(page, 'body', screenOwnText, '[data-probe-text]'), 'English of the probes screen').toEqual([]);
      expect(await englishOnFrenchScreen(page, '.probe-form'), 'English on the probe form').toEqual([]);
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-probes');

      // Reports: the kinds, the export buttons and the proposal's settings in French; the preview is in
      // the case's report language (English here), and the export history reads dates and names in French.
      await go(page, `#/cases/${assessed}/reports`, 'Boulangerie Saint-Laurent inc.');
      await expect.poll(() => page.getByRole('button', { name: 'Exporter en PDF' }).isVisible(), { timeout: 15_000 }).toBe(true);
      await page.getByRole('radio', { name: 'Offre de services' }).click();
      await expect.poll(() => page.getByRole('group', { name: 'Taux de change' }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Exporter en HTML' }).click();
      await expect.poll(() => page.getByText(/^Enregistré sous /).isVisible(), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => page.locator('.reports-history td time').count()).toBe(1);
      expect(await page.locator('.reports-history td time').textContent()).toMatch(/janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc/);
      await expectAccessible(page, 'rapports');
      expect(await layoutProblems(page)).toEqual([]);
      expect(await englishOnFrenchScreen(page), 'English on rapports').toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-reports');

      // Proposal: totals in fr-CA money (decimal comma, the symbol after: "1 500,00 $", "0,00 €").
      await go(page, `#/cases/${assessed}/proposal`, 'Boulangerie Saint-Laurent inc.');
      await page.getByRole('button', { name: 'Nouvelle offre à partir des constats' }).click();
      await expect.poll(() => page.locator('.proposal-total').textContent(), { timeout: 15_000 }).toMatch(/^Frais uniques [\d\u202f\u00a0]+,\d\d\u00a0\S+ · mensualité [\d\u202f\u00a0]+,\d\d\u00a0\S+/);
      expect(await page.getByText('Brouillon', { exact: true }).first().isVisible()).toBe(true);
      await expectAccessible(page, 'offre');
      expect(await layoutProblems(page)).toEqual([]);
      expect(await englishOnFrenchScreen(page), 'English on offre').toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-proposal');
      expect(errors).toEqual([]);

      // A service's refusal reads in French too: the envelope carries its catalogue id and values.
      const missing = '00000000-0000-4000-8000-000000000000';
      await page.evaluate((h) => {
        window.location.hash = h;
      }, `#/cases/${missing}/overview`);
      await expect.poll(() => page.getByRole('alert').locator('p').first().textContent(), { timeout: 15_000 }).toBe(`Aucun dossier ne porte l’identifiant ${missing}`);
      expect(await page.getByRole('button', { name: 'Réessayer' }).isVisible()).toBe(true);
      expect(await englishOnFrenchScreen(page), 'English on a refusal').toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-refusal');

      // Still French after a reload: the setting is the installation's.
      await page.reload();
      await expect.poll(() => page.getByRole('link', { name: 'Paramètres', exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
      await page.close();
    } finally {
      await app.close();
    }
  });

  it('in the pseudo-locale every screen text is accented and 30 % longer, and no layout breaks', async () => {
    const app = await startWebApp(tempDir());
    try {
      const { api, assessed, draft } = await seed(app);
      await api.setAppLanguage({ language: 'en-XA' });
      const { page, errors } = await open(app, '#/cases');
      const screens: Array<[string, string, string]> = [
        ['#/cases', 'cases', 'body'],
        ['#/cases/new', 'new case', 'body'],
        ['#/history', 'history', 'body'],
        [`#/cases/${assessed}/overview`, 'case overview', 'body'],
        [`#/cases/${assessed}/results`, 'results', '.shell-header'],
        ['#/settings', 'settings', '.shell-header'],
        ['#/settings', 'settings partner hub', '.sync-panel'],
        ['#/settings', 'settings branding', '.branding-settings'],
        ['#/settings', 'settings price book', '.price-book'],
        [`#/cases/${draft}/interview`, 'interview', 'body'],
        [`#/cases/${assessed}/reports`, 'reports', 'body'],
        [`#/cases/${assessed}/proposal`, 'proposal', 'body'],
      ];
      for (const [hash, screen, scope] of screens) {
        await page.evaluate((h) => {
          window.location.hash = h;
        }, hash);
        await expect.poll(() => page.locator('h1').first().isVisible(), { timeout: 15_000 }).toBe(true);
        await expect.poll(() => page.locator('.state-loading').count(), { timeout: 15_000 }).toBe(0);
        expect(await untranslatedText(page, scope), `hard-coded text on ${screen}`).toEqual([]);
        expect(await layoutProblems(page), `layout of ${screen}`).toEqual([]);
        await expectAccessible(page, `${screen} (pseudo-locale)`);
        await saveScreenshot(page, `e2e-pseudo-${screen.replace(/ /g, '-')}`);
      }
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await app.close();
    }
  });
});
