import type { QuestionBankInput } from '../../../shared/interview/bank-schema';
import { parseBank } from '../../../shared/interview/parse-bank';

/** A hand-built bank small enough to check every number by hand. */
export const smallBankInput = (): QuestionBankInput => ({
  schema: 1,
  id: 'test.small',
  version: '1.0.0',
  title: 'Small test bank',
  facts: { users: 'org.users', sites: 'org.sites' },
  pillars: [
    {
      id: 'org',
      title: 'Organisation',
      description: 'Facts and strategy',
      weight: 1,
      sections: [
        {
          id: 'org.facts',
          title: 'Facts',
          questions: [
            { id: 'org.users', type: 'number', text: 'Users?', help: 'Count them.', stakeholders: ['it_lead'], estimatedSeconds: 10 },
            { id: 'org.sites', type: 'number', text: 'Sites?', help: 'Count them.', stakeholders: ['it_lead'], estimatedSeconds: 10 },
            {
              id: 'org.strategy',
              type: 'single',
              weight: 2,
              text: 'Strategy?',
              help: 'Ask.',
              stakeholders: ['executive'],
              estimatedSeconds: 60,
              options: [
                { id: 'none', label: 'None', maturity: 0 },
                { id: 'some', label: 'Some', maturity: 50 },
                { id: 'full', label: 'Full', maturity: 100 },
              ],
            },
            {
              id: 'org.sponsor',
              type: 'yes_no_unknown',
              text: 'Sponsor?',
              help: 'Ask.',
              stakeholders: ['executive'],
              estimatedSeconds: 20,
            },
            {
              id: 'org.sponsor_name',
              type: 'text',
              text: 'Who?',
              help: 'Name.',
              stakeholders: ['executive'],
              estimatedSeconds: 20,
              showIf: { question: 'org.sponsor', op: 'eq', value: 'yes' },
            },
          ],
        },
      ],
    },
    {
      id: 'net',
      title: 'Network',
      description: 'Links',
      weight: 2,
      sections: [
        {
          id: 'net.wan',
          title: 'WAN',
          questions: [
            {
              id: 'net.upload',
              type: 'number',
              unit: 'Mbit/s',
              text: 'Upload?',
              help: 'Measured.',
              stakeholders: ['it_lead'],
              estimatedSeconds: 15,
              prefill: { metric: 'throughput.upload_mbps' },
              bands: [
                { max: 10, maturity: 0 },
                { min: 10, max: 100, maturity: 50 },
                { min: 100, maturity: 100 },
              ],
            },
            {
              id: 'net.failover',
              type: 'single',
              text: 'Failover?',
              help: 'Ask.',
              stakeholders: ['it_lead', 'operations'],
              estimatedSeconds: 30,
              options: [
                { id: 'none', label: 'None', maturity: 0 },
                { id: 'auto', label: 'Automatic', maturity: 100 },
              ],
            },
            {
              id: 'net.controls',
              type: 'multi',
              text: 'Controls?',
              help: 'Pick.',
              stakeholders: ['it_lead'],
              estimatedSeconds: 30,
              options: [
                { id: 'qos', label: 'QoS', maturity: 50 },
                { id: 'sdwan', label: 'SD-WAN', maturity: 50 },
                { id: 'monitor', label: 'Monitoring', maturity: 50 },
              ],
            },
            {
              id: 'net.quality',
              type: 'scale',
              min: 1,
              max: 5,
              minLabel: 'Bad',
              maxLabel: 'Good',
              text: 'Quality?',
              help: 'Rate.',
              stakeholders: ['end_user'],
              estimatedSeconds: 15,
            },
          ],
        },
      ],
    },
  ],
  rules: [
    {
      id: 'net.no_failover',
      pillar: 'net',
      severity: 'critical',
      gate: 'follower',
      title: 'No failover',
      description: 'The site goes offline.',
      recommendation: 'Add a second line.',
      when: { question: 'net.failover', op: 'eq', value: 'none' },
      effort: { size: 'medium', days: 3 },
      priceBook: [
        { sku: 'NET-WAN-BACKUP', quantity: 'per_site' },
        { sku: 'NET-SETUP', quantity: 'fixed', factor: 2 },
      ],
    },
    {
      id: 'net.slow_upload',
      pillar: 'net',
      severity: 'high',
      title: 'Slow upload',
      description: 'Upload is slow.',
      recommendation: 'Upgrade the line.',
      when: { any: [{ question: 'net.upload', op: 'lt', value: 10 }, { metric: 'latency.rtt_ms_p50', op: 'gt', value: 200 }] },
      effort: { size: 'small' },
      priceBook: [{ sku: 'TRN-USER', quantity: 'per_user', factor: 0.5 }],
    },
  ],
});

export const smallBank = () => parseBank(smallBankInput());

/** The best answer to every question of the small bank. */
export const bestAnswers = () => [
  { questionId: 'org.users', value: 40 },
  { questionId: 'org.sites', value: 2 },
  { questionId: 'org.strategy', value: 'full' },
  { questionId: 'org.sponsor', value: 'yes' },
  { questionId: 'org.sponsor_name', value: 'Ada' },
  { questionId: 'net.upload', value: 500 },
  { questionId: 'net.failover', value: 'auto' },
  { questionId: 'net.controls', value: ['qos', 'sdwan', 'monitor'] },
  { questionId: 'net.quality', value: 5 },
];
