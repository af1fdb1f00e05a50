/**
 * Child process for the autosave crash test: records a burst of answers through the real
 * services and dispatch, printing one ack line per acknowledged answer. The parent kills it.
 * Usage: answer-burst-child.ts <dataDir> <count> <caseId>...
 */
import { createApiClient } from '../../../shared/contract/api-client';
import { createDispatch } from '../../../electron/services/api/dispatch';
import { createHandlers } from '../../../electron/services/api/handlers';
import { openAppServices } from '../../../electron/services/app-services';
import { bankQuestions } from '../../../shared/interview/parse-bank';
import { varyingAnswer as valueFor } from '../../support/answer-all';
import { testKeySource } from '../../support/test-key';

const [dataDir, countText, ...caseIds] = process.argv.slice(2);
if (!dataDir || !countText || caseIds.length === 0) throw new Error('usage: answer-burst-child <dataDir> <count> <caseId>...');


const services = openAppServices(dataDir, { transport: 'cli', keySource: testKeySource });
const dispatch = createDispatch(createHandlers(services), services.logging);
const api = createApiClient((channel, input) => dispatch(channel, input));

const run = async () => {
  const { bank } = await api.getInterviewBank({ caseId: caseIds[0]! });
  const questions = bankQuestions(bank).map((q) => q.question);
  const count = Number(countText);
  process.stdout.write('ready\n');
  for (let i = 0; i < count; i += 1) {
    const caseId = caseIds[Math.floor(i / questions.length) % caseIds.length]!;
    const question = questions[i % questions.length]!;
    const ack = await api.answerQuestion({ caseId, questionId: question.id, value: valueFor(question, i) });
    // On Linux, writes to a pipe are synchronous: once this returns, the parent can read the line.
    process.stdout.write(`ack ${JSON.stringify({ caseId, questionId: ack.questionId, value: ack.value })}\n`);
  }
  services.close();
};

void run();
