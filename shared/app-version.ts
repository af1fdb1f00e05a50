/**
 * The version this build ships as: the CLI's --version, the app's About line, every bundle and
 * export. It equals package.json's version (test/unit/release/app-version.test.ts keeps them equal);
 * a plain constant so the CLI can print it without loading anything else.
 */
export const appVersion = '0.1.0';
