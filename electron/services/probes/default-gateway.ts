import si from 'systeminformation';

/** The default gateway's address, or null when the machine has none. */
export const defaultGateway = async (): Promise<string | null> => {
  try {
    const gateway = await si.networkGatewayDefault();
    return gateway && gateway.trim() !== '' ? gateway.trim() : null;
  } catch {
    return null;
  }
};
