import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { checkAnswerValue } from '../../shared/interview/answer-values';
import type { Question } from '../../shared/interview/bank-schema';
import { formSpecSchema, renderFormHtml, renderNoticePage, type FormSpec } from '../../shared/questionnaire/form-html';
import {
  collectRequestSchema,
  customerSubmissionSchema,
  linkPathOf,
  linkTokenSchema,
  maxLinkLifetimeDays,
  maxSubmittedPayloadChars,
  publishLinkRequestSchema,
} from '../../shared/questionnaire/hub-link-protocol';
import { answersPayloadSchema, type AnswersPayload } from '../../shared/questionnaire/questionnaire-schemas';
import type { DeviceRecord, HubStore, QuestionnaireLinkRecord } from '../store/hub-store';
import { HubFailure, sha256Hex } from '../sync/hub-service';
import { failureLimiter, jsonDepthExceeds, maxJsonDepth, type FailureLimit } from './request-limits';

/**
 * Pre-visit questionnaire links. Devices publish a stakeholder's form and collect the answers
 * (/v1/, device token); customers open /q/<token> and post their answers with the token alone.
 * Every lookup goes through the token's hash or the device's own partner and device id, so a token
 * reaches one link only and a device never sees another partner's (or another laptop's) links.
 */

const sha256Base64 = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('base64');

const parse = <S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  throw new HubFailure(400, 'validation', `Invalid ${what}: ${where}${first?.message ?? 'invalid'}`.slice(0, 300));
};

/** The publish body: a form of up to 300 questions and a logo. */
const publishBodyLimit = 4 * 1024 * 1024;
/** The customer's answers (JSON-escaped, so up to twice the payload text) and the envelope. */
const submitBodyLimit = 2 * maxSubmittedPayloadChars + 1024;

const pageHeaders = (reply: FastifyReply, csp: string): FastifyReply =>
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', `${csp}; frame-ancestors 'none'`)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    // The token is in the address: never in a Referer, never in a cache.
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store');

const dateText = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';

const senderOf = (link: QuestionnaireLinkRecord): string => {
  const spec = formSpecSchema.safeParse(safeJson(link.form));
  return spec.success && spec.data.branding.partnerName.trim() ? spec.data.branding.partnerName : 'the person who sent it to you';
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    // handled: a form that does not parse is treated as absent (the page then names no sender).
    return undefined;
  }
};

type LinkState = 'open' | 'submitted' | 'revoked' | 'expired';

const stateOf = (link: QuestionnaireLinkRecord, now: number): LinkState => {
  if (link.submittedAt) return 'submitted';
  if (link.revokedAt) return 'revoked';
  if (Date.parse(link.expiresAt) <= now) return 'expired';
  return 'open';
};

/** What the customer reads when a link cannot be used; the same words on the page and in the JSON. */
const closedNotice = (state: Exclude<LinkState, 'open'>, link: QuestionnaireLinkRecord): { title: string; paragraphs: string[] } => {
  const sender = senderOf(link);
  switch (state) {
    case 'submitted':
      return {
        title: 'These answers were already sent',
        paragraphs: [`Answers were sent with this link on ${dateText(link.submittedAt as string)}. Each link works once.`, `To change an answer, ask ${sender} for a new link.`],
      };
    case 'revoked':
      return { title: 'This link was withdrawn', paragraphs: [`${sender} withdrew this questionnaire link.`, 'Ask them for a new one if you still want to answer.'] };
    case 'expired':
      return { title: 'This link has expired', paragraphs: [`It was open until ${dateText(link.expiresAt)}.`, `Ask ${sender} for a new link.`] };
  }
};

const unknownNotice = {
  title: 'This link does not work',
  paragraphs: ['Check that the whole link was copied from the email.', 'If it still does not open, ask the person who sent it for a new one.'],
};

/** The answers must be to this link's form: its questionnaire, case, bank, stakeholder and questions, with values its questions accept. */
const checkAgainstForm = (answers: AnswersPayload, form: FormSpec): void => {
  const refuse = (message: string): never => {
    throw new HubFailure(400, 'bad_answers', message);
  };
  if (answers.questionnaireId !== form.questionnaireId || answers.caseId !== form.caseId || answers.stakeholder !== form.stakeholder) {
    refuse('These answers are for another questionnaire than this link.');
  }
  if (answers.bank.id !== form.bank.id || answers.bank.version !== form.bank.version) refuse('These answers are for another version of the questions.');
  const byId = new Map(form.questions.map((q) => [q.id, q]));
  for (const a of answers.answers) {
    const question = byId.get(a.questionId);
    if (!question) return refuse(`The answers include a question that is not on this form (${a.questionId.slice(0, 80)}).`);
    // checkAnswerValue reads only what a form question keeps: its type, option ids, bounds and length.
    const checked = checkAnswerValue(question as unknown as Question, a.value);
    if (!checked.ok) refuse(`The answer to "${question.text.slice(0, 120)}" cannot be taken: ${checked.message}.`);
  }
};

