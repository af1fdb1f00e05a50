import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sanitizeSvg } from '../../../shared/reports/svg-sanitize';

const ok = (svg: string) => {
  const result = sanitizeSvg(svg);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
};

describe('SVG logo sanitiser', () => {
  it('keeps a plain logo drawing intact', () => {
    const r = ok('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect x="1" y="1" width="8" height="8" fill="#123456"/><text x="2" y="8">A&amp;B</text></svg>');
    expect(r.svg).toContain('<rect x="1" y="1" width="8" height="8" fill="#123456"/>');
    expect(r.svg).toContain('A&amp;B');
    expect(r.removed).toEqual([]);
  });

  it('removes script elements with their content, and event handlers', () => {
    const r = ok('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><circle r="4" onclick="alert(3)" OnMouseOver="x()"/></svg>');
    expect(r.svg).not.toMatch(/script|alert|onload|onclick|onmouseover/i);
    expect(r.svg).toContain('<circle r="4"/>');
    expect(r.removed).toEqual(expect.arrayContaining(['<script>', 'onload handler', 'onclick handler']));
  });

  it('removes foreignObject, animation and external references', () => {
    const r = ok(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">' +
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>' +
        '<a href="https://evil.example"><rect width="1" height="1"/></a>' +
        '<image href="https://evil.example/x.png"/><image xlink:href="data:image/png;base64,AAAA"/>' +
        '<use href="#a"/><use xlink:href="http://evil.example/s.svg#a"/>' +
        '<set attributeName="href" to="javascript:alert(1)"/>' +
        '<rect style="fill: url(https://evil.example/p)" fill="url(#grad)" width="2" height="2"/></svg>',
    );
    expect(r.svg).not.toMatch(/evil|foreignObject|javascript|<set|<a /i);
    expect(r.svg).toContain('xlink:href="data:image/png;base64,AAAA"');
    expect(r.svg).toContain('<use href="#a"/>');
    expect(r.svg).toContain('fill="url(#grad)"');
  });

  it('keeps a style element only when it refers to nothing outside', () => {
    expect(ok('<svg><style>.a{fill:red}</style></svg>').svg).toContain('.a{fill:red}');
    const r = ok('<svg><style>@import url(https://evil.example/x.css); .a{fill:red}</style></svg>');
    expect(r.svg).not.toContain('evil');
  });

  it('refuses what it cannot make safe: DOCTYPE entities, unknown entities, broken markup, not an SVG', () => {
    expect(sanitizeSvg('<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>').ok).toBe(false);
    expect(sanitizeSvg('<svg><text>&nbsp;</text></svg>').ok).toBe(false);
    expect(sanitizeSvg('<svg><g></svg>').ok).toBe(false);
    expect(sanitizeSvg('<svg><rect x="1" x="2"/></svg>').ok).toBe(false);
    expect(sanitizeSvg('<html><script>1</script></html>').ok).toBe(false);
    expect(sanitizeSvg('not markup').ok).toBe(false);
    expect(sanitizeSvg('<svg/><svg/>').ok).toBe(false);
  });

  it('drops character data that no element draws, and keeps text in text elements', () => {
    // fast-check found this one: CSS-looking text straight inside <svg> used to be carried along.
    const stray = sanitizeSvg('<svg >a{b:url(http://e)}</svg>');
    expect(stray.ok && stray.svg.replace(/xmlns(?::\w+)?="[^"]*"/g, '')).not.toMatch(/http:/);
    const labelled = sanitizeSvg('<svg><title>Acme</title><text x="1">Acme &amp; Co</text></svg>');
    expect(labelled.ok && labelled.svg).toMatch(/<title>Acme<\/title><text x="1">Acme &amp; Co<\/text>/);
  });

  it('never lets a script, a handler or a remote URL through, whatever the input', () => {
    const piece = fc.constantFrom(
      '<svg>', '</svg>', '<g>', '</g>', '<script>', '</script>', '<rect onload="x()"/>', '<a href="http://e">', '</a>',
      '<foreignObject>', '</foreignObject>', 'text', '&amp;', '<![CDATA[<script>]]>', '<!-- c -->', '<image href="javascript:x"/>',
      '<style>', '</style>', 'a{b:url(http://e)}', '<use xlink:href="//e/x"/>', '"', "'", '<', '>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const result = sanitizeSvg(parts.join(''));
        if (result.ok) {
          expect(result.svg.replace(/xmlns(?::\w+)?="[^"]*"/g, '')).not.toMatch(/<script|<foreignObject|\son\w+=|javascript:|http:|\/\/e/i);
        }
      }),
      { numRuns: 500 },
    );
  });
});
