import type { z } from 'zod';
import { appCalls } from './calls/app-calls';
import { casesCalls } from './calls/cases-calls';
import { interviewCalls } from './calls/interview-calls';
import { probesCalls } from './calls/probes-calls';
import { syncCalls } from './calls/sync-calls';
import { brandingCalls } from './calls/branding-calls';
import { reportsCalls } from './calls/reports-calls';
import { historyCalls } from './calls/history-calls';
import { questionnaireCalls } from './calls/questionnaire-calls';
import { proposalsCalls } from './calls/proposals-calls';
import { commentsCalls } from './calls/comments-calls';

/**
 * The one API contract: every call the renderer, the CLI or a browser can make. Channel names
 * are `domain:action`; each feature keeps its calls in calls/<feature>-calls.ts and adds them here.
 * The preload bridge exposes each under its `method` name; IPC and the HTTP bridge serve each channel.
 */
export const apiContract = {
  ...appCalls,
  ...casesCalls,
  ...interviewCalls,
  ...probesCalls,
  ...syncCalls,
  ...brandingCalls,
  ...reportsCalls,
  ...historyCalls,
  ...questionnaireCalls,
  ...proposalsCalls,
  ...commentsCalls,
} as const;

export type ApiContract = typeof apiContract;
export type Channel = keyof ApiContract;
export type CallInput<C extends Channel> = z.input<ApiContract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<ApiContract[C]['input']>;
export type CallOutput<C extends Channel> = z.output<ApiContract[C]['output']>;
export type MethodName = ApiContract[Channel]['method'];
export type ChannelOfMethod<M extends MethodName> = {
  [C in Channel]: ApiContract[C]['method'] extends M ? C : never;
}[Channel];

export const channels = Object.keys(apiContract) as Channel[];

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name);
