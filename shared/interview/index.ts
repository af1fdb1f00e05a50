/** The interview domain: bank format, answer values, engine and its output types. */
export * from './bank-schema';
export * from './parse-bank';
export * from './answer-values';
export * from './effective-answers';
export * from './score-types';
export * from './scoring';
export * from './api-schemas';
