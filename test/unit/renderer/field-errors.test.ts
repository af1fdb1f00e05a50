import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { fieldErrors } from '../../../renderer/api/field-errors';
import { caseCreateSchema } from '../../../shared/domain/cases';
import { passphraseChangeSchema } from '../../../shared/domain/app-info';
import { formatIssuePath } from '../../../shared/contract/result';
import { appCatalogueFor, type AppMessageId } from '../../../shared/i18n/ui-catalogue';
import type { z } from 'zod';

const translator = (locale: 'en' | 'fr-CA') => {
  const intl = createIntl({ locale, messages: appCatalogueFor(locale), onError: (e) => { throw e; } });
  return (id: AppMessageId, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
};

/** What the schema itself says (the services' and the CLI's words), by path. */
const schemaWords = (schema: z.ZodType, value: unknown): Record<string, string> => {
  const result = schema.safeParse(value);
  const out: Record<string, string> = {};
  for (const issue of result.success ? [] : result.error.issues) out[formatIssuePath(issue.path)] ??= issue.message;
  return out;
};

// Every check the new-case form can fail: an empty customer, a contact without a name and with a bad email, a 201-character role.
const badCase = { customerName: '  ', contacts: [{ name: '', email: 'not-an-address', role: 'r'.repeat(201) }] };
const badPassphrase = { next: 'short', confirm: 'other' };

describe('a form’s own checks, said in the app’s language', () => {
  it('in English the form says exactly what the schema says', () => {
    const en = translator('en');
    expect(fieldErrors(caseCreateSchema, badCase, en)).toEqual(schemaWords(caseCreateSchema, badCase));
    expect(fieldErrors(caseCreateSchema, badCase, en)).toEqual({
      customerName: 'Customer name is required',
      'contacts[0].name': 'Contact name is required',
      'contacts[0].email': 'Email must look like name@example.com',
      'contacts[0].role': 'Role must be at most 200 characters',
    });
    expect(fieldErrors(passphraseChangeSchema, badPassphrase, en)).toEqual(schemaWords(passphraseChangeSchema, badPassphrase));
    const tooMany = { customerName: 'A', contacts: Array.from({ length: 51 }, (_, i) => ({ name: `C${i}` })) };
    expect(fieldErrors(caseCreateSchema, tooMany, en)).toEqual({ contacts: 'At most 50 contacts' });
  });

  it('in French each sentence is French, with the field it is about', () => {
    const fr = translator('fr-CA');
    expect(fieldErrors(caseCreateSchema, badCase, fr)).toEqual({
      customerName: 'Le nom du client est obligatoire',
      'contacts[0].name': 'Le nom de la personne-ressource est obligatoire',
      'contacts[0].email': 'Le courriel doit avoir la forme nom@exemple.com',
      'contacts[0].role': 'Le rôle ne doit pas dépasser 200 caractères',
    });
    expect(fieldErrors(passphraseChangeSchema, badPassphrase, fr)).toEqual({
      next: 'Utilisez au moins 12 caractères (quelques mots sont plus faciles à retenir)',
      confirm: 'Les deux nouvelles phrases de passe ne concordent pas',
    });
  });

  it('a valid form has no errors in either language', () => {
    expect(fieldErrors(caseCreateSchema, { customerName: 'Boulangerie' }, translator('fr-CA'))).toEqual({});
  });
});
