/**
 * Whether an OS release still gets security updates, from vendors' published end-of-support
 * dates. Null when we do not know the release. Kept small on purpose: the common field cases.
 */
interface Rule {
  readonly match: RegExp;
  readonly endOfSupport: string | null;
}

const rules: Rule[] = [
  { match: /windows 11/i, endOfSupport: null },
  { match: /windows 10/i, endOfSupport: '2025-10-14' },
  { match: /windows (8|7|vista|xp)/i, endOfSupport: '2023-01-10' },
  { match: /windows server 2025/i, endOfSupport: '2034-10-10' },
  { match: /windows server 2022/i, endOfSupport: '2031-10-14' },
  { match: /windows server 2019/i, endOfSupport: '2029-01-09' },
  { match: /windows server 2016/i, endOfSupport: '2027-01-12' },
  { match: /windows server 2012/i, endOfSupport: '2023-10-10' },
  { match: /ubuntu 24\.04/i, endOfSupport: '2029-05-31' },
  { match: /ubuntu 22\.04/i, endOfSupport: '2027-06-01' },
  { match: /ubuntu 20\.04/i, endOfSupport: '2025-05-31' },
  { match: /ubuntu 18\.04/i, endOfSupport: '2023-05-31' },
  { match: /debian.* 13\b|debian.*trixie/i, endOfSupport: '2028-08-09' },
  { match: /debian.* 12\b|debian.*bookworm/i, endOfSupport: '2026-06-10' },
  { match: /debian.* 11\b|debian.*bullseye/i, endOfSupport: '2024-08-14' },
];

export const osSupported = (description: string, platform: string, release: string, now = new Date()): boolean | null => {
  if (platform === 'darwin') {
    const major = Number(release.split('.')[0]);
    // Apple patches the current macOS and the two before it.
    if (!Number.isFinite(major) || major === 0) return null;
    return major >= 14;
  }
  const rule = rules.find((r) => r.match.test(description));
  if (!rule) return null;
  return rule.endOfSupport === null ? true : now < new Date(`${rule.endOfSupport}T00:00:00Z`);
};
