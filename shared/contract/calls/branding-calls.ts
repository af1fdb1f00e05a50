import { z } from 'zod';
import { defineCall } from '../define-call';
import { brandingProfileSchema, brandingSaveSchema, logoUploadSchema } from '../../reports/branding';

const contrastWarningSchema = z.object({
  field: z.enum(['primaryColor', 'accentColor']),
  against: z.string(),
  ratio: z.number(),
  message: z.string(),
  suggestion: z.string(),
});

export const brandingCalls = {
  'branding:list': defineCall({
    method: 'listBrandingProfiles',
    summary: 'Branding profiles for reports, by name',
    input: z.object({}).strict(),
    output: z.array(brandingProfileSchema),
  }),
  'branding:save': defineCall({
    method: 'saveBrandingProfile',
    summary: 'Create or edit a branding profile; colours below WCAG AA contrast come back as warnings',
    input: brandingSaveSchema,
    output: z.object({ profile: brandingProfileSchema, warnings: z.array(contrastWarningSchema) }),
  }),
  'branding:delete': defineCall({
    method: 'deleteBrandingProfile',
    summary: 'Delete a branding profile; cases using it fall back to the default',
    input: z.object({ id: z.uuid() }),
    output: z.object({ deleted: z.literal(true) }),
  }),
  'branding:setLogo': defineCall({
    method: 'setBrandingLogo',
    summary: 'Upload a PNG or SVG logo (at most 1 MB; SVGs are sanitised, unsafe ones refused)',
    input: logoUploadSchema,
    output: z.object({ profile: brandingProfileSchema, removed: z.array(z.string()) }),
  }),
  'branding:clearLogo': defineCall({
    method: 'clearBrandingLogo',
    summary: "Remove a profile's logo",
    input: z.object({ profileId: z.uuid() }),
    output: brandingProfileSchema,
  }),
  'branding:setCustomerLogo': defineCall({
    method: 'setCustomerLogo',
    summary: "Upload the logo of a case's customer for the report cover (PNG or SVG, at most 1 MB, SVGs sanitised)",
    input: logoUploadSchema.omit({ profileId: true }).extend({ caseId: z.uuid() }),
    output: z.object({ logoDataUri: z.string(), removed: z.array(z.string()) }),
  }),
  'branding:clearCustomerLogo': defineCall({
    method: 'clearCustomerLogo',
    summary: "Remove the logo of a case's customer",
    input: z.object({ caseId: z.uuid() }),
    output: z.object({ logoDataUri: z.string(), removed: z.array(z.string()) }),
  }),
  'branding:forCase': defineCall({
    method: 'getCaseBranding',
    summary: "The branding a case's reports use, and the profile chosen for it (if any)",
    input: z.object({ caseId: z.uuid() }),
    output: z.object({ profile: brandingProfileSchema, chosenProfileId: z.string().nullable() }),
  }),
  'branding:assignToCase': defineCall({
    method: 'setCaseBranding',
    summary: 'Choose the branding profile for a case (null for the default)',
    input: z.object({ caseId: z.uuid(), profileId: z.uuid().nullable() }),
    output: z.object({ profile: brandingProfileSchema, chosenProfileId: z.string().nullable() }),
  }),
} as const;
