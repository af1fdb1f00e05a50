import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, MethodName } from '../../shared/contract/api-contract';
import type { BridgeApi } from '../../shared/contract/api-client';

/** Channel → method names, read off the contract at build time (keeps zod out of the preload). */
declare const GROUNDWORK_CHANNEL_METHODS: Record<Channel, MethodName>;

/**
 * Exposes one task-named function per contract call (listCases, createCase, …) and nothing
 * generic: the page cannot name a channel or reach ipcRenderer itself.
 */
const bridge = Object.freeze(
  Object.fromEntries(
    Object.entries(GROUNDWORK_CHANNEL_METHODS).map(([channel, method]) => [
      method,
      (input: unknown, op?: string) => ipcRenderer.invoke(channel, input, op),
    ]),
  ),
) as BridgeApi;

contextBridge.exposeInMainWorld('groundwork', bridge);
