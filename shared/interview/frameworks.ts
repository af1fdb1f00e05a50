import {
  cafPhases,
  ciscoPillars,
  isoClauses,
  nistFunctions,
  owaspLlmItems,
  type FrameworkTags,
  type QuestionBank,
} from './bank-schema';
import { bankQuestions } from './parse-bank';

/** The public frameworks the bank is mapped to, with the names an auditor knows them by. */
export const frameworkNames = {
  cisco: 'Cisco AI Readiness Index (pillars)',
  nist: 'NIST AI Risk Management Framework 1.0 (functions)',
  iso42001: 'ISO/IEC 42001:2023 (clauses and Annex A control areas)',
  owasp: 'OWASP Top 10 for LLM Applications 2025',
  caf: 'Microsoft Cloud Adoption Framework for AI (phases)',
} as const satisfies Record<keyof FrameworkTags, string>;

export type FrameworkKey = keyof typeof frameworkNames;
export const frameworkKeys = Object.keys(frameworkNames) as FrameworkKey[];

const ciscoLabels: Record<(typeof ciscoPillars)[number], string> = {
  strategy: 'Strategy',
  infrastructure: 'Infrastructure',
  data: 'Data',
  governance: 'Governance',
  talent: 'Talent',
  culture: 'Culture',
};
const nistLabels: Record<(typeof nistFunctions)[number], string> = { govern: 'Govern', map: 'Map', measure: 'Measure', manage: 'Manage' };
const isoLabels: Record<(typeof isoClauses)[number], string> = {
  context: 'Clause 4: Context of the organisation',
  leadership: 'Clause 5: Leadership and AI policy',
  planning: 'Clause 6: Planning, AI risk and impact',
  support: 'Clause 7: Support (resources, competence, awareness)',
  operation: 'Clause 8: Operation',
  performance: 'Clause 9: Performance evaluation',
  improvement: 'Clause 10: Improvement',
  annex_a_policies: 'Annex A.2: Policies related to AI',
  annex_a_organisation: 'Annex A.3: Internal organisation',
  annex_a_resources: 'Annex A.4: Resources for AI systems',
  annex_a_impact: 'Annex A.5: Assessing impacts of AI systems',
  annex_a_lifecycle: 'Annex A.6: AI system life cycle',
  annex_a_data: 'Annex A.7: Data for AI systems',
  annex_a_information: 'Annex A.8: Information for interested parties',
  annex_a_use: 'Annex A.9: Use of AI systems',
  annex_a_third_party: 'Annex A.10: Third-party and customer relationships',
};
const owaspLabels: Record<(typeof owaspLlmItems)[number], string> = {
  llm01_prompt_injection: 'LLM01: Prompt injection',
  llm02_sensitive_disclosure: 'LLM02: Sensitive information disclosure',
  llm03_supply_chain: 'LLM03: Supply chain',
  llm04_poisoning: 'LLM04: Data and model poisoning',
  llm05_output_handling: 'LLM05: Improper output handling',
  llm06_excessive_agency: 'LLM06: Excessive agency',
  llm07_system_prompt_leakage: 'LLM07: System prompt leakage',
  llm08_vector_weaknesses: 'LLM08: Vector and embedding weaknesses',
  llm09_misinformation: 'LLM09: Misinformation',
  llm10_unbounded_consumption: 'LLM10: Unbounded consumption',
};
const cafLabels: Record<(typeof cafPhases)[number], string> = {
  strategy: 'AI Strategy',
  plan: 'AI Plan',
  ready: 'AI Ready',
  govern: 'Govern AI',
  secure: 'Secure AI',
  manage: 'Manage AI',
};

const itemLabels: Record<FrameworkKey, Record<string, string>> = {
  cisco: ciscoLabels,
  nist: nistLabels,
  iso42001: isoLabels,
  owasp: owaspLabels,
  caf: cafLabels,
};
const itemOrder: Record<FrameworkKey, readonly string[]> = { cisco: ciscoPillars, nist: nistFunctions, iso42001: isoClauses, owasp: owaspLlmItems, caf: cafPhases };

export const frameworkItemLabel = (framework: FrameworkKey, item: string): string => itemLabels[framework][item] ?? item;

/** One framework item with what the bank maps to it: the questions (by text) and the rules (by id). */
export interface FrameworkItemCoverage {
  readonly item: string;
  readonly label: string;
  readonly questionIds: readonly string[];
  readonly ruleIds: readonly string[];
}

export interface FrameworkCoverage {
  readonly framework: FrameworkKey;
  readonly name: string;
  readonly items: readonly FrameworkItemCoverage[];
}

/** Per framework, in the framework's own order, each item the bank maps something to. */
export const frameworkCoverage = (bank: QuestionBank): FrameworkCoverage[] =>
  frameworkKeys.map((framework) => {
    const items = itemOrder[framework].flatMap((item) => {
      const questionIds = bankQuestions(bank)
        .filter(({ question }) => (question.frameworks?.[framework] ?? []).includes(item as never))
        .map(({ question }) => question.id);
      const ruleIds = bank.rules.filter((r) => (r.frameworks?.[framework] ?? []).includes(item as never)).map((r) => r.id);
      return questionIds.length + ruleIds.length > 0 ? [{ item, label: frameworkItemLabel(framework, item), questionIds, ruleIds }] : [];
    });
    return { framework, name: frameworkNames[framework], items };
  });
