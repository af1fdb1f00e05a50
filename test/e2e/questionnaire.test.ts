import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/contract/api-client';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors } from '../support/browser';
import { seriousAxeViolations } from '../support/axe';
import { tempDir } from '../support/temp-dir';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const goTo = (page: Page, hash: string) =>
  page.evaluate((h) => {
    window.location.hash = h;
  }, hash);

describe('pre-visit questionnaire, end to end in Chromium', () => {
  it('creates it for two stakeholders, the customer fills the offline form with the network blocked, and the answers come back as customer-provided', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const app = await startWebApp(dir);
    const dispatch = createDispatch(createHandlers(app.services));
    const api = createApiClient((channel, input) => dispatch(channel, input));
    const created = await api.createCase({ customerName: 'Érable & Fils', siteName: 'Québec' });

    // The engineer: choose IT lead and Finance, a cover message, create, download the IT lead's form.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(app.bridge.openUrl);
    await goTo(page, `#/cases/${created.id}/questionnaire`);
    await page.getByRole('heading', { name: 'Send questions before the visit' }).waitFor();
    await page.getByLabel('IT lead', { exact: true }).check();
    await page.getByLabel('Finance', { exact: true }).check();
    await page.getByLabel('Cover message (optional)').fill('Merci de répondre avant jeudi.');
    await page.getByRole('button', { name: 'Create questionnaire' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    expect(await seriousAxeViolations(page), 'axe on the questionnaire tab').toEqual([]);
    await saveScreenshot(page, 'e2e-questionnaire-tab');
    const [formDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download form' }).first().click()]);
    const formFile = path.join(dir, formDownload.suggestedFilename());
    await formDownload.saveAs(formFile);
    expect(path.basename(formFile)).toBe('questionnaire-Erable-Fils-it_lead.html');
    const [wordDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Word form' }).first().click()]);
    expect(wordDownload.suggestedFilename()).toBe('questionnaire-Erable-Fils-it_lead.docx');
    const wordFile = path.join(dir, wordDownload.suggestedFilename());
    await wordDownload.saveAs(wordFile);
    // A Word document (a zip), not an error page.
    expect(fs.readFileSync(wordFile).subarray(0, 2).toString('latin1')).toBe('PK');

    // The customer: the form from a file:// URL, every request outside the file refused and counted.
    const customer = await browser.newContext({ viewport: { width: 1000, height: 900 }, acceptDownloads: true });
    const requests: string[] = [];
    await customer.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const form = await customer.newPage();
    const formErrors = watchPageErrors(form);
    await form.goto(pathToFileURL(formFile).href);
    expect(await form.getByText('Merci de répondre avant jeudi.').isVisible()).toBe(true);
    const block = (id: string) => form.locator(`fieldset[data-question-id="${id}"]`);
    // The conditional branch: the blockers question appears only once a pilot is running or stalled.
    expect(await block('strategy.pilot_blockers').isHidden()).toBe(true);
    await block('strategy.pilot_status').getByLabel('A pilot finished but did not go into production').check();
    await expect.poll(() => block('strategy.pilot_blockers').isVisible()).toBe(true);
    await block('strategy.pilot_blockers').getByLabel('Data is scattered or not trustworthy').check();
    await block('strategy.user_count').locator('input[type=number]').fill('240');
    await form.getByLabel('Your name').fill('Marie-Ève Tremblay');

    // Half way: reload, and everything typed is still there.
    await form.reload();
    await expect.poll(() => block('strategy.user_count').locator('input[type=number]').inputValue()).toBe('240');
    expect(await form.getByLabel('Your name').inputValue()).toBe('Marie-Ève Tremblay');
    expect(await block('strategy.pilot_blockers').isVisible()).toBe(true);
    await block('strategy.device_count').locator('input[type=number]').fill('130');
    await block('compute.endpoint_age').getByLabel("I don't know").check();
    await saveScreenshot(form, 'e2e-questionnaire-form');
    const [answersDownload] = await Promise.all([form.waitForEvent('download'), form.getByRole('button', { name: 'Finish and save my answers' }).click()]);
    const answersFile = path.join(dir, answersDownload.suggestedFilename());
    await answersDownload.saveAs(answersFile);
    await expect.poll(() => form.locator('#gw-status').textContent()).toMatch(/^Done: 5 answers saved/);
    expect(requests).toEqual([]);
    expect(formErrors).toEqual([]);
    await customer.close();

    // The engineer imports the file; the interview shows the answers as the customer's.
    await page.locator('#questionnaire-import').setInputFiles(answersFile);
    await expect.poll(() => page.getByText(/Imported 5 answers from Marie-Ève Tremblay/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Marie-Ève Tremblay, /).first().isVisible()).toBe(true);
    await api.setInterviewPosition({ caseId: created.id, questionId: 'strategy.user_count', stakeholder: null });
    await goTo(page, `#/cases/${created.id}/interview`);
    await expect.poll(() => page.locator('section.question-card').getAttribute('data-question-id')).toBe('strategy.user_count');
    const badge = page.locator('.badge-customer');
    await expect.poll(() => badge.textContent()).toMatch(/From the customer \(Marie-Ève Tremblay, IT lead\): confirm or correct/);
    await expect.poll(() => page.locator('[data-answer-input="true"]').inputValue()).toBe('240');
    await saveScreenshot(page, 'e2e-questionnaire-customer-answer');
    // Confirm this one…
    await badge.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => badge.count()).toBe(0);
    // …and correct the next one by typing a different number.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('section.question-card').getAttribute('data-question-id')).toBe('strategy.device_count');
    expect(await page.locator('.badge-customer').count()).toBe(1);
    await page.locator('[data-answer-input="true"]').fill('145');
    await page.keyboard.press('Enter');

    await expect
      .poll(async () => {
        const answers = (await api.listAnswers({ caseId: created.id })).answers;
        const of = (id: string) => answers.find((a) => a.questionId === id);
        return [of('strategy.user_count')?.customerSource, of('strategy.device_count')?.value, of('strategy.device_count')?.customerSource, of('compute.endpoint_age')?.customerSource?.respondent];
      })
      .toEqual([null, 145, null, 'Marie-Ève Tremblay']);
    const blockers = (await api.listAnswers({ caseId: created.id })).answers.find((a) => a.questionId === 'strategy.pilot_blockers');
    expect(blockers?.value).toEqual(['data']);
    expect(fs.existsSync(answersFile)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
    await app.close();
  });
});
