/** WCAG 2.x contrast: relative luminance, contrast ratio, and a nearby colour that passes. */

export const wcagAaText = 4.5;

type Rgb = readonly [number, number, number];

export const parseHex = (hex: string): Rgb | null => {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return null;
  const n = Number.parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

export const toHex = ([r, g, b]: Rgb): string =>
  `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;

const channel = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

export const relativeLuminance = (rgb: Rgb): number => 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);

export const contrastRatio = (a: string, b: string): number => {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return 1;
  const la = relativeLuminance(ca);
  const lb = relativeLuminance(cb);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};

/**
 * The closest colour (same hue, mixed towards black or white) that reaches `target` against
 * `background`; darker on a light background, lighter on a dark one.
 */
export const suggestContrastingColor = (color: string, background: string, target = wcagAaText): string => {
  const rgb = parseHex(color);
  const bg = parseHex(background);
  if (!rgb || !bg) return color;
  if (contrastRatio(color, background) >= target) return toHex(rgb);
  const towards: Rgb = relativeLuminance(bg) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  // Binary search on the mix amount: the smallest change that passes keeps the brand's look.
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 20; i += 1) {
    const mid = (lo + hi) / 2;
    const mixed = toHex(rgb.map((c, k) => c + (towards[k]! - c) * mid) as unknown as Rgb);
    if (contrastRatio(mixed, background) >= target) hi = mid;
    else lo = mid;
  }
  const result = toHex(rgb.map((c, k) => c + (towards[k]! - c) * hi) as unknown as Rgb);
  return contrastRatio(result, background) >= target ? result : toHex(towards);
};

export interface ContrastWarning {
  readonly field: 'primaryColor' | 'accentColor';
  readonly against: string;
  readonly ratio: number;
  readonly message: string;
  readonly suggestion: string;
}

/**
 * How the report uses the colours: primary as heading text on white and as the cover band
 * behind white text; accent as text (links, labels) on white.
 */
export const checkBrandingContrast = (primaryColor: string, accentColor: string): ContrastWarning[] => {
  const warnings: ContrastWarning[] = [];
  const check = (field: ContrastWarning['field'], color: string, usage: string) => {
    const ratio = contrastRatio(color, '#ffffff');
    if (ratio < wcagAaText) {
      warnings.push({
        field,
        against: '#ffffff',
        ratio: Math.round(ratio * 100) / 100,
        message: `${usage} ${color} has a contrast of ${ratio.toFixed(2)}:1 with white; WCAG AA needs 4.5:1 for text.`,
        suggestion: suggestContrastingColor(color, '#ffffff'),
      });
    }
  };
  check('primaryColor', primaryColor, 'The primary colour');
  check('accentColor', accentColor, 'The accent colour');
  return warnings;
};