export const registerQuestionnaireDeviceRoutes = (authed: FastifyInstance, store: HubStore, deviceOf: (request: FastifyRequest) => DeviceRecord): void => {
  authed.post('/v1/questionnaire-links', { bodyLimit: publishBodyLimit }, async (request, reply) => {
    const device = deviceOf(request);
    if (device.role === 'account-manager') throw new HubFailure(403, 'forbidden', 'Questionnaire links are published from an engineer or admin laptop.');
    const input = parse(publishLinkRequestSchema, request.body, 'questionnaire link');
    const now = Date.now();
    const expires = Date.parse(input.expiresAt);
    if (expires <= now) throw new HubFailure(400, 'validation', 'The link would already have expired: choose a later date.');
    if (expires > now + maxLinkLifetimeDays * 86_400_000) throw new HubFailure(400, 'validation', `A link stays open at most ${maxLinkLifetimeDays} days.`);
    const token = crypto.randomBytes(32).toString('base64url');
    const id = crypto.randomUUID();
    const expiresAt = new Date(expires).toISOString();
    await store.insertQuestionnaireLink({
      id,
      partnerId: device.partnerId,
      deviceId: device.id,
      tokenHash: sha256Hex(token),
      questionnaireId: input.form.questionnaireId,
      caseId: input.form.caseId,
      stakeholder: input.form.stakeholder,
      form: JSON.stringify(input.form),
      createdAt: new Date(now).toISOString(),
      expiresAt,
    });
    request.log.info({ linkId: id, expiresAt }, 'questionnaire link published');
    return reply.code(201).send({ id, token, expiresAt });
  });

  authed.post('/v1/questionnaire-links/:id/revoke', async (request) => {
    const device = deviceOf(request);
    const id = (request.params as { id: string }).id;
    const revoked = await store.revokeQuestionnaireLink(device.partnerId, device.id, id, new Date().toISOString());
    if (!revoked) throw new HubFailure(404, 'not_found', 'No open questionnaire link of this laptop has that id.');
    return { revoked };
  });

  authed.get('/v1/questionnaire-answers', async (request) => {
    const device = deviceOf(request);
    return { answers: await store.submittedQuestionnaireAnswers(device.partnerId, device.id) };
  });

  authed.post('/v1/questionnaire-answers/collected', async (request) => {
    const device = deviceOf(request);
    const input = parse(collectRequestSchema, request.body, 'collected answers');
    return { collected: await store.collectQuestionnaireAnswers(device.partnerId, device.id, input.ids, new Date().toISOString()) };
  });
};

/** The customer's side: no account, the token is the key; wrong tokens are limited like enrollment codes. */
export const registerQuestionnairePublicRoutes = (api: FastifyInstance, store: HubStore, limit: FailureLimit): void => {
  const wrongLinks = failureLimiter(api, 'questionnaire', limit);

  const linkOf = async (request: FastifyRequest): Promise<{ link: QuestionnaireLinkRecord; tokenHash: string } | null> => {
    await wrongLinks.check(request);
    const token = linkTokenSchema.safeParse((request.params as { token?: string }).token);
    const link = token.success ? await store.questionnaireLinkByToken(sha256Hex(token.data)) : null;
    if (!link || !token.success) return null;
    return { link, tokenHash: sha256Hex(token.data) };
  };

  api.get('/q/:token', async (request, reply) => {
    const found = await linkOf(request);
    if (!found) {
      // Counted like a wrong enrollment code; past the limit the answer is a 429 instead of the page.
      const counted = new HubFailure(404, 'not_found', unknownNotice.title);
      try {
        await wrongLinks.failed(request, counted);
      } catch (error) {
        if (error !== counted) throw error;
      }
      const page = renderNoticePage(unknownNotice.title, unknownNotice.paragraphs, sha256Base64);
      return pageHeaders(reply.code(404), page.csp).send(page.html);
    }
    const { link } = found;
    const state = stateOf(link, Date.now());
    if (state !== 'open') {
      const notice = closedNotice(state, link);
      const page = renderNoticePage(notice.title, notice.paragraphs, sha256Base64);
      return pageHeaders(reply.code(410), page.csp).send(page.html);
    }
    const form = formSpecSchema.parse(JSON.parse(link.form));
    const token = (request.params as { token: string }).token;
    const page = renderFormHtml(form, { kind: 'hub', submitPath: linkPathOf(token) }, sha256Base64);
    return pageHeaders(reply.code(200), page.csp).send(page.html);
  });

  api.post('/q/:token', { bodyLimit: submitBodyLimit }, async (request, reply) => {
    const found = await linkOf(request);
    if (!found) return wrongLinks.failed(request, new HubFailure(404, 'not_found', `${unknownNotice.title}. ${unknownNotice.paragraphs.join(' ')}`));
    const { link, tokenHash } = found;
    const closed = (state: Exclude<LinkState, 'open'>) => {
      const notice = closedNotice(state, link);
      return new HubFailure(410, state === 'submitted' ? 'already_used' : state, `${notice.title}. ${notice.paragraphs.join(' ')}`);
    };
    const state = stateOf(link, Date.now());
    if (state !== 'open') throw closed(state);
    const { payload } = parse(customerSubmissionSchema, request.body, 'answers');
    if (jsonDepthExceeds(payload, maxJsonDepth)) throw new HubFailure(400, 'bad_answers', 'The answers could not be read.');
    const answers = answersPayloadSchema.safeParse(safeJson(payload));
    if (!answers.success) {
      const issue = answers.error.issues[0];
      throw new HubFailure(400, 'bad_answers', `The answers could not be taken (${issue ? `${issue.path.join('.') || 'answers'}: ${issue.message}` : 'unreadable'}).`.slice(0, 300));
    }
    checkAgainstForm(answers.data, formSpecSchema.parse(JSON.parse(link.form)));
    const now = new Date().toISOString();
    if (!(await store.submitQuestionnaireAnswers(tokenHash, payload, now))) {
      // Lost a race with another submission, a revocation or the expiry: say which, as on the page.
      const again = await store.questionnaireLinkByToken(tokenHash);
      const after = again ? stateOf(again, Date.now()) : 'revoked';
      throw closed(after === 'open' ? 'revoked' : after);
    }
    request.log.info({ linkId: link.id, answers: answers.data.answers.length }, 'questionnaire answers received');
    return reply.code(200).send({ ok: true, answerCount: answers.data.answers.length });
  });
};
