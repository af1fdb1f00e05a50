import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/contract/api-client';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { tuneSync } from '../../electron/services/sync/sync-services';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors, type WebApp } from '../support/browser';
import { seriousAxeViolations } from '../support/axe';
import { useHubStores } from '../support/hub-stores';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../support/hub-process';
import { openTestServices, type TestServices } from '../support/services';
import { tempDir } from '../support/temp-dir';

const stores = useHubStores();
const fastRetry = { retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50 } };
let browser: Browser;
let where: HubLocation;
let hub: HubProcess;
const laptops: TestServices[] = [];
let app: WebApp | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  where = await stores.location('sqlite');
  hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
  hub = await HubProcess.start(where);
}, 120_000);
afterAll(async () => {
  await app?.close();
  for (const t of laptops) t.services.close();
  await browser?.close();
  await hub?.kill('SIGTERM');
});

const laptop = async (role: string, name: string): Promise<TestServices> => {
  const t = openTestServices(tempDir());
  laptops.push(t);
  tuneSync(t.services, fastRetry);
  await t.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', role), deviceName: name });
  return t;
};

describe('a conflict on the case page in Chromium', () => {
  it('shows both values with who and when, keeps the one picked, and the pick reaches the other desk', async () => {
    const engineer = await laptop('engineer', 'ada-laptop');
    const created = await engineer.api.createCase({ customerName: 'Contoso Dental', siteName: 'Head office', engineer: 'Ada Moss' });
    await engineer.api.syncNow({});

    // Amy's desk serves the app to Chromium; Ben's is a second desk.
    app = await startWebApp(tempDir());
    tuneSync(app.services, fastRetry);
    const dispatch = createDispatch(createHandlers(app.services), app.services.logging);
    const amy = createApiClient((channel, input) => dispatch(channel, input));
    await amy.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', 'account-manager'), deviceName: 'amy-desk' });
    const ben = await laptop('admin', 'ben-desk');
    await amy.syncNow({});
    const proposal = await amy.createProposal({ caseId: created.id, title: 'Contoso roadmap' });
    await amy.syncNow({});
    await ben.api.syncNow({});

    // Hub down: both edit the terms.
    await hub.stop();
    await amy.updateProposal({ id: proposal.id, terms: 'Net 30, invoiced monthly' });
    await ben.api.updateProposal({ id: proposal.id, terms: 'Net 45' });
    await hub.restart();
    await amy.syncNow({});
    await ben.api.syncNow({});
    await amy.syncNow({});

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(app.bridge.openUrl);
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('link', { name: 'Contoso Dental', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Conflicting changes' });
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    const text = (await panel.textContent()) ?? '';
    expect(text).toMatch(/Terms of Proposal “Contoso roadmap”: changed by (amy-desk and ben-desk|ben-desk and amy-desk) while offline/);
    expect(text).toContain('Net 30, invoiced monthly');
    expect(text).toContain('Net 45');
    expect(text).not.toMatch(/null|undefined|NaN/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'e2e-conflict-case-page');

    // Amy keeps Ben's "Net 45" whichever value shows now.
    await panel.locator('.conflict-choice', { hasText: 'Net 45' }).getByRole('button', { name: 'Keep this' }).click();
    await expect.poll(() => panel.count(), { timeout: 15_000 }).toBe(0);
    await page.getByRole('link', { name: 'Proposal', exact: true }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Terms' }).inputValue(), { timeout: 15_000 }).toBe('Net 45');
    expect(errors).toEqual([]);

    await amy.syncNow({});
    await ben.api.syncNow({});
    expect(await ben.api.listConflicts({})).toEqual([]);
    expect((await ben.api.listProposals({ caseId: created.id }))[0]!.terms).toBe('Net 45');
    await page.close();
    await context.close();
  }, 240_000);
});
