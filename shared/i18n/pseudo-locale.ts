import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer';
import { en, type Catalogue, type MessageId } from './messages-en';

// The parser ships with intl-messageformat (the same version it parses with), so the pseudo-locale
// reads messages exactly as they will be formatted; hand-rolled brace matching would not.

const accents: Record<string, string> = {
  a: 'å', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', w: 'ŵ', y: 'ý', z: 'ž',
  A: 'Å', C: 'Ç', D: 'Ð', E: 'É', G: 'Ĝ', I: 'Î', L: 'Ĺ', N: 'Ñ', O: 'Ö', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', Y: 'Ý', Z: 'Ž',
};
const accented = (text: string): string => [...text].map((ch) => accents[ch] ?? ch).join('');

/** The length a reader sees: literals, a few characters per argument, the longest branch of a plural or select. */
const literalLength = (ast: readonly MessageFormatElement[]): number =>
  ast.reduce((n, el) => {
    if (el.type === TYPE.literal) return n + el.value.length;
    if (el.type === TYPE.plural || el.type === TYPE.select) return n + Math.max(0, ...Object.values(el.options).map((o) => literalLength(o.value)));
    return n + (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.pound ? 6 : 0);
  }, 0);

const transform = (ast: MessageFormatElement[]): MessageFormatElement[] =>
  ast.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accented(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      return { ...el, options: Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: transform(o.value) }])) };
    }
    if (el.type === TYPE.tag) return { ...el, children: transform(el.children) };
    return el;
  });

/** One message in the pseudo-locale: letters accented, arguments untouched, padded to about 130 % of its length. */
export const pseudoMessage = (message: string): string => {
  const ast = transform(parse(message));
  const pad = Math.max(2, Math.ceil(literalLength(parse(message)) * 0.3));
  const filler = '·ẋ'.repeat(Math.ceil(pad / 2)).slice(0, pad);
  return `⟦${printAST(ast)} ${filler}⟧`;
};

/** Any English catalogue (reports, screens, services) in the pseudo-locale, id for id. */
export const pseudoOf = <Id extends string>(english: Readonly<Record<Id, string>>): Record<Id, string> => {
  const out = {} as Record<Id, string>;
  for (const id of Object.keys(english) as Id[]) out[id] = pseudoMessage(english[id]);
  return out;
};

/** The whole pseudo report catalogue, from English. */
export const pseudoCatalogue = (): Catalogue => pseudoOf<MessageId>(en);
