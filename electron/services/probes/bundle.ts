import crypto from 'node:crypto';
import os from 'node:os';
import { validationFailure } from '../../../shared/contract/result';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { bundleFormat, bundleSchemaVersion, probeBundleSchema, type BundleContent, type ProbeBundle } from '../../../shared/probes/bundle-schema';
import { canonicalJson } from '../../../shared/probes/canonical-json';
import type { ProbeResult, ProbeTargets } from '../../../shared/probes/probe-schemas';

export const hashBundleContent = (content: unknown): string => crypto.createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');

export const describeHost = (): BundleContent['host'] => ({
  hostname: os.hostname().slice(0, 255),
  platform: process.platform,
  arch: process.arch,
  osRelease: `${os.type()} ${os.release()}`.slice(0, 200),
});

/** A collector bundle: the content, then a sha256 over its canonical JSON. */
export const buildBundle = (input: { results: ProbeResult[]; targets: ProbeTargets; toolVersion: string; createdAt?: string }): ProbeBundle => {
  const content: BundleContent = {
    format: bundleFormat,
    schemaVersion: bundleSchemaVersion,
    toolVersion: input.toolVersion,
    host: describeHost(),
    createdAt: input.createdAt ?? new Date().toISOString(),
    targets: input.targets,
    results: input.results,
  };
  return { ...content, sha256: hashBundleContent(content) };
};

export const maxBundleBytes = 20 * 1024 * 1024;

/**
 * Reads a bundle file's text, refusing — with a sentence that says which — anything that is not
 * JSON, was cut short, comes from a newer Groundwork, does not match the schema, or whose
 * content no longer matches its hash.
 */
export const parseBundleText = (input: string): ProbeBundle => {
  // A BOM left on by whatever decoded the file is not part of the JSON.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.length > maxBundleBytes) throw serviceFailure('validation', 'error.bundle.tooLarge', { max: maxBundleBytes / 1024 / 1024 });
  if (text.trim() === '') throw serviceFailure('validation', 'error.bundle.empty');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const truncated = text.trimStart().startsWith('{') && /end of (JSON|data)|Unterminated|Expected .* after|Unexpected end/i.test(message);
    throw truncated ? serviceFailure('validation', 'error.bundle.truncated') : serviceFailure('validation', 'error.bundle.notJson');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== bundleFormat) {
    throw serviceFailure('validation', 'error.bundle.wrongFormat');
  }
  const record = raw as Record<string, unknown>;
  const version = record.schemaVersion;
  if (typeof version === 'number' && version > bundleSchemaVersion) {
    throw serviceFailure('validation', 'error.bundle.newerSchema', { version: String(version), supported: String(bundleSchemaVersion) });
  }
  const parsed = probeBundleSchema.safeParse(raw);
  if (!parsed.success) throw validationFailure(parsed.error, 'bundle');
  const { sha256, ...content } = record;
  const actual = hashBundleContent(content);
  if (actual !== sha256) {
    throw serviceFailure('validation', 'error.bundle.hashMismatch', { recorded: String(sha256).slice(0, 12), actual: actual.slice(0, 12) });
  }
  return parsed.data;
};
