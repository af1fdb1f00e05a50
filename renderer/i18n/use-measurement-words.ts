import { useMemo } from 'react';
import { measurementWords, type MeasurementWords } from '../../shared/reports/measurement-words';
import { useText } from './app-intl';

/** Measurement names, values and the words around answers in the app's language (the pseudo-locale reads English ones). */
export const useMeasurementWords = (): MeasurementWords => {
  const { locale } = useText();
  return useMemo(() => measurementWords(locale === 'fr-CA' ? 'fr-CA' : 'en'), [locale]);
};
