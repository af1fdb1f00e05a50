import { z } from 'zod';
import { defineCall } from '../define-call';
import { idSchema } from '../../domain/cases';
import { commentAddSchema, commentSchema } from '../../domain/comments';

export const commentsCalls = {
  'comments:list': defineCall({
    method: 'listComments',
    summary: 'Review comments on a case and its findings, oldest first, with author and time',
    input: z.object({ caseId: idSchema }),
    output: z.array(commentSchema),
  }),
  'comments:add': defineCall({
    method: 'addComment',
    summary: 'Add a review comment to a case or to one of its findings',
    input: commentAddSchema,
    output: commentSchema,
  }),
} as const;
