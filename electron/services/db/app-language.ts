import type { Database } from 'better-sqlite3';
import { appLocaleSchema, defaultLocale, type AppLocale } from '../../../shared/i18n/locales';
import { deviceId } from './device-clock';

/** The app's language on this installation; a value the schema no longer knows reads as the default. */
export const appLanguageOf = (db: Database): AppLocale => {
  deviceId(db);
  const stored = db.prepare('SELECT app_language FROM device WHERE singleton = 1').pluck().get();
  const parsed = appLocaleSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultLocale;
};

/** Only the device row changes: no case, export or outbox row (the language is the engineer's, not synced). */
export const setAppLanguage = (db: Database, language: AppLocale): AppLocale => {
  deviceId(db);
  db.prepare('UPDATE device SET app_language = ? WHERE singleton = 1').run(language);
  return appLanguageOf(db);
};
