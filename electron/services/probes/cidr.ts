/** The host addresses of an IPv4 CIDR (network and broadcast excluded for /30 and wider). */
export const hostsOfCidr = (cidr: string): string[] => {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const parts = (base ?? '').split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255) || !(bits >= 0 && bits <= 32)) {
    throw new Error(`not an IPv4 CIDR: ${cidr}`);
  }
  const ip = (((parts[0] as number) << 24) | ((parts[1] as number) << 16) | ((parts[2] as number) << 8) | (parts[3] as number)) >>> 0;
  const size = 2 ** (32 - bits);
  const network = bits === 0 ? 0 : (ip & (0xffffffff << (32 - bits))) >>> 0;
  const first = size > 2 ? network + 1 : network;
  const last = size > 2 ? network + size - 2 : network + size - 1;
  const out: string[] = [];
  for (let n = first; n <= last; n += 1) out.push([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  return out;
};
