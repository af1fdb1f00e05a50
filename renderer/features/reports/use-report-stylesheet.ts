import { useEffect } from 'react';
import { reportCss } from '../../../shared/reports/report-styles';

let sheet: CSSStyleSheet | null = null;

/**
 * The report stylesheet for the in-app preview, shared with the exported HTML. It is adopted as a
 * constructed stylesheet: the app's CSP forbids <style> tags, and this needs none.
 */
export const useReportStylesheet = (): void => {
  useEffect(() => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(reportCss);
    }
    const adopted = sheet;
    if (!document.adoptedStyleSheets.includes(adopted)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, adopted];
  }, []);
};
