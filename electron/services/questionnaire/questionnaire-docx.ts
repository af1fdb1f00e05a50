import crypto from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { BuilderElement, Document, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { unzipSync } from 'fflate';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import type { AnswerValue } from '../../../shared/interview/answer-values';
import { stakeholderLabels, type Question, type QuestionBank, type Stakeholder } from '../../../shared/interview/bank-schema';
import type { AnswersPayload } from '../../../shared/questionnaire/questionnaire-schemas';
import type { BankQuestion } from '../../../shared/interview/parse-bank';
import type { QuestionnaireRow } from './questionnaire-repository';

/**
 * The Word response form: an editable DOCX with one content control per answer (check boxes for
 * options, plain-text controls for numbers, text and comments), each tagged `gw:…` so the import
 * finds answers by tag, not by position. A locked control holds the form's reference (questionnaire,
 * case, bank, stakeholder) and a keyed hash of the list of tags: the values are the customer's to
 * change, the structure is not, so a form with a control removed or added is refused on import.
 * The docx library writes check boxes but has no plain-text control, so both are built from its
 * generic element builder here.
 */

const attr = (key: string, value: string) => ({ [key.replace(/\W/g, '_')]: { key, value } });
const el = (name: string, attributes?: Record<string, { key: string; value: string }>, children: unknown[] = []) =>
  new BuilderElement({ name, ...(attributes ? { attributes } : {}), children: children as BuilderElement[] });

const checkBox = (tag: string, label: string) =>
  el('w:sdt', undefined, [
    el('w:sdtPr', undefined, [
      el('w:alias', attr('w:val', label.slice(0, 60))),
      el('w:tag', attr('w:val', tag)),
      el('w14:checkbox', undefined, [
        el('w14:checked', attr('w14:val', '0')),
        el('w14:checkedState', { ...attr('w14:val', '2612'), ...attr('w14:font', 'MS Gothic') }),
        el('w14:uncheckedState', { ...attr('w14:val', '2610'), ...attr('w14:font', 'MS Gothic') }),
      ]),
    ]),
    el('w:sdtContent', undefined, [new TextRun({ text: '☐', font: 'MS Gothic' })]),
  ]) as unknown as ParagraphChild;

const textControl = (tag: string, label: string, placeholder: string, locked = false) =>
  el('w:sdt', undefined, [
    el('w:sdtPr', undefined, [
      el('w:alias', attr('w:val', label.slice(0, 60))),
      el('w:tag', attr('w:val', tag)),
      ...(locked ? [el('w:lock', attr('w:val', 'sdtContentLocked'))] : []),
      el('w:text', attr('w:multiLine', '1')),
    ]),
    el('w:sdtContent', undefined, [new TextRun({ text: placeholder, color: locked ? '6B7280' : '4B5563' })]),
  ]) as unknown as ParagraphChild;

const optionTag = (questionId: string, option: string) => `gw:q:${questionId}=${option}`;

const optionsOf = (question: Question): { value: string; label: string }[] => {
  switch (question.type) {
    case 'single':
    case 'multi':
      return question.options.map((o) => ({ value: o.id, label: o.label }));
    case 'yes_no_unknown':
      return [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ];
    case 'scale':
      return Array.from({ length: question.max - question.min + 1 }, (_, i) => {
        const v = question.min + i;
        return { value: String(v), label: v === question.min ? `${v} — ${question.minLabel}` : v === question.max ? `${v} — ${question.maxLabel}` : String(v) };
      });
    default:
      return [];
  }
};

/** Every tag the form holds, in order: what the structure hash covers. */
const tagsFor = (entries: readonly BankQuestion[]): string[] => {
  const tags = ['gw:respondent.name', 'gw:respondent.role'];
  for (const { question } of entries) {
    const options = optionsOf(question);
    if (options.length > 0) for (const o of options) tags.push(optionTag(question.id, o.value));
    else tags.push(`gw:q:${question.id}`);
    tags.push(`gw:unknown:${question.id}`, `gw:note:${question.id}`);
  }
  return tags;
};

const isBoxTag = (tag: string) => tag.startsWith('gw:unknown:') || /^gw:q:[^=]+=/.test(tag);

const structureHash = (key: string, tags: readonly string[]) =>
  crypto.createHmac('sha256', Buffer.from(key, 'hex')).update([...tags].sort().join('\n'), 'utf8').digest('hex');

interface FormReference {
  questionnaireId: string;
  caseId: string;
  bankId: string;
  bankVersion: string;
  stakeholder: Stakeholder;
  structure: string;
}

const referenceText = (ref: FormReference) =>
  `Groundwork ${ref.questionnaireId} ${ref.caseId} ${ref.bankId}@${ref.bankVersion} ${ref.stakeholder} ${ref.structure}`;

const parseReference = (text: string): FormReference | null => {
  const m = /^Groundwork ([0-9a-f-]{36}) ([0-9a-f-]{36}) ([a-z0-9_.-]+)@(\S+) ([a-z_]+) ([0-9a-f]{64})$/.exec(text.trim());
  if (!m) return null;
  return { questionnaireId: m[1]!, caseId: m[2]!, bankId: m[3]!, bankVersion: m[4]!, stakeholder: m[5] as Stakeholder, structure: m[6]! };
};

export interface DocxFormInput {
  readonly questionnaire: QuestionnaireRow;
  readonly stakeholder: Stakeholder;
  readonly entries: readonly BankQuestion[];
  readonly customerName: string;
  readonly partnerName: string;
  readonly contact: string;
}

export const buildQuestionnaireDocx = async (input: DocxFormInput): Promise<Uint8Array> => {
  const { questionnaire, stakeholder, entries } = input;
  const reference: FormReference = {
    questionnaireId: questionnaire.id,
    caseId: questionnaire.caseId,
    bankId: questionnaire.bankId,
    bankVersion: questionnaire.bankVersion,
    stakeholder,
    structure: structureHash(questionnaire.signingKey, tagsFor(entries)),
  };
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`Before our visit: questions for ${stakeholderLabels[stakeholder]}`)] }),
    new Paragraph({ children: [new TextRun({ text: input.customerName, bold: true }), new TextRun(` · ${input.partnerName}`)] }),
    ...(questionnaire.coverMessage ? [new Paragraph({ children: [new TextRun(questionnaire.coverMessage)] })] : []),
    new Paragraph({
      children: [
        new TextRun(
          'Tick the boxes or type in the grey fields; "I don\'t know" is a fine answer. Please leave the boxes and fields in place, save the document and send it back' +
            (input.contact ? ` to ${input.contact}.` : '.'),
        ),
      ],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('About you')] }),
    new Paragraph({ children: [new TextRun('Your name: '), textControl('gw:respondent.name', 'Your name', 'Type your name')] }),
    new Paragraph({ children: [new TextRun('Your role: '), textControl('gw:respondent.role', 'Your role', 'Type your role')] }),
  ];
  entries.forEach(({ question }, index) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${index + 1}. ${question.selfService?.text ?? question.text}`)] }));
    if (question.selfService?.help) children.push(new Paragraph({ children: [new TextRun({ text: question.selfService.help, italics: true })] }));
    if (question.showIf) children.push(new Paragraph({ children: [new TextRun({ text: 'Answer only if it applies given your answers above.', italics: true })] }));
    const options = optionsOf(question);
    if (options.length > 0) {
      if (question.type === 'multi') children.push(new Paragraph({ children: [new TextRun({ text: 'Tick all that apply.', italics: true })] }));
      for (const o of options) children.push(new Paragraph({ children: [checkBox(optionTag(question.id, o.value), o.label), new TextRun(` ${o.label}`)] }));
    } else {
      const unit = question.type === 'number' && question.unit ? ` ${question.unit}` : '';
      children.push(new Paragraph({ children: [textControl(`gw:q:${question.id}`, 'Answer', question.type === 'number' ? 'Type a number' : 'Type your answer'), new TextRun(unit)] }));
    }
    children.push(new Paragraph({ children: [checkBox(`gw:unknown:${question.id}`, "I don't know"), new TextRun(" I don't know")] }));
    children.push(new Paragraph({ children: [new TextRun('Comment: '), textControl(`gw:note:${question.id}`, 'Comment', 'Optional')] }));
  });
  children.push(
    new Paragraph({ children: [new TextRun({ text: 'Reference (please leave as it is): ', color: '6B7280', size: 16 }), textControl('gw:reference', 'Reference', referenceText(reference), true)] }),
  );
  const doc = new Document({
    creator: input.partnerName,
    title: `Questions for ${input.customerName}`,
    styles: { default: { document: { run: { font: 'Liberation Sans', size: 22 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
};

interface Control {
  readonly tag: string;
  readonly checked: boolean | null;
  readonly text: string;
  readonly placeholder: boolean;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';

/** Every tagged content control of a filled form: its check state or its text. */
const controlsOf = (bytes: Uint8Array): Control[] => {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
    const doc = files['word/document.xml'];
    if (!doc) throw new Error('no word/document.xml');
    xml = new TextDecoder().decode(doc);
  } catch (error) {
    throw serviceFailure('validation', 'error.questionnaire.docxUnreadable', { reason: (error as Error).message });
  }
  const problems: string[] = [];
  const dom = new DOMParser({ errorHandler: { warning: () => undefined, error: (message: string) => void problems.push(message), fatalError: (message: string) => void problems.push(message) } }).parseFromString(xml, 'text/xml');
  if (problems.length > 0) throw serviceFailure('validation', 'error.questionnaire.docxDamaged', { problem: problems[0] ?? '' });
  const controls: Control[] = [];
  const sdts = dom.getElementsByTagNameNS(W, 'sdt');
  for (let i = 0; i < sdts.length; i += 1) {
    const sdt = sdts.item(i)!;
    const children = Array.from({ length: sdt.childNodes.length }, (_, k) => sdt.childNodes.item(k) as Element);
    const pr = children.find((n) => n.localName === 'sdtPr');
    const content = children.find((n) => n.localName === 'sdtContent');
    const tag = pr?.getElementsByTagNameNS(W, 'tag').item(0)?.getAttributeNS(W, 'val') ?? '';
    const checkedEl = pr?.getElementsByTagNameNS(W14, 'checked').item(0);
    const checkedVal = checkedEl?.getAttributeNS(W14, 'val');
    const texts = content ? Array.from({ length: content.getElementsByTagNameNS(W, 't').length }, (_, k) => content.getElementsByTagNameNS(W, 't').item(k)?.textContent ?? '') : [];
    controls.push({
      tag,
      checked: checkedEl ? checkedVal === '1' || checkedVal === 'true' : null,
      text: texts.join(''),
      placeholder: (pr?.getElementsByTagNameNS(W, 'showingPlcHdr').length ?? 0) > 0,
    });
  }
  return controls;
};

const placeholders = new Set(['Type your name', 'Type your role', 'Type a number', 'Type your answer', 'Optional']);
const typed = (c: Control | undefined): string => (!c || c.placeholder || placeholders.has(c.text.trim()) ? '' : c.text.trim());

/** A number as people type it in Word: "240", "1 500", "1,500", "2,5". */
const numberFrom = (text: string): number | undefined => {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const normalised = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact) ? compact.replace(/,/g, '') : compact.replace(',', '.');
  const n = Number(normalised);
  return compact !== '' && Number.isFinite(n) ? n : undefined;
};

/**
 * Reads a filled Word form back into the same payload an HTML form signs, after checking that it
 * is one of ours, for `questionnaire`, with its structure unbroken.
 */
export const readQuestionnaireDocx = (
  bytes: Uint8Array,
  findQuestionnaire: (id: string) => QuestionnaireRow | null,
  entriesFor: (questionnaire: QuestionnaireRow, stakeholder: Stakeholder) => { bank: QuestionBank; entries: readonly BankQuestion[] },
): { questionnaire: QuestionnaireRow; payload: AnswersPayload; identity: string } => {
  const controls = controlsOf(bytes);
  const referenceControl = controls.find((c) => c.tag === 'gw:reference') ?? controls.find((c) => c.checked === null && parseReference(c.text) !== null);
  const reference = parseReference(referenceControl?.text ?? '');
  if (!reference) throw serviceFailure('validation', 'error.questionnaire.docxNotQuestionnaire');
  const questionnaire = findQuestionnaire(reference.questionnaireId);
  if (!questionnaire) throw serviceFailure('validation', 'error.questionnaire.docxUnknownQuestionnaire');
  const { entries } = entriesFor(questionnaire, reference.stakeholder);
  const expectedTags = tagsFor(entries);
  const broken = () => serviceFailure('validation', 'error.questionnaire.docxStructureChanged');
  const answerControls = controls.filter((c) => c !== referenceControl && (c.tag === '' || c.tag.startsWith('gw:')));
  let named: Control[];
  if (answerControls.some((c) => c.tag !== '')) {
    named = answerControls;
  } else {
    // Some editors (LibreOffice 7.4) keep the controls and their order but drop their tags:
    // then each control is known by its place, and its kind (box or text) must match that place.
    if (answerControls.length !== expectedTags.length) throw broken();
    named = answerControls.map((c, i) => ({ ...c, tag: expectedTags[i]! }));
    if (named.some((c) => (c.checked !== null) !== isBoxTag(c.tag))) throw broken();
  }
  const present = named.map((c) => c.tag);
  const sameSet = present.length === expectedTags.length && [...present].sort().join('\n') === [...expectedTags].sort().join('\n');
  if (!sameSet || structureHash(questionnaire.signingKey, present) !== reference.structure) throw broken();
  const byTag = new Map(named.map((c) => [c.tag, c]));
  const answers: AnswersPayload['answers'] = [];
  for (const { question } of entries) {
    const note = typed(byTag.get(`gw:note:${question.id}`));
    let value: AnswerValue | undefined;
    if (byTag.get(`gw:unknown:${question.id}`)?.checked) value = null;
    else {
      const options = optionsOf(question);
      if (options.length > 0) {
        const ticked = options.filter((o) => byTag.get(optionTag(question.id, o.value))?.checked).map((o) => o.value);
        if (question.type === 'multi') value = ticked.length > 0 ? ticked : undefined;
        else if (ticked.length > 1) throw serviceFailure('validation', 'error.questionnaire.docxTooManyTicked', { question: question.selfService?.text ?? question.text, count: ticked.length });
        else if (ticked.length === 1) value = question.type === 'scale' ? Number(ticked[0]) : ticked[0];
      } else {
        const text = typed(byTag.get(`gw:q:${question.id}`));
        if (question.type === 'number' && text !== '') {
          value = numberFrom(text);
          if (value === undefined) throw serviceFailure('validation', 'error.questionnaire.docxNotANumber', { text, question: question.selfService?.text ?? question.text });
        } else if (text !== '') value = text;
      }
    }
    if (value !== undefined) answers.push({ questionId: question.id, value, note });
  }
  const name = typed(byTag.get('gw:respondent.name'));
  if (!name) throw serviceFailure('validation', 'error.questionnaire.docxNoName');
  const payload: AnswersPayload = {
    questionnaireId: questionnaire.id,
    caseId: reference.caseId,
    bank: { id: reference.bankId, version: reference.bankVersion },
    stakeholder: reference.stakeholder,
    respondent: { name, role: typed(byTag.get('gw:respondent.role')) },
    submittedAt: new Date().toISOString(),
    answers,
  };
  // Identity of what was filled in (not of the file, which Word rewrites on every save).
  const identity = crypto.createHash('sha256').update(JSON.stringify({ r: payload.respondent, s: payload.stakeholder, a: answers }), 'utf8').digest('hex');
  return { questionnaire, payload, identity };
};
