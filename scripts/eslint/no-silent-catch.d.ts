import type { Rule } from 'eslint';

export declare const noSilentCatch: Rule.RuleModule;
export declare const groundworkPlugin: { rules: { 'no-silent-catch': Rule.RuleModule } };
