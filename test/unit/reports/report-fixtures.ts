import { defaultBranding, type BrandingProfile } from '../../../shared/reports/branding';
import type { PriceBookItem } from '../../../shared/reports/price-book';
import type { z } from 'zod';
import { reportSourceSchema, type AttachmentSource, type ReportSource } from '../../../shared/reports/report-source';
import { readinessScale } from '../../../shared/reports/readiness-scale';
import { solidPng } from '../../integration/reports/png';

const photo = solidPng(160, 100, [40, 110, 160]);
/** A photo the engineer took (inline image) and a file that is not an image. */
export const fixtureAttachments: AttachmentSource[] = [
  { fileName: 'server-room.png', sha256: 'a'.repeat(64), mediaType: 'image/png', sizeBytes: photo.length, caption: 'Rack without a lock', imageDataUri: `data:image/png;base64,${photo.toString('base64')}`, width: 160, height: 100 },
  { fileName: 'backup-log-2026-11.txt', sha256: 'b'.repeat(64), mediaType: 'text/plain', sizeBytes: 48_213, caption: 'Last restore test failed', imageDataUri: '', width: 0, height: 0 },
];
export const fixtureContext = 'Northwind imports and distributes speciality foods to 400 shops; it wants AI to forecast demand and answer shop queries.';

/** Hand-built report inputs: a full assessment (every pillar answered, probe data with samples). */

const pillarNames = ['Strategy', 'Data', 'Infrastructure', 'Security', 'Governance', 'People and skills'];

const samples = (n: number, base: number, spread: number, seed: number) =>
  Array.from({ length: n }, (_, i) => ({ t: i * 1000, value: Math.round((base + spread * Math.abs(Math.sin(i * 0.7 + seed))) * 100) / 100 }));

