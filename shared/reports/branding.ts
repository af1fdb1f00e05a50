import { z } from 'zod';

/** Fonts a report can use: ones Chromium, Word and LibreOffice all have or can fall back from. */
export const reportFonts = ['DejaVu Sans', 'DejaVu Serif', 'Liberation Sans', 'Arial', 'Georgia'] as const;
export const reportFontSchema = z.enum(reportFonts);
export type ReportFont = z.infer<typeof reportFontSchema>;

export const fontStacks: Record<ReportFont, string> = {
  'DejaVu Sans': "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif",
  'DejaVu Serif': "'DejaVu Serif', 'Liberation Serif', Georgia, serif",
  'Liberation Sans': "'Liberation Sans', Arial, 'DejaVu Sans', sans-serif",
  Arial: "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif",
  Georgia: "Georgia, 'DejaVu Serif', serif",
};

export const logoMimeTypes = ['image/png', 'image/svg+xml'] as const;
export type LogoMime = (typeof logoMimeTypes)[number];

/** A logo larger than this is refused: it would bloat every report and every sync. */
export const maxLogoBytes = 1024 * 1024;

const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #1f4e79')
  .transform((v) => v.toLowerCase());

const text = (label: string, max: number) => z.string().trim().max(max, `${label} must be at most ${max} characters`);

/** Proposal wording a partner uses on every proposal unless a case's proposal says otherwise. */
export const proposalTextDefaultsSchema = z.object({
  scope: z.string().max(5_000).default(''),
  assumptions: z.string().max(5_000).default(''),
  exclusions: z.string().max(5_000).default(''),
  paymentTerms: z.string().max(5_000).default(''),
});
export type ProposalTextDefaults = z.infer<typeof proposalTextDefaultsSchema>;
export const emptyProposalText: ProposalTextDefaults = { scope: '', assumptions: '', exclusions: '', paymentTerms: '' };

export const brandingProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  partnerName: z.string(),
  primaryColor: z.string(),
  accentColor: z.string(),
  font: reportFontSchema,
  contact: z.string(),
  footer: z.string(),
  disclaimer: z.string(),
  /** A data: URI of the (checked, sanitised) logo, or empty. */
  logoDataUri: z.string(),
  updatedAt: z.string(),
  /** The partner's default: used by every case that has no profile chosen. */
  isDefault: z.boolean().default(false),
  proposalText: proposalTextDefaultsSchema.default(emptyProposalText),
});
export type BrandingProfile = z.infer<typeof brandingProfileSchema>;

export const brandingSaveSchema = z.object({
  id: z.uuid().optional(),
  name: text('Profile name', 200).min(1, 'Profile name is required'),
  partnerName: text('Partner name', 500).min(1, 'Partner name is required'),
  primaryColor: hexColor,
  accentColor: hexColor,
  font: reportFontSchema.default('DejaVu Sans'),
  contact: text('Contact', 2_000).default(''),
  footer: text('Footer', 1_000).default(''),
  disclaimer: text('Disclaimer', 5_000).default(''),
  isDefault: z.boolean().default(false),
  proposalText: proposalTextDefaultsSchema.default(emptyProposalText),
});
export type BrandingSaveInput = z.input<typeof brandingSaveSchema>;

/** Base64 of at most maxLogoBytes, plus a little: the exact check happens on the decoded bytes. */
export const logoUploadSchema = z.object({
  profileId: z.uuid(),
  mime: z.enum(logoMimeTypes),
  base64: z
    .string()
    .max(Math.ceil((maxLogoBytes * 4) / 3) + 8, `The logo must be at most ${maxLogoBytes / 1024 / 1024} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The logo must be base64'),
});

/** Used when a case has no profile chosen: plain, neutral, clearly ours. */
export const defaultBranding: BrandingProfile = {
  id: 'default',
  name: 'Default',
  partnerName: 'Groundwork',
  primaryColor: '#1f4e79',
  accentColor: '#2e7d32',
  font: 'DejaVu Sans',
  contact: '',
  footer: '',
  disclaimer: 'This report reflects the state observed during the assessment visit.',
  logoDataUri: '',
  updatedAt: '',
  isDefault: false,
  proposalText: emptyProposalText,
};
