import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/contract/api-client';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { tuneSync } from '../../electron/services/sync/sync-services';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors } from '../support/browser';
import { seriousAxeViolations } from '../support/axe';
import { answerAll, extremeAnswer } from '../support/answer-all';
import { bankQuestions } from '../../shared/interview/parse-bank';
import { useHubStores } from '../support/hub-stores';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../support/hub-process';
import { openTestServices, type TestServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { recordProbeRun } from '../integration/reports/full-case';
import { docxPart, docxText, fold } from '../integration/reports/document-tools';

const stores = useHubStores();
let browser: Browser;
let where: HubLocation;
let hub: HubProcess;
const engineers: TestServices[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  where = await stores.location('sqlite');
  hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
  hub = await HubProcess.start(where);
});
afterAll(async () => {
  for (const t of engineers) t.services.close();
  await browser?.close();
  await hub?.kill('SIGTERM');
});

const engineerLaptop = async (name: string): Promise<TestServices> => {
  const t = openTestServices(tempDir());
  engineers.push(t);
  tuneSync(t.services, { retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 } });
  await t.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', 'engineer'), deviceName: name });
  return t;
};

describe("the account manager's desk in Chromium", () => {
  it('History → partner case → Results → Reports export → Proposal → Compare with the earlier visit by another engineer', async () => {
    // Last year Bo assessed Contoso Dental; this year Ada did. Both synced from their own laptops.
    const bo = await engineerLaptop('bo-laptop');
    const earlier = await bo.api.createCase({ customerName: 'Contoso Dental', siteName: 'Head office', engineer: 'Bo Lind', title: 'AI readiness 2025' });
    await answerAll(bo.api, earlier.id, false);
    await bo.api.syncNow({});
    const ada = await engineerLaptop('ada-laptop');
    const latest = await ada.api.createCase({ customerName: 'Contoso Dental', siteName: 'Head office', engineer: 'Ada Moss', title: 'AI readiness 2026' });
    await answerAll(ada.api, latest.id, true);
    // One weak answer, so the case has a finding the proposal can price.
    const backup = bankQuestions(await ada.api.getActiveQuestionBank({})).find(({ question }) => question.id === 'operations.backup')!.question;
    await ada.api.answerQuestion({ caseId: latest.id, questionId: backup.id, value: extremeAnswer(backup, false) });
    recordProbeRun(ada.services, latest.id);
    await ada.api.completeCase({ id: latest.id });
    // What Ada handed over on site: the desk sees its record (its inputs stay on her laptop).
    await ada.api.exportReport({ caseId: latest.id, kind: 'executive', format: 'pdf' });
    await ada.api.syncNow({});

    // The account manager's laptop serves the app to Chromium and syncs like any other.
    const app = await startWebApp(tempDir());
    const dispatch = createDispatch(createHandlers(app.services), app.services.logging);
    const api = createApiClient((channel, input) => dispatch(channel, input));
    await api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', 'account-manager'), deviceName: 'amy-desk' });
    await api.syncNow({});
    // The desk's price book prices every SKU the bank's findings ask for.
    for (const [i, s] of (await api.listQuestionBankSkus({})).entries()) {
      await api.savePriceBookItem({ sku: s.sku, description: `Service ${s.sku}`, unitPriceMinor: 10_000 + i * 500, currency: 'EUR', quantityRule: 'fixed', recurring: false });
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(app.bridge.openUrl);
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await page.getByRole('combobox', { name: /^Cases/ }).selectOption('partner');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'engagements' }).textContent()).toBe('2 engagements');
    await page.locator('.history-filters').getByLabel('Engineer', { exact: true }).fill('Ada Moss');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'engagement' }).textContent()).toBe('1 engagement');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'e2e-desk-history');

    // Ada's case opens like a local one, marked as hers and read-only.
    await page.getByRole('link', { name: 'Contoso Dental', exact: true }).click();
    await expect.poll(() => page.getByRole('note').textContent()).toMatch(/Ada Moss.s case from ada-laptop: read-only here/);
    expect(await page.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Re-assess' }).count()).toBe(0);
    await page.getByRole('textbox', { name: 'Add a comment' }).fill('Ready for the roadmap call.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => page.getByText('Ready for the roadmap call.').isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'e2e-desk-partner-case');

    // Results: the same level and score as on Ada's laptop.
    const score = await ada.api.getCaseScore({ caseId: latest.id });
    await page.getByRole('link', { name: 'Results', exact: true }).click();
    const shownIndex = async () => Number(/Index ([\d.]+) \/ 100/.exec((await page.locator('.results-summary').textContent()) ?? '')?.[1]);
    await expect.poll(shownIndex, { timeout: 15_000 }).toBeCloseTo(score.index, 1);
    expect(score.index).toBeLessThan(100);
    await saveScreenshot(page, 'e2e-desk-results');

    // Reports: the technical report of another engineer's case, exported.
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('radio', { name: 'Technical findings report' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export HTML' }).click();
    expect((await (await download).suggestedFilename()).endsWith('.html')).toBe(true);
    // The list has both: Ada's PDF from her laptop (rendered again only there) and the desk's own HTML.
    const adaRow = page.getByRole('row').filter({ hasText: 'on ada-laptop' });
    await expect.poll(() => adaRow.textContent(), { timeout: 15_000 }).toContain('Rendered again only on ada-laptop');
    expect(await adaRow.getByRole('button').count()).toBe(0);
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'on amy-desk' }).getByRole('button', { name: 'Download again' }).count()).toBe(1);
    await saveScreenshot(page, 'e2e-desk-reports');

    // Proposal: made from the findings, sent.
    await page.getByRole('link', { name: 'Proposal', exact: true }).click();
    await page.getByRole('button', { name: 'New proposal from the findings' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Proposal for Contoso Dental' }).isVisible()).toBe(true);
    expect(await page.locator('.proposal-card tbody tr').count()).toBeGreaterThan(0);
    const discount = page.getByRole('spinbutton', { name: 'Discount (%)' });
    await discount.fill('10');
    await discount.blur();
    await expect.poll(() => page.locator('.proposal-total').textContent()).toContain('(after 10 % discount)');
    // Its document prints this proposal: its title on the cover, 10 % off the lines.
    const proposalFile = page.waitForEvent('download');
    await page.locator('.proposal-card').getByRole('button', { name: 'Export Word' }).click();
    const word = fold(docxText(docxPart((await (await proposalFile).path())!, 'word/document.xml')));
    expect(word.toUpperCase()).toContain('PROPOSAL FOR CONTOSO DENTAL');
    expect(word).toContain('Discount (10 %)');
    await page.getByRole('button', { name: 'Mark sent' }).click();
    await expect.poll(() => page.locator('.proposal-card .badge').textContent()).toBe('Sent');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'e2e-desk-proposal');

    // Compare with last year's visit by Bo, from the customer's timeline.
    await page.getByRole('link', { name: 'Timeline' }).click();
    const picks = page.getByRole('checkbox', { name: 'Pick for comparison' });
    await expect.poll(() => picks.count()).toBe(2);
    await picks.nth(0).check();
    await picks.nth(1).check();
    await page.getByRole('link', { name: 'Compare the two' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Compare assessments' }).isVisible()).toBe(true);
    // Bo's visit last year on one side, Ada's this year on the other, with the change between them.
    const heads = page.locator('.compare-head .case-link');
    await expect.poll(() => heads.allTextContents()).toEqual(['AI readiness 2025', 'AI readiness 2026']);
    const delta = (await ada.api.getCaseScore({ caseId: latest.id })).index - (await bo.api.getCaseScore({ caseId: earlier.id })).index;
    expect(delta).toBeGreaterThan(0);
    expect(await page.locator('.compare-head .big-number').textContent()).toMatch(/^\+\d/);
    // Measurements by their names, as in the reports: never a dotted metric id.
    const measured = await page.locator('table').filter({ hasText: 'Round-trip time to the gateway' }).innerText();
    expect(measured).not.toMatch(/\b[a-z]+\.[a-z0-9_]+\b/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'e2e-desk-compare');
    expect(errors).toEqual([]);

    // The engineer sees the proposal and the comment after syncing.
    await api.syncNow({});
    await ada.api.syncNow({});
    expect((await ada.api.listProposals({ caseId: latest.id })).map((p) => p.status)).toEqual(['sent']);
    expect((await ada.api.listComments({ caseId: latest.id })).map((c) => [c.author, c.body])).toEqual([['amy-desk', 'Ready for the roadmap call.']]);
    await page.close();
    await app.close();
  }, 240_000);
});
