import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBrandingContrast, contrastRatio, suggestContrastingColor, wcagAaText } from '../../../shared/reports/contrast';

describe('WCAG contrast', () => {
  it('matches the known ratios: black on white 21:1, white on white 1:1, #767676 on white about 4.54:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(wcagAaText);
  });

  it('warns about a light brand colour and suggests a darker one that passes', () => {
    const warnings = checkBrandingContrast('#ffcc00', '#1f4e79');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.field).toBe('primaryColor');
    expect(warnings[0]?.message).toMatch(/4\.5:1/);
    const suggestion = warnings[0]!.suggestion;
    expect(contrastRatio(suggestion, '#ffffff')).toBeGreaterThanOrEqual(wcagAaText);
    expect(contrastRatio(suggestion, '#000000')).toBeGreaterThan(1);
  });

  it('says nothing about colours that already pass', () => {
    expect(checkBrandingContrast('#1f4e79', '#2e7d32')).toEqual([]);
  });

  it('suggests a lighter colour on a dark background', () => {
    const s = suggestContrastingColor('#333333', '#000000');
    expect(contrastRatio(s, '#000000')).toBeGreaterThanOrEqual(wcagAaText);
  });

  it('every suggestion passes AA, for any colour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const color = `#${n.toString(16).padStart(6, '0')}`;
        expect(contrastRatio(suggestContrastingColor(color, '#ffffff'), '#ffffff')).toBeGreaterThanOrEqual(wcagAaText);
      }),
      { numRuns: 300 },
    );
  });
});