export const fullSource = (overrides: Partial<z.input<typeof reportSourceSchema>> = {}): ReportSource =>
  reportSourceSchema.parse({
    caseId: '0190f5a4-0000-7000-8000-000000000001',
    title: 'AI readiness assessment 2026',
    customer: { name: 'Northwind Traders' },
    site: { name: 'Head office', address: '12 Harbour Road, Bristol' },
    engineer: 'Dana Engineer',
    date: '2026-11-22',
    contacts: [{ name: 'Sam Buyer', role: 'IT manager', email: 'sam@example.com', phone: '' }],
    overall: { score: 58, level: 2, levelLabel: 'Follower', confidence: 0.86, uncappedLevelLabel: 'Follower', cappedBy: [] },
    scale: readinessScale(),
    context: fixtureContext,
    pillars: pillarNames.map((name, i) => ({
      id: `p${i + 1}`,
      name,
      score: [72, 41, 66, 38, 55, 80][i],
      level: [4, 2, 3, 2, 3, 4][i],
      levelLabel: ['Established', 'Emerging', 'Developing', 'Emerging', 'Developing', 'Established'][i],
      confidence: [1, 0.9, 0.8, 1, 0.75, 0.7][i],
      answers: Array.from({ length: 6 }, (_, q) => ({
        question: `${name}: question ${q + 1} about how the organisation handles this area?`,
        answer: q % 3 === 0 ? 'Yes, documented and reviewed yearly' : q % 3 === 1 ? 'Partly' : 'No',
        note: q === 2 ? 'Confirmed with the IT manager on site' : '',
        engineerNote: q === 1 ? `${name}: the IT manager says a review is planned for spring` : '',
      })),
    })),
    findings: Array.from({ length: 12 }, (_, i) => ({
      id: `f${i + 1}`,
      title: [
        'No data classification policy',
        'Backups are not tested',
        'MFA missing for admin accounts',
        'Wi-Fi latency spikes above 120 ms',
        'Shadow AI tools in use without approval',
        'No GPU-capable endpoints for local inference',
        'File shares without owners',
        'Uplink throughput below 100 Mbit/s',
        'DNS resolution slow on guest VLAN',
        'No AI usage policy',
        'Patch level of servers lags 3 months',
        'Training budget not allocated',
      ][i],
      pillarId: `p${(i % 6) + 1}`,
      severity: (['critical', 'high', 'high', 'medium', 'high', 'low', 'medium', 'medium', 'low', 'critical', 'medium', 'info'] as const)[i],
      effort: (['medium', 'low', 'low', 'medium', 'low', 'high', 'medium', 'high', 'low', 'low', 'medium', 'low'] as const)[i],
      detail: 'Observed during the walk-through and confirmed by the probe results below.',
      evidence: [`Interview answer ${i + 1}`, `Probe run ${i + 1} on 2026-11-22`],
      notes: i === 1 ? ['Restore of the finance share failed in October; nobody was told.'] : [],
      attachments: i === 1 ? fixtureAttachments : [],
      effortDays: [3, 2, 1, 5, 2, 10, 3, 15, 1, 2, 4, 1][i],
      recommendation: 'Put an owner and a review date on it.',
      skuRefs: i === 2 ? [{ sku: 'MFA-LIC', rule: 'per_user' }] : [],
    })),
    exceptions: [{ title: 'Production OT network', reason: 'No access granted during the visit', pillarId: 'p3' }],
    measurements: [
      { id: 'm1', probe: 'Latency', name: 'Gateway round-trip', unit: 'ms', value: 14.2, target: '< 20 ms', status: 'pass', samples: samples(60, 8, 12, 1), raw: { target: '192.168.1.1', count: '60', loss: '0 %' } },
      { id: 'm2', probe: 'Latency', name: 'Wi-Fi round-trip', unit: 'ms', value: 96, target: '< 50 ms', status: 'fail', samples: samples(60, 30, 110, 2), raw: { ssid: 'Office', band: '5 GHz' } },
      { id: 'm3', probe: 'Throughput', name: 'Uplink', unit: 'Mbit/s', value: 84, target: '≥ 100 Mbit/s', status: 'warn', samples: samples(30, 70, 25, 3), raw: { server: 'loopback', streams: '4' } },
      { id: 'm4', probe: 'DNS', name: 'Resolution time', unit: 'ms', value: 41, target: '< 30 ms', status: 'warn', samples: samples(20, 20, 40, 4), raw: { resolver: '10.0.0.53' } },
      { id: 'm5', probe: 'Endpoint', name: 'Devices with TPM 2.0', unit: '%', value: 92, target: '100 %', status: 'info', samples: [], raw: { scanned: '143' } },
    ],
    recommendations: [
      { id: 'r1', title: 'Write and adopt an AI usage policy', detail: 'Workshop plus template', severity: 'critical', effort: 'low', findingIds: ['f10', 'f5'], skuRefs: [{ sku: 'POLICY-WS', rule: 'fixed' }] },
      { id: 'r2', title: 'Roll out MFA for all accounts', detail: '', severity: 'high', effort: 'low', findingIds: ['f3'], skuRefs: [{ sku: 'MFA-LIC' }, { sku: 'ONBOARD', rule: 'per_site' }] },
      { id: 'r3', title: 'Managed backup with monthly restore tests', detail: '', severity: 'high', effort: 'medium', findingIds: ['f2'], skuRefs: [{ sku: 'BACKUP-M', rule: 'per_device' }] },
      { id: 'r4', title: 'Upgrade the internet uplink', detail: '', severity: 'medium', effort: 'high', findingIds: ['f8'], skuRefs: [{ sku: 'UPLINK-1G' }] },
    ],
    sizing: { users: 85, devices: 143, sites: 2 },
    terms: { currency: 'EUR', taxRateBasisPoints: 2000, validityDays: 30 },
    ...overrides,
  });

const item = (sku: string, description: string, unitPriceMinor: number, recurring: boolean, quantityRule: PriceBookItem['quantityRule'], unit = 'each'): PriceBookItem => ({
  id: `item-${sku}`,
  sku,
  description,
  unit,
  unitPriceMinor,
  currency: 'EUR',
  recurring,
  quantityRule,
  updatedAt: '',
});

export const fixturePriceBook: PriceBookItem[] = [
  item('POLICY-WS', 'AI usage policy workshop', 180_000, false, 'fixed', 'workshop'),
  item('MFA-LIC', 'MFA licence', 450, true, 'per_user', 'user'),
  item('ONBOARD', 'On-site onboarding', 95_000, false, 'per_site', 'site'),
  item('BACKUP-M', 'Managed backup', 1_299, true, 'per_device', 'device'),
  item('UPLINK-1G', '1 Gbit/s uplink installation', 250_000, false, 'fixed'),
];

export const fixtureBranding: BrandingProfile = {
  ...defaultBranding,
  id: 'b1',
  name: 'Acme IT',
  partnerName: 'Acme IT Services',
  primaryColor: '#0b3d6b',
  accentColor: '#b3541e',
  contact: 'Acme IT Services · 1 Partner Way · +44 117 000 0000 · hello@acme-it.example',
  footer: 'Acme IT Services — confidential',
  disclaimer: 'Prepared for the named customer only.',
};

export const hostileText = '<script>alert(1)</script><img src=x onerror="alert(2)">"\'&';
