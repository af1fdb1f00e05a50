import type { commentsCalls } from '../../../shared/contract/calls/comments-calls';
import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import { addComment, listComments } from './comments-repository';

export const commentsHandlers = ({ db }: AppServices): HandlersFor<typeof commentsCalls> => ({
  'comments:list': ({ caseId }) => listComments(db, caseId),
  'comments:add': (input) => addComment(db, input),
});
