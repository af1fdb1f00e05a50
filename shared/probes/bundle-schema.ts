import { z } from 'zod';
import { probeResultSchema, probeTargetsSchema } from './probe-schemas';

/** The collector bundle format; bump the version when a reader must change. */
export const bundleFormat = 'groundwork-probe-bundle';
export const bundleSchemaVersion = 1;

export const bundleHostSchema = z.object({
  hostname: z.string().max(255),
  platform: z.string().max(40),
  arch: z.string().max(40),
  osRelease: z.string().max(200),
});

/** Everything the hash covers: the bundle without its `sha256` field. */
export const bundleContentSchema = z.object({
  format: z.literal(bundleFormat),
  schemaVersion: z.number().int().positive(),
  toolVersion: z.string().max(40),
  host: bundleHostSchema,
  createdAt: z.iso.datetime(),
  targets: probeTargetsSchema,
  results: z.array(probeResultSchema).max(50),
});
export type BundleContent = z.infer<typeof bundleContentSchema>;

export const probeBundleSchema = bundleContentSchema.extend({
  /** sha256 (hex) over canonicalJson(content without sha256). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 hex digits'),
});
export type ProbeBundle = z.infer<typeof probeBundleSchema>;
