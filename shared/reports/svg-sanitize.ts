/**
 * SVG logo sanitiser: parses the markup with a small strict tokenizer, keeps only an allow-list
 * of drawing elements and attributes, and writes a fresh document from what it kept. Scripts,
 * event handlers, foreignObject, animation (which can rewrite links) and any reference outside
 * the document are removed; what cannot be parsed with certainty is refused.
 */

export type SvgSanitizeResult =
  | { ok: true; svg: string; removed: string[] }
  | { ok: false; reason: string };

const allowedElements = new Set([
  'svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan',
  'defs', 'lineargradient', 'radialgradient', 'stop', 'clippath', 'mask', 'pattern', 'symbol', 'use',
  'title', 'desc', 'style', 'image', 'filter', 'fegaussianblur', 'feoffset', 'feblend', 'fecolormatrix',
  'feflood', 'fecomposite', 'femerge', 'femergenode', 'marker',
]);

const allowedAttribute = /^(?:[a-z][a-z0-9-]*|xml:space|xlink:href|xmlns(?::xlink)?)$/i;

const maxDepth = 64;
const maxInput = 1024 * 1024;

const isSafeUrl = (value: string): boolean => {
  const v = value.trim();
  return v.startsWith('#') || /^data:image\/(?:png|jpeg|gif);base64,[a-z0-9+/=\s]*$/i.test(v);
};

