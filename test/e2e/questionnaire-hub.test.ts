import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/contract/api-client';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { formSpecFor } from '../../electron/services/questionnaire/questionnaire-form';
import { HubClient, HubHttpError } from '../../electron/services/sync/hub-client';
import { tuneSync } from '../../electron/services/sync/sync-services';
import { linkPathOf } from '../../shared/questionnaire/hub-link-protocol';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors, type WebApp } from '../support/browser';
import { storeKinds, useHubStores } from '../support/hub-stores';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../support/hub-process';
import { openTestServices, type TestServices } from '../support/services';
import { tempDir } from '../support/temp-dir';

/**
 * The questionnaire's hub link, end to end: a real hub process (SQLite, then PostgreSQL), the
 * engineer's app over the loopback bridge, the customer in Chromium with no account. The customer
 * fills and sends the form served by the hub; the laptop's next sync brings the answers in as
 * customer-provided, keeping what the engineer had answered (and saying so); the link then works
 * no more, an expired or withdrawn link says why, and another partner's laptop reaches none of it.
 */

const stores = useHubStores();
const fastRetry = { retry: { maxAttempts: 40, baseDelayMs: 20, maxDelayMs: 250 } };
const hostileName = '<script>alert("name")</script> Érable & Fils';
const hostileCover = '<img src=x onerror=alert(1)> Merci de répondre avant jeudi. مرحبا 👋';
// Formula, markup, RTL and emoji at the head of a 99,000-character comment (the payload allows 100,000).
const hostileComment = `=HYPERLINK("http://evil.example","x") <script>alert(2)</script> \u202Eעברית 🎉 ${'x'.repeat(98_900)}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const tokenOf = async (t: { services: { tokenStore: { read(): Promise<string | null> } } }): Promise<string> => {
  const token = await t.services.tokenStore.read();
  if (!token) throw new Error('device has no hub token');
  return token;
};

describe.each(storeKinds)('questionnaire hub link with a real hub process on %s', (kind) => {
  let where: HubLocation;
  let hub: HubProcess;

  beforeAll(async () => {
    where = await stores.location(kind);
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hubCliOk(where, ['partner', 'create', '--name', 'Other MSP']);
    hub = await HubProcess.start(where);
  }, 120_000);
  afterAll(async () => {
    await hub?.kill('SIGTERM');
  });

  it('publishes one link per stakeholder, the customer sends the form from Chromium, the next sync brings the answers in; reuse, expiry, withdrawal and another partner are refused', { timeout: 300_000 }, async () => {
    const app: WebApp = await startWebApp(tempDir());
    let other: TestServices | undefined;
    const contexts: { close(): Promise<void> }[] = [];
    try {
      tuneSync(app.services, fastRetry);
      const dispatch = createDispatch(createHandlers(app.services));
      const api: ApiClient = createApiClient((channel, input) => dispatch(channel, input));
      await api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', 'engineer'), deviceName: 'ada-laptop' });
      other = openTestServices(tempDir());
      tuneSync(other.services, fastRetry);
      await other.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Other MSP', 'engineer'), deviceName: 'other-laptop' });

      const created = await api.createCase({ customerName: hostileName, siteName: 'Québec' });
      const questionnaire = await api.createQuestionnaire({ caseId: created.id, stakeholders: ['it_lead', 'finance'], coverMessage: hostileCover });
      // The engineer already knows the device count: the customer's figure must not replace it unasked.
      await api.answerQuestion({ caseId: created.id, questionId: 'strategy.device_count', value: 100 });

      // The engineer creates the links from the questionnaire tab.
      const engineer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(engineer);
      const page = await engineer.newPage();
      const appErrors = watchPageErrors(page);
      await page.goto(app.bridge.openUrl);
      await page.evaluate((h) => {
        window.location.hash = h;
      }, `#/cases/${created.id}/questionnaire`);
      await page.getByRole('button', { name: 'Create hub links' }).click();
      await expect.poll(() => page.locator('tr[data-link-state="open"]').count(), { timeout: 30_000 }).toBe(2);
      await saveScreenshot(page, `e2e-questionnaire-hub-links-${kind}`);
      const links = (await api.listQuestionnaires({ caseId: created.id }))[0]!.recipients.flatMap((r) => r.links);
      expect(links.map((l) => [l.stakeholder, l.state])).toEqual([
        ['it_lead', 'open'],
        ['finance', 'open'],
      ]);
      const itLink = links[0]!;
      expect(itLink.url.startsWith(`${hub.url}/q/`)).toBe(true);
      // 14 days by default: 14 × 86,400,000 ms after now, give or take the test's own run time.
      expect(Math.abs(Date.parse(itLink.expiresAt) - Date.now() - 14 * 86_400_000)).toBeLessThan(10 * 60_000);
      expect(links[1]!.url).not.toBe(itLink.url);

      // The customer: a fresh browser, no account; nothing but the hub's own address is reached.
      const customer = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      contexts.push(customer);
      const elsewhere: string[] = [];
      await customer.route('**/*', (route) => {
        if (route.request().url().startsWith(hub.url)) return route.continue();
        elsewhere.push(route.request().url());
        return route.abort();
      });
      const form = await customer.newPage();
      const formErrors = watchPageErrors(form);
      const dialogs: string[] = [];
      form.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const opened = await form.goto(itLink.url);
      expect(opened?.status()).toBe(200);
      const headers = opened?.headers() ?? {};
      expect(headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'; img-src data:; connect-src 'self'/);
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['cache-control']).toBe('no-store');
      // Hostile customer name and cover text are shown as text, never run.
      expect(await form.getByText(hostileName).isVisible()).toBe(true);
      expect(await form.getByText('Merci de répondre avant jeudi.', { exact: false }).isVisible()).toBe(true);
      expect(await form.locator('img[src="x"]').count()).toBe(0);

      const block = (id: string) => form.locator(`fieldset[data-question-id="${id}"]`);
      expect(await block('strategy.pilot_blockers').isHidden()).toBe(true);
      await block('strategy.pilot_status').getByLabel('A pilot finished but did not go into production').check();
      await expect.poll(() => block('strategy.pilot_blockers').isVisible()).toBe(true);
      await block('strategy.pilot_blockers').getByLabel('Data is scattered or not trustworthy').check();
      await block('strategy.user_count').locator('input[type=number]').fill('240');
      await form.getByLabel('Your name').fill('Marie-Ève <b>Tremblay</b>');
      // Half way: reload from the hub, and everything typed is still there.
      await form.reload();
      await expect.poll(() => block('strategy.user_count').locator('input[type=number]').inputValue()).toBe('240');
      expect(await block('strategy.pilot_blockers').isVisible()).toBe(true);
      await block('strategy.device_count').locator('input[type=number]').fill('130');
      await block('strategy.user_count').locator('summary').click();
      await form.locator('#note-strategy\\.user_count').fill(hostileComment);
      await saveScreenshot(form, `e2e-questionnaire-hub-form-${kind}`);
      await form.getByRole('button', { name: 'Send my answers' }).click();
      await expect.poll(() => form.locator('#gw-status').textContent(), { timeout: 30_000 }).toMatch(/^Thank you: 4 answers sent to /);
      expect(elsewhere).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(formErrors).toEqual([]);

      // Used once: the page says so, and a second submission is refused.
      const reopened = await form.goto(itLink.url);
      expect(reopened?.status()).toBe(410);
      expect(await form.getByRole('heading', { name: 'These answers were already sent' }).isVisible()).toBe(true);
      await saveScreenshot(form, `e2e-questionnaire-hub-used-${kind}`);
      const again = await fetch(itLink.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: '{}' }) });
      expect(again.status).toBe(410);
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe('already_used');

      // Another partner's laptop sees none of it and can withdraw none of it.
      const otherClient = new HubClient(hub.url, await tokenOf(other));
      expect((await otherClient.submittedQuestionnaireAnswers()).answers).toEqual([]);
      await expect(otherClient.revokeQuestionnaireLink(itLink.id)).rejects.toMatchObject({ status: 404 });
      await expect(otherClient.collectedQuestionnaireAnswers([itLink.id])).resolves.toBe(0);

      // The engineer's next sync brings the answers in as the customer's, theirs kept.
      await api.syncNow({});
      const answers = (await api.listAnswers({ caseId: created.id })).answers;
      const of = (id: string) => answers.find((a) => a.questionId === id);
      expect(of('strategy.user_count')?.value).toBe(240);
      expect(of('strategy.user_count')?.customerSource).toMatchObject({ channel: 'hub-link', stakeholder: 'it_lead', respondent: 'Marie-Ève <b>Tremblay</b>', questionnaireId: questionnaire.id });
      expect(of('strategy.user_count')?.note).toBe(`Marie-Ève <b>Tremblay</b>: ${hostileComment}`);
      expect(of('strategy.pilot_blockers')?.value).toEqual(['data']);
      expect(of('strategy.device_count')).toMatchObject({ value: 100, customerSource: null });
      const answered = (await api.listQuestionnaires({ caseId: created.id }))[0]!.recipients[0]!;
      expect(answered.links[0]).toMatchObject({ state: 'answered', keptEngineerAnswers: ['strategy.device_count'], importError: null });
      expect(answered.returned).toHaveLength(1);
      // The hub forgot the answers once collected.
      expect((await new HubClient(hub.url, await tokenOf(app)).submittedQuestionnaireAnswers()).answers).toEqual([]);

      // The tab shows it; the engineer takes the customer's device count after all.
      await page.reload();
      await expect.poll(() => page.locator('tr[data-link-state="answered"]').count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => page.getByText('The customer also answered 1 question you had already answered: your answers were kept.').isVisible()).toBe(true);
      await saveScreenshot(page, `e2e-questionnaire-hub-answered-${kind}`);
      await page.getByRole('button', { name: "Take the customer's answers instead" }).click();
      await expect
        .poll(async () => (await api.listAnswers({ caseId: created.id })).answers.find((a) => a.questionId === 'strategy.device_count')?.customerSource?.channel)
        .toBe('hub-link');
      // A second sync changes nothing more.
      const before = (await api.listAnswers({ caseId: created.id })).answers;
      await api.syncNow({});
      expect((await api.listAnswers({ caseId: created.id })).answers).toEqual(before);

      // The interview shows the customer's answer as such.
      await api.setInterviewPosition({ caseId: created.id, questionId: 'strategy.user_count', stakeholder: null });
      await page.evaluate((h) => {
        window.location.hash = h;
      }, `#/cases/${created.id}/interview`);
      await expect.poll(() => page.locator('.badge-customer').textContent(), { timeout: 30_000 }).toMatch(/From the customer \(Marie-Ève <b>Tremblay<\/b>, IT lead\): confirm or correct/);

      // Withdrawn: the finance link's page says so, and answers cannot be sent with it.
      await api.revokeQuestionnaireLink({ linkId: links[1]!.id });
      const withdrawn = await form.goto(links[1]!.url);
      expect(withdrawn?.status()).toBe(410);
      expect(await form.getByRole('heading', { name: 'This link was withdrawn' }).isVisible()).toBe(true);
      const late = await fetch(links[1]!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: '{}' }) });
      expect(late.status).toBe(410);

      // Expired: a link published (straight through the hub API) to close in three seconds.
      const engineerClient = new HubClient(hub.url, await tokenOf(app));
      const short = await engineerClient.publishQuestionnaireLink({
        form: formSpecFor(app.services.db, questionnaire.id, 'finance'),
        expiresAt: new Date(Date.now() + 3_000).toISOString(),
      });
      const shortUrl = `${hub.url}${linkPathOf(short.token)}`;
      await expect.poll(async () => (await fetch(shortUrl)).status, { timeout: 60_000, interval: 500 }).toBe(410);
      await form.goto(shortUrl);
      expect(await form.getByRole('heading', { name: 'This link has expired' }).isVisible()).toBe(true);
      await saveScreenshot(form, `e2e-questionnaire-hub-expired-${kind}`);
      const expiredPost = await fetch(shortUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: '{}' }) });
      expect(expiredPost.status).toBe(410);
      // A publish that is already expired, or open longer than 90 days, is refused.
      await expect(engineerClient.publishQuestionnaireLink({ form: formSpecFor(app.services.db, questionnaire.id, 'finance'), expiresAt: new Date(Date.now() - 1_000).toISOString() })).rejects.toBeInstanceOf(HubHttpError);
      await expect(
        engineerClient.publishQuestionnaireLink({ form: formSpecFor(app.services.db, questionnaire.id, 'finance'), expiresAt: new Date(Date.now() + 91 * 86_400_000).toISOString() }),
      ).rejects.toMatchObject({ status: 400 });

      // A token that was never issued: a plain page, 404.
      const unknown = await form.goto(`${hub.url}${linkPathOf('A'.repeat(43))}`);
      expect(unknown?.status()).toBe(404);
      expect(await form.getByRole('heading', { name: 'This link does not work' }).isVisible()).toBe(true);
      expect(appErrors).toEqual([]);
    } finally {
      for (const c of contexts) await c.close().catch(() => undefined);
      other?.services.close();
      await app.close();
    }
  });
});
