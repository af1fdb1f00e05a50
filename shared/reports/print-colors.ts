import type { BrandingProfile } from './branding';
import { contrastRatio, suggestContrastingColor, wcagAaText } from './contrast';

/** A change the export made to what was entered, kept in the export record so nobody is surprised. */
export interface ExportAdjustment {
  readonly field: 'primaryColor' | 'accentColor';
  readonly from: string;
  readonly to: string;
  readonly message: string;
}

const labels = { primaryColor: 'primary', accentColor: 'accent' } as const;

/**
 * The report prints both brand colours as text on white (headings, labels) and the primary one
 * behind white text (cover band, table heads): a colour under WCAG AA (4.5:1) is darkened to the
 * nearest one that passes, for every format alike, and the change is listed.
 */
export const brandingForPrint = (branding: BrandingProfile): { branding: BrandingProfile; adjustments: ExportAdjustment[] } => {
  const adjustments: ExportAdjustment[] = [];
  const fix = (field: ExportAdjustment['field']): string => {
    const from = branding[field];
    const ratio = contrastRatio(from, '#ffffff');
    if (ratio >= wcagAaText) return from;
    const to = suggestContrastingColor(from, '#ffffff');
    adjustments.push({
      field,
      from,
      to,
      message: `The ${labels[field]} colour ${from} (${ratio.toFixed(2)}:1 on white) was printed as ${to} (${contrastRatio(to, '#ffffff').toFixed(2)}:1) so text in it stays readable.`,
    });
    return to;
  };
  const primaryColor = fix('primaryColor');
  const accentColor = fix('accentColor');
  return { branding: adjustments.length === 0 ? branding : { ...branding, primaryColor, accentColor }, adjustments };
};
