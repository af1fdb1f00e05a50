import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/contract/api-client';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { builtinBank } from '../../electron/services/interview/builtin-bank';
import { interviewSequence } from '../../renderer/features/interview/interview-model';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors, type WebApp } from '../support/browser';
import { tempDir } from '../support/temp-dir';

/**
 * Keyboard defects an engineer met on site, each proven here against the real app in Chromium:
 * every test fails on the behaviour before the fix (noted in each test).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const currentId = (page: Page) => page.locator('section.question-card').getAttribute('data-question-id');

const openInterview = async (app: WebApp, caseId: string) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(app.bridge.openUrl);
  await page.evaluate((id) => {
    window.location.hash = `#/cases/${id}/interview`;
  }, caseId);
  return { context, page, errors };
};

const apiOf = (app: WebApp) => {
  const dispatch = createDispatch(createHandlers(app.services));
  return createApiClient((channel, input) => dispatch(channel, input));
};

// What everyone is asked before any answer, in bank order: the test picks its questions from the
// bank itself so it follows bank versions.
const visible = () => interviewSequence(builtinBank(), new Map(), new Map(), null);

describe('interview keyboard defects, in Chromium', () => {
  it('"/" in a focused, empty text answer opens the search; nothing is written into the answer, and evidence lands on the question jumped to', { timeout: 90_000 }, async () => {
    const app = await startWebApp(tempDir());
    const api = apiOf(app);
    const created = await api.createCase({ customerName: 'Slash Co' });
    const textQuestion = visible().find((q) => q.question.type === 'text');
    const target = visible().find((q) => q.question.type === 'single' && q.question.id !== textQuestion?.question.id);
    if (!textQuestion || !target) throw new Error('the bank has no visible text or single-choice question');
    await api.setInterviewPosition({ caseId: created.id, questionId: textQuestion.question.id, stakeholder: null });
    const { context, page, errors } = await openInterview(app, created.id);
    await expect.poll(() => currentId(page)).toBe(textQuestion.question.id);
    // The text answer has the focus, as on every free-text question.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-answer-input'))).toBe('true');

    await page.keyboard.press('/');
    // Before the fix the "/" and the search words went into the answer and Enter saved "/…" as it.
    await page.keyboard.type(target.question.text);
    expect(await page.getByLabel('Jump to a question').inputValue()).toBe(target.question.text);
    await page.keyboard.press('Enter');
    await expect.poll(() => currentId(page)).toBe(target.question.id);

    await page.locator('input[type="file"]').setInputFiles({ name: 'switch-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('jpeg bytes') });
    await expect.poll(() => page.getByText('switch-photo.jpg').isVisible()).toBe(true);

    const state = await api.listAnswers({ caseId: created.id });
    const text = state.answers.find((a) => a.questionId === textQuestion.question.id);
    expect(text?.answered ?? false).toBe(false);
    expect(state.evidence.map((e) => [e.questionId, e.fileName])).toEqual([[target.question.id, 'switch-photo.jpg']]);
    expect(errors).toEqual([]);
    await context.close();
    await app.close();
  });

  it('typing "/" after other text in a text answer keeps it as text ("24/7")', { timeout: 60_000 }, async () => {
    const app = await startWebApp(tempDir());
    const api = apiOf(app);
    const created = await api.createCase({ customerName: 'Slash Co' });
    const textQuestion = visible().find((q) => q.question.type === 'text')!;
    await api.setInterviewPosition({ caseId: created.id, questionId: textQuestion.question.id, stakeholder: null });
    const { context, page } = await openInterview(app, created.id);
    await expect.poll(() => currentId(page)).toBe(textQuestion.question.id);
    await page.keyboard.type('Support 24/7');
    expect(await page.locator('[data-answer-input="true"]').inputValue()).toBe('Support 24/7');
    expect(await page.getByLabel('Jump to a question').inputValue()).toBe('');
    await context.close();
    await app.close();
  });

  it('Enter on the focused "Note and evidence" toggle opens it and stays on the question', { timeout: 60_000 }, async () => {
    const app = await startWebApp(tempDir());
    const api = apiOf(app);
    const created = await api.createCase({ customerName: 'Toggle Co' });
    // A question whose extras start closed (no note, no evidence expected).
    const closed = visible().find((q) => q.question.type === 'single' && !q.question.evidenceExpected)!;
    await api.setInterviewPosition({ caseId: created.id, questionId: closed.question.id, stakeholder: null });
    const { context, page, errors } = await openInterview(app, created.id);
    await expect.poll(() => currentId(page)).toBe(closed.question.id);
    const extras = page.locator('details.question-extras');
    expect(await extras.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.locator('details.question-extras > summary').focus();
    await page.keyboard.press('Enter');
    // Before the fix Enter moved to the next question and the toggle never opened.
    await expect.poll(() => extras.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await currentId(page)).toBe(closed.question.id);
    await saveScreenshot(page, 'e2e-interview-extras-open');
    expect(errors).toEqual([]);
    await context.close();
    await app.close();
  });

  it('"Add contact" by keyboard moves the focus into the new row, shows no error on it, and a space types into it', { timeout: 60_000 }, async () => {
    const app = await startWebApp(tempDir());
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(app.bridge.openUrl);
    await page.evaluate(() => {
      window.location.hash = '#/cases/new';
    });
    await page.getByLabel('Customer').waitFor();
    // A first submit with the customer missing: from now on the form shows errors as they come.
    await page.getByRole('button', { name: /Create/ }).click();
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Add contact' }).focus();
    await page.keyboard.press('Enter');
    // Before the fix the focus stayed on the button, the new row said "Contact name is required"
    // at once, and the space below pressed the button again (two rows).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id && document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent)).toMatch(/Contact 1 name/);
    expect(await page.getByText('Contact name is required').count()).toBe(0);
    await page.keyboard.type('Ana María');
    await page.keyboard.press('Space');
    await page.keyboard.type('Núñez');
    expect(await page.locator('.contact-row').count()).toBe(1);
    expect(await page.getByLabel(/Contact 1 name/).inputValue()).toBe('Ana María Núñez');

    // Leaving an empty new row does show its error once the form has been submitted.
    await page.getByRole('button', { name: 'Add contact' }).click();
    expect(await page.locator('.contact-row').count()).toBe(2);
    await page.getByLabel(/Contact 2 name/).press('Tab');
    await expect.poll(() => page.getByText('Contact name is required').count()).toBe(1);
    await saveScreenshot(page, 'e2e-case-form-contacts');
    expect(errors).toEqual([]);
    await context.close();
    await app.close();
  });
});
