import { createApiClient, type ApiClient, type BridgeApi, type Transport } from '../../shared/contract/api-client';
import { apiContract } from '../../shared/contract/api-contract';
import type { ApiResult } from '../../shared/contract/result';
import { operationIdHeader } from '../../shared/contract/operation-id';

declare global {
  interface Window {
    /** Set by the Electron preload: one task-named function per contract call. */
    groundwork?: BridgeApi;
  }
}

const tokenKey = 'groundwork.bridge-token';

/** In a browser the bridge token arrives once in the URL fragment; keep it for this tab only. */
const bridgeToken = (): string => {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(tokenKey, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(tokenKey) ?? '';
};

const ipcTransport = (bridge: BridgeApi): Transport => (channel, input, op) => {
  const call = bridge[apiContract[channel].method] as (i: unknown, op: string) => Promise<ApiResult<unknown>>;
  return call(input, op);
};

const httpTransport = (token: string): Transport => async (channel, input, op) => {
  const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [operationIdHeader]: op },
    body: JSON.stringify(input),
  });
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch (error) {
    // Handled for the user: the call fails with what we know; the bridge logged its side under `op`.
    return { ok: false, error: { code: 'internal', message: `The bridge answered ${response.status} without a result (${String(error).slice(0, 80)}, reference ${op.slice(0, 8)}).` } };
  }
};

/** The renderer's only way to the services: the contract, over IPC in Electron or the bridge in a browser. */
export const api: ApiClient = createApiClient(
  window.groundwork ? ipcTransport(window.groundwork) : httpTransport(bridgeToken()),
  () => crypto.randomUUID(),
);
