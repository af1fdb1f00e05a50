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
    const skip = '[dir="auto"], code, time, .brand, svg, option, script, style, [data-user-text], .gw-report';
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

const docsShot = async (page: Page, name: string) => {
  const dir = path.join(repoRoot, 'docs/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
};

describe('the app in French (Canada) and in the pseudo-locale', () => {
  it('switches language in Settings without a restart and shows the main screens in French, accessible and unclipped', async () => {
    const app = await startWebApp(tempDir());
    try {
      const { assessed } = await seed(app);
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

      await go(page, '#/cases', 'Dossiers');
      await expect.poll(() => page.getByRole('link', { name: 'Boulangerie Saint-Laurent inc.' }).isVisible()).toBe(true);
      expect(await page.getByRole('columnheader', { name: 'Technicien' }).isVisible()).toBe(true);
      expect(await page.getByText('En cours', { exact: true }).first().isVisible()).toBe(true);
      // Dates by locale: the month is French ("2 déc. 2026").
      expect(await page.locator('td time').first().textContent()).toMatch(/janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc/);
      await expectAccessible(page, 'dossiers');
      expect(await layoutProblems(page)).toEqual([]);
      await docsShot(page, 'cases-fr-ca');

      await go(page, '#/history', 'Historique');
      await expect.poll(() => page.getByRole('status').filter({ hasText: '4 mandats' }).isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.getByRole('combobox', { name: 'Trier' }).isVisible()).toBe(true);
      await expectAccessible(page, 'historique');
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-history');

      await go(page, `#/cases/${assessed}/overview`, 'Boulangerie Saint-Laurent inc.');
      expect(await page.getByRole('link', { name: 'Aperçu' }).isVisible()).toBe(true);
      expect(await page.getByText('Courriel').count()).toBe(0);
      await expectAccessible(page, 'aperçu du dossier');
      expect(await layoutProblems(page)).toEqual([]);
      await saveScreenshot(page, 'e2e-fr-ca-case-overview');

      await go(page, '#/cases/new', 'Nouveau dossier');
      expect(await page.getByLabel('Courriel').count()).toBe(0);
      await page.getByRole('button', { name: 'Ajouter une personne-ressource' }).click();
      expect(await page.getByLabel('Courriel').isVisible()).toBe(true);
      await expectAccessible(page, 'nouveau dossier');
      expect(await layoutProblems(page)).toEqual([]);

      await go(page, `#/cases/${assessed}/results`, 'Boulangerie Saint-Laurent inc.');
      await expect.poll(() => page.getByRole('heading', { name: 'Principaux constats' }).isVisible(), { timeout: 15_000 }).toBe(true);
      // Percent by locale: "confiance 87 %" with a no-break space.
      expect(await page.locator('.results-summary').textContent()).toMatch(/confiance \d+\u00a0%/);
      await expectAccessible(page, 'résultats');
      expect(await layoutProblems(page)).toEqual([]);
      await docsShot(page, 'results-fr-ca');
      expect(errors).toEqual([]);

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
      const { api, assessed } = await seed(app);
      await api.setAppLanguage({ language: 'en-XA' });
      const { page, errors } = await open(app, '#/cases');
      const screens: Array<[string, string, string]> = [
        ['#/cases', 'cases', 'body'],
        ['#/cases/new', 'new case', 'body'],
        ['#/history', 'history', 'body'],
        [`#/cases/${assessed}/overview`, 'case overview', 'body'],
        [`#/cases/${assessed}/results`, 'results', '.shell-header'],
        ['#/settings', 'settings', '.shell-header'],
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
