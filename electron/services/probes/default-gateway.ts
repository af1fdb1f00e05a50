import si from 'systeminformation';
import type { ProbeLog } from './probe-definition';

/** The default gateway's address, or null when the machine has none. */
export const defaultGateway = async (log: ProbeLog): Promise<string | null> => {
  try {
    const gateway = await si.networkGatewayDefault();
    return gateway && gateway.trim() !== '' ? gateway.trim() : null;
  } catch (error) {
    // Callers treat "no gateway" as a normal answer (a machine on a point-to-point link has none).
    log.debug({ err: error }, 'default gateway not readable');
    return null;
  }
};
