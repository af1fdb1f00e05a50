import type dgram from 'node:dgram';

/**
 * Closes a UDP socket that an abort may already have closed. Only that case is expected
 * (ERR_SOCKET_DGRAM_NOT_RUNNING); anything else is a real failure and is thrown.
 */
export const closeUdpSocket = (socket: dgram.Socket): void => {
  try {
    socket.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_SOCKET_DGRAM_NOT_RUNNING') throw error;
  }
};