/** url(...) may only point inside the document. */
const hasUnsafeCss = (css: string): boolean => {
  const lowered = css.toLowerCase();
  if (/@import|expression\s*\(|behavior\s*:|-moz-binding|javascript:|<|\\/.test(lowered)) return true;
  for (const m of lowered.matchAll(/url\s*\(\s*(['"]?)([^'")]*)\1\s*\)/g)) {
    if (!(m[2] ?? '').trim().startsWith('#')) return true;
  }
  return /url\s*\(/.test(lowered.replace(/url\s*\(\s*(['"]?)#[^'")]*\1\s*\)/g, ''));
};

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeEntities = (text: string): string | null => {
  let failed = false;
  const out = text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);|&/gi, (whole, body: string | undefined) => {
    if (!body) {
      failed = true;
      return '';
    }
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Math.min(Number.parseInt(body.slice(2), 16), 0x10ffff));
    if (body.startsWith('#')) return String.fromCodePoint(Math.min(Number.parseInt(body.slice(1), 10), 0x10ffff));
    const named = namedEntities[body.toLowerCase()];
    if (named === undefined) failed = true;
    return named ?? whole;
  });
  return failed ? null : out;
};

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

interface OpenElement {
  readonly name: string;
  readonly original: string;
  readonly kept: boolean;
}

const textHolders = new Set(['text', 'tspan', 'textpath', 'title', 'desc', 'style']);

export const sanitizeSvg = (input: string): SvgSanitizeResult => {
  if (input.length > maxInput) return { ok: false, reason: 'The SVG is larger than 1 MB.' };
  const removed: string[] = [];
  const out: string[] = [];
  const stack: OpenElement[] = [];
  let dropping = 0;
  let sawRoot = false;
  let pos = 0;
  const src = input.replace(/^\uFEFF/, '');

  const insideStyle = () => stack.at(-1)?.name === 'style';
  // Character data only means something inside these; elsewhere (directly in <svg>, <g> …) it is
  // never drawn, so it is dropped rather than carried along as stray text.
  const holdsText = () => textHolders.has(stack.at(-1)?.name ?? '');

  while (pos < src.length) {
    const lt = src.indexOf('<', pos);
    const textEnd = lt === -1 ? src.length : lt;
    if (textEnd > pos) {
      const raw = src.slice(pos, textEnd);
      if (stack.length === 0) {
        if (raw.trim() !== '') return { ok: false, reason: 'The SVG has text outside its root element.' };
      } else if (dropping === 0) {
        const decoded = decodeEntities(raw);
        if (decoded === null) return { ok: false, reason: 'The SVG uses entities that cannot be checked.' };
        if (insideStyle() && hasUnsafeCss(decoded)) {
          removed.push('style with external references');
        } else if (!holdsText() && decoded.trim() !== '') {
          removed.push('stray text');
        } else out.push(escapeText(decoded));
      }
      pos = textEnd;
      continue;
    }
    if (src.startsWith('<!--', pos)) {
      const end = src.indexOf('-->', pos + 4);
      if (end === -1) return { ok: false, reason: 'The SVG has an unterminated comment.' };
      pos = end + 3;
      continue;
    }
    if (src.startsWith('<?', pos)) {
      const end = src.indexOf('?>', pos + 2);
      if (end === -1) return { ok: false, reason: 'The SVG has an unterminated processing instruction.' };
      const body = src.slice(pos + 2, end);
      if (!/^xml[\s]/i.test(body)) removed.push('processing instruction');
      pos = end + 2;
      continue;
    }
    if (src.startsWith('<![CDATA[', pos)) {
      const end = src.indexOf(']]>', pos + 9);
      if (end === -1) return { ok: false, reason: 'The SVG has an unterminated CDATA section.' };
      const body = src.slice(pos + 9, end);
      if (dropping === 0 && stack.length > 0) {
        if (insideStyle() && hasUnsafeCss(body)) removed.push('style with external references');
        else if (!holdsText() && body.trim() !== '') removed.push('stray text');
        else out.push(escapeText(body));
      }
      pos = end + 3;
      continue;
    }
    if (src.startsWith('<!', pos)) {
      // DOCTYPE can declare entities (billion laughs, external entities): never accepted.
      return { ok: false, reason: 'The SVG has a DOCTYPE or declaration; save it again as plain SVG.' };
    }
    if (src.startsWith('</', pos)) {
      const m = /^<\/([A-Za-z_][\w:.-]*)\s*>/.exec(src.slice(pos, pos + 200));
      if (!m?.[1]) return { ok: false, reason: 'The SVG has a malformed closing tag.' };
      const name = m[1].toLowerCase();
      const open = stack.pop();
      if (!open || open.name !== name) return { ok: false, reason: `The SVG closes <${name}> that is not open.` };
      if (dropping > 0) dropping -= 1;
      else if (open.kept) out.push(`</${open.original}>`);
      pos += m[0].length;
      continue;
    }
    // An opening tag: parse the name and attributes strictly.
    const tag = parseTag(src, pos);
    if (!tag) return { ok: false, reason: 'The SVG has a malformed tag.' };
    pos = tag.end;
    const name = tag.name.toLowerCase();
    if (stack.length === 0) {
      if (sawRoot) return { ok: false, reason: 'The SVG has more than one root element.' };
      if (name !== 'svg') return { ok: false, reason: 'This is not an SVG image.' };
      sawRoot = true;
    }
    if (stack.length >= maxDepth) return { ok: false, reason: 'The SVG is nested too deeply.' };
    const keep = dropping === 0 && allowedElements.has(name);
    if (dropping === 0 && !keep) removed.push(`<${name}>`);
    if (keep) {
      const attrs: string[] = [];
      for (const [rawName, rawValue] of tag.attributes) {
        const attrName = rawName.toLowerCase();
        const value = decodeEntities(rawValue);
        if (value === null) return { ok: false, reason: 'The SVG uses entities that cannot be checked.' };
        if (attrName.startsWith('on')) {
          removed.push(`${attrName} handler`);
          continue;
        }
        if (!allowedAttribute.test(rawName)) {
          removed.push(`attribute ${rawName}`);
          continue;
        }
        if ((attrName === 'href' || attrName === 'xlink:href') && !isSafeUrl(value)) {
          removed.push(`external reference ${attrName}`);
          continue;
        }
        if (/javascript:|vbscript:|data:text/i.test(value.replace(/\s+/g, ''))) {
          removed.push(`attribute ${rawName}`);
          continue;
        }
        if ((attrName === 'style' || /url\s*\(/i.test(value)) && hasUnsafeCss(value)) {
          removed.push(`attribute ${rawName} with external references`);
          continue;
        }
        attrs.push(` ${rawName}="${escapeAttr(value)}"`);
      }
      if (name === 'svg' && stack.length === 0 && !tag.attributes.some(([n]) => n === 'xmlns')) {
        attrs.unshift(' xmlns="http://www.w3.org/2000/svg"');
      }
      out.push(`<${tag.name}${attrs.join('')}${tag.selfClosing ? '/>' : '>'}`);
    }
    if (!tag.selfClosing) {
      stack.push({ name, original: tag.name, kept: keep });
      // Inside a dropped element every child is dropped too; count them so the closing tags match.
      if (!keep) dropping += 1;
    }
  }
  if (stack.length > 0) return { ok: false, reason: 'The SVG ends before its elements are closed.' };
  if (!sawRoot) return { ok: false, reason: 'This is not an SVG image.' };
  return { ok: true, svg: out.join(''), removed };
};

interface ParsedTag {
  readonly name: string;
  readonly attributes: [string, string][];
  readonly selfClosing: boolean;
  readonly end: number;
}

const parseTag = (src: string, start: number): ParsedTag | null => {
  const nameMatch = /^<([A-Za-z_][\w:.-]*)/.exec(src.slice(start, start + 200));
  if (!nameMatch?.[1]) return null;
  let pos = start + nameMatch[0].length;
  const attributes: [string, string][] = [];
  const seen = new Set<string>();
  for (;;) {
    const ws = /^\s*/.exec(src.slice(pos, pos + 10_000));
    pos += ws?.[0].length ?? 0;
    if (src.startsWith('/>', pos)) return { name: nameMatch[1], attributes, selfClosing: true, end: pos + 2 };
    if (src.startsWith('>', pos)) return { name: nameMatch[1], attributes, selfClosing: false, end: pos + 1 };
    const attr = /^([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(src.slice(pos, pos + maxInput));
    if (!attr?.[1]) return null;
    const lowered = attr[1].toLowerCase();
    if (seen.has(lowered)) return null;
    seen.add(lowered);
    if ((attr[3] ?? attr[4] ?? '').includes('<')) return null;
    attributes.push([attr[1], attr[3] ?? attr[4] ?? '']);
    pos += attr[0].length;
  }
};
