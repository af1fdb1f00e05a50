import type { Database } from 'better-sqlite3';
import { bankQuestions } from '../../shared/interview/parse-bank';
import { createCase } from '../../electron/services/cases/cases-repository';
import { recordAnswer, setNote } from '../../electron/services/interview/answers-repository';
import { activeBank } from '../../electron/services/interview/bank-store';
import { refreshDirtyCases } from '../../electron/services/history/case-index';
import { extremeAnswer } from './answer-all';
import { pino } from 'pino';

/** A small deterministic PRNG (mulberry32), so every run seeds the same history. */
export const seededRandom = (seed: number) => {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const prefixes = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Adatum', 'Litware', 'Proseware', 'Woodgrove', 'Margie', 'Alpine', 'Coho', 'Lucerne', 'Wingtip', 'Humongous', 'Trey', 'Blue Yonder'];
const suffixes = ['Traders', 'Logistics', 'Dental', 'Legal LLP', 'Manufacturing', 'Foods', 'Health', 'Accounting', 'Builders', 'Retail', 'Insurance', 'Academy'];
const sites = ['Head office', 'Warehouse', 'Branch', 'Factory', 'Clinic', 'Store', 'Depot', 'Campus'];
const engineers = ['Sam Field', 'Alex Mercer', 'Priya Shah', 'Tom Berger', 'Ana Costa', 'Li Wei', 'Omar Haddad', 'Grace Kim', 'Jonas Meyer', 'Fatima Noor'];
const notes = ['backup runs nightly to a NAS', 'guest wifi shares the office VLAN', 'CEO wants copilots for sales', 'ERP is 15 years old', 'shadow AI use in marketing', 'MFA only for admins', 'file server full of duplicates', 'firewall firmware outdated'];

export interface SeedOptions {
  readonly cases: number;
  /** How many of them get a full interview (answers, notes, scores). */
  readonly interviewed: number;
  readonly seed?: number;
}

/**
 * Seeds a realistic case history through the real repositories (rows, outbox, HLC), so searches
 * and lists are measured on what the app itself writes. Returns the case ids, oldest first.
 */
export const seedCases = (db: Database, options: SeedOptions): string[] => {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const customers = Array.from({ length: Math.max(1, Math.ceil(options.cases / 3)) }, (_, i) => `${pick(prefixes)} ${pick(suffixes)} ${i}`);
  const bank = activeBank(db);
  const questions = bankQuestions(bank).map((q) => q.question);
  const ids: string[] = [];
  const every = options.interviewed > 0 ? Math.max(1, Math.floor(options.cases / options.interviewed)) : Infinity;
  db.transaction(() => {
    for (let i = 0; i < options.cases; i += 1) {
      const created = createCase(db, {
        customerName: pick(customers),
        siteName: pick(sites),
        siteAddress: '',
        engineer: pick(engineers),
        title: random() < 0.5 ? 'AI readiness assessment' : 'Network and security review',
        contacts: [{ name: `${pick(['Jo', 'Kim', 'Lee', 'Max', 'Noa'])} ${pick(['Smith', 'Ortiz', 'Kowalski', 'Tanaka'])}`, role: 'IT lead', email: '', phone: '' }],
      });
      ids.push(created.id);
      if (Number.isFinite(every) && i % every === 0 && i / every < options.interviewed) {
        for (const question of questions) {
          const value = extremeAnswer(question, random() < 0.5);
          try {
            recordAnswer(db, { caseId: created.id, questionId: question.id, value, measured: false });
          } catch {
            // A question hidden by an earlier answer refuses nothing here; skip any the bank rejects.
          }
        }
        setNote(db, created.id, questions[0]?.id ?? '', pick(notes));
      }
    }
  })();
  // A case that fails to score shows on stderr; the seeded history is still usable.
  refreshDirtyCases(db, pino({ level: 'warn' }, pino.destination(2)));
  return ids;
};
