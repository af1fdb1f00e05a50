import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/contract/api-contract';
import type { ApiResult } from '../../shared/contract/result';
import type { Dispatch } from '../services/api/dispatch';
import { isAppUrl } from '../services/shell-policy';

/**
 * Serves every contract channel over IPC. A call is answered only when it comes from the app's
 * own window and page; the dispatcher validates the payload against the contract.
 */
export const registerIpcHandlers = (dispatch: Dispatch, isOwnWindow: (event: IpcMainInvokeEvent) => boolean): void => {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown, op: unknown): Promise<ApiResult<unknown>> => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isOwnWindow(event) || !isAppUrl(frameUrl)) {
        return { ok: false, error: { code: 'forbidden', message: 'This call is only answered for the Groundwork window.' } };
      }
      return dispatch(channel, input, op);
    });
  }
};
