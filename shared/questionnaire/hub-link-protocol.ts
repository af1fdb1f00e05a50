import { z } from 'zod';
import { idSchema } from '../domain/cases';
import { stakeholderSchema } from '../interview/bank-schema';
import { formSpecSchema } from './form-html';

/**
 * The hub link of a pre-visit questionnaire: the laptop publishes one stakeholder's form to its
 * partner hub (device token), the hub answers with a one-time token the customer's link carries;
 * the customer's browser fetches the page and posts the answers with that token alone (no account);
 * the laptop collects the answers on its next sync.
 */

/** Longest a link stays open: a questionnaire is for one visit. */
export const maxLinkLifetimeDays = 90;

/** 32 random bytes, base64url: what /q/<token> carries. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const linkPathOf = (token: string): string => `/q/${token}`;

export const publishLinkRequestSchema = z.object({ form: formSpecSchema, expiresAt: z.iso.datetime({ offset: true }) }).strict();
export type PublishLinkRequest = z.infer<typeof publishLinkRequestSchema>;

export const publishLinkResponseSchema = z.object({ id: idSchema, token: linkTokenSchema, expiresAt: z.string() });
export type PublishLinkResponse = z.infer<typeof publishLinkResponseSchema>;

/** The most answers one customer's submission may carry, bytes of payload text (a 100 kB comment fits many times). */
export const maxSubmittedPayloadChars = 4 * 1024 * 1024;

export const customerSubmissionSchema = z.object({ payload: z.string().min(2).max(maxSubmittedPayloadChars) }).strict();

export const submittedAnswersSchema = z.object({
  answers: z.array(
    z.object({
      id: idSchema,
      questionnaireId: idSchema,
      caseId: idSchema,
      stakeholder: stakeholderSchema,
      submittedAt: z.string(),
      payload: z.string(),
    }),
  ),
});
export type SubmittedAnswersResponse = z.infer<typeof submittedAnswersSchema>;

export const collectRequestSchema = z.object({ ids: z.array(idSchema).min(1).max(200) }).strict();
export const collectResponseSchema = z.object({ collected: z.number().int().min(0) });
export const revokeLinkResponseSchema = z.object({ revoked: z.boolean() });
