/**
 * The report stylesheet, scoped under .gw-report. It is a string so the exported HTML can inline
 * it and the app can adopt it as a constructed stylesheet (the app's CSP forbids <style> tags).
 */
export const reportCss = `
.gw-report { --gw-primary: #1f4e79; --gw-accent: #2e7d32; --gw-font: 'DejaVu Sans', Arial, sans-serif;
  font-family: var(--gw-font); color: #1d2026; font-size: 10.5pt; line-height: 1.45; background: #fff; }
.gw-report * { box-sizing: border-box; }
.gw-report h1, .gw-report h2, .gw-report h3 { color: var(--gw-primary); line-height: 1.2; break-after: avoid; }
.gw-report h2 { font-size: 17pt; margin: 0 0 10pt; padding-bottom: 4pt; border-bottom: 2px solid var(--gw-accent); }
.gw-report h3 { font-size: 12pt; margin: 14pt 0 6pt; }
.gw-report p { margin: 0 0 7pt; }
.gw-report .gw-cover { min-height: 250mm; max-height: 262mm; overflow: hidden; display: flex; flex-direction: column; break-after: page; }
.gw-report .gw-cover-band { background: var(--gw-primary); color: #fff; padding: 18mm 14mm 12mm; display: flex; align-items: center; gap: 10mm; }
.gw-report .gw-cover-logo { max-height: 22mm; max-width: 60mm; background: #fff; padding: 3mm; border-radius: 2mm; }
.gw-report .gw-cover-partner { font-size: 18pt; font-weight: bold; margin: 0; overflow-wrap: anywhere; }
.gw-report .gw-cover-body { padding: 30mm 14mm 0; flex: 1; min-height: 0; }
.gw-report .gw-cover-kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--gw-accent); font-weight: bold; font-size: 10pt; }
.gw-report .gw-cover-title { font-size: 30pt; margin: 4pt 0 18pt; }
.gw-report .gw-cover-customer { font-size: 22pt; font-weight: bold; margin-bottom: 4pt; overflow-wrap: anywhere; }
.gw-report .gw-cover-customer.gw-name-long { font-size: 14pt; }
.gw-report .gw-cover-customer.gw-name-longer { font-size: 9pt; line-height: 1.25; }
.gw-report .gw-cover-customer.gw-name-longest { font-size: 6.5pt; line-height: 1.2; font-weight: normal; }
.gw-report .gw-cover-customer-row { display: flex; align-items: center; gap: 6mm; }
.gw-report .gw-customer-logo { max-height: 18mm; max-width: 50mm; }
.gw-report .gw-cover-site { font-size: 12pt; color: #444; overflow-wrap: anywhere; }
.gw-report .gw-cover-meta { display: grid; grid-template-columns: 32mm 1fr; gap: 3pt 8pt; margin-top: 24mm; font-size: 11pt; }
.gw-report .gw-cover-meta dt { color: #555; }
.gw-report .gw-cover-meta dd { margin: 0; overflow-wrap: anywhere; }
.gw-report .gw-cover-contact { padding: 0 14mm; white-space: pre-line; color: #444; font-size: 9.5pt; }
.gw-report .gw-section { margin-bottom: 14pt; }
.gw-report .gw-new-page { break-before: page; }
.gw-report .gw-lead { font-size: 12pt; }
.gw-report .gw-facts { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6pt; margin: 10pt 0 14pt; }
.gw-report .gw-fact { border: 1px solid #d6dae0; border-top: 4px solid var(--gw-accent); padding: 6pt 8pt; }
.gw-report .gw-fact-value { display: block; font-size: 16pt; font-weight: bold; color: var(--gw-primary); }
.gw-report .gw-fact-label { font-size: 8.5pt; color: #555; }
.gw-report .gw-three-col { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10pt; align-items: start; }
.gw-report .gw-three-col ul { padding-left: 12pt; margin: 0; }
.gw-report .gw-change-lists ul { padding-left: 14pt; margin: 0 0 6pt; }
.gw-report .gw-change-lists li { break-inside: avoid; }
.gw-report .gw-two-col { display: grid; grid-template-columns: minmax(0, 1.5fr) minmax(0, 1fr); gap: 10pt; align-items: start; }
.gw-report .gw-chart { max-width: 100%; height: auto; display: block; }
.gw-report .gw-risks li, .gw-report .gw-roadmap li { margin-bottom: 5pt; }
.gw-report .gw-roadmap { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8pt; }
.gw-report .gw-roadmap-col { border: 1px solid #d6dae0; padding: 0 8pt 6pt; break-inside: avoid; }
.gw-report .gw-roadmap ul { padding-left: 0; list-style: none; margin: 0; }
.gw-report .gw-sev { display: inline-block; font-size: 7.5pt; font-weight: bold; text-transform: uppercase; padding: 1pt 4pt; border-radius: 2pt; color: #fff; vertical-align: 1pt; }
.gw-report .gw-sev-critical { background: #8b0000; }
.gw-report .gw-sev-high { background: #b33a00; }
.gw-report .gw-sev-medium { background: #7a5c00; }
.gw-report .gw-sev-low { background: #2f5f8a; }
.gw-report .gw-sev-info { background: #555; }
.gw-report .gw-finding { border-left: 3px solid var(--gw-accent); padding: 1pt 0 1pt 9pt; margin-bottom: 9pt; break-inside: avoid; overflow-wrap: anywhere; }
.gw-report .gw-finding header { display: flex; gap: 6pt; align-items: baseline; }
.gw-report .gw-finding h3 { margin: 0; font-size: 11.5pt; }
.gw-report .gw-finding-meta, .gw-report .gw-muted { color: #5a606b; }
.gw-report .gw-finding-meta { font-size: 9pt; margin: 2pt 0 4pt; }
.gw-report .gw-label { font-weight: bold; color: #333; }
.gw-report .gw-evidence { margin: 0 0 4pt; padding-left: 14pt; }
.gw-report .gw-finding p { margin-bottom: 3pt; }
.gw-report .gw-table { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt; font-size: 9.5pt; }
.gw-report .gw-table th { text-align: left; background: var(--gw-primary); color: #fff; padding: 4pt 6pt; font-weight: bold; }
.gw-report .gw-table td { border-bottom: 1px solid #dde1e6; padding: 4pt 6pt; vertical-align: top; overflow-wrap: break-word; }
.gw-report .gw-table td.gw-mono { overflow-wrap: anywhere; }
.gw-report .gw-table tr { break-inside: avoid; }
.gw-report .gw-table tfoot td { border-bottom: none; font-weight: bold; }
.gw-report .gw-table .gw-total td { border-top: 2px solid var(--gw-primary); font-size: 11pt; }
.gw-report .gw-num, .gw-report .gw-table th.gw-num { text-align: right; white-space: nowrap; }
.gw-report .gw-q { width: 45%; color: #333; }
.gw-report .gw-mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
.gw-report .gw-small { font-size: 8.5pt; }
.gw-report .gw-status-pass { color: #1b5e20; font-weight: bold; }
.gw-report .gw-status-warn { color: #7a5c00; font-weight: bold; }
.gw-report .gw-status-fail { color: #8b0000; font-weight: bold; }
.gw-report .gw-figure { margin: 8pt 0 12pt; break-inside: avoid; }
.gw-report .gw-figure figcaption { font-size: 8.5pt; color: #5a606b; }
.gw-report .gw-answers { break-inside: auto; }
.gw-report .gw-raw { break-inside: avoid; }
.gw-report .gw-empty { color: #5a606b; font-style: italic; }
.gw-report .gw-warnings { border: 1px solid #b33a00; background: #fff4ec; padding: 6pt 8pt; margin: 8pt 0; }
.gw-report .gw-acceptance { break-inside: avoid; }
.gw-report .gw-accept { display: grid; grid-template-columns: 1fr 1fr; gap: 18pt 24pt; margin-top: 14pt; break-inside: avoid; }
.gw-report .gw-signature { break-inside: avoid; }
.gw-report .gw-signature-party { font-weight: bold; overflow-wrap: anywhere; margin-bottom: 4pt; }
.gw-report .gw-accept-field { display: flex; flex-direction: column; }
.gw-report .gw-accept-line { border-bottom: 1px solid #333; height: 22pt; }
.gw-report .gw-closing { margin-top: 24pt; padding-top: 8pt; border-top: 1px solid #d6dae0; font-size: 8.5pt; color: #444; break-inside: avoid; }
.gw-report .gw-disclaimer { font-style: italic; white-space: pre-line; }
.gw-report .gw-context { margin: 0 0 12pt; padding: 6pt 10pt; border-left: 4px solid var(--gw-accent); background: #f5f7f9; overflow-wrap: anywhere; }
.gw-report .gw-context p { margin: 0 0 3pt; }
.gw-report .gw-scale { margin: 10pt 0 12pt; break-inside: avoid; }
.gw-report .gw-scale-bar { position: relative; display: flex; height: 22pt; margin: 18pt 0 6pt; border-radius: 3pt; overflow: visible; }
.gw-report .gw-scale-band { display: flex; align-items: center; justify-content: center; font-size: 8.5pt; color: #1d2026; background: #e3e7ec; border-right: 2px solid #fff; }
.gw-report .gw-scale-band:nth-child(1) { background: #f3d6d2; }
.gw-report .gw-scale-band:nth-child(2) { background: #f6e7c8; }
.gw-report .gw-scale-band:nth-child(3) { background: #dbe9d4; }
.gw-report .gw-scale-band:nth-child(4) { background: #c9e0c0; }
.gw-report .gw-scale-current { font-weight: bold; outline: 2px solid var(--gw-primary); outline-offset: -2px; }
.gw-report .gw-scale-marker { position: absolute; top: -16pt; bottom: -3pt; width: 0; border-left: 2px solid #1d2026; }
.gw-report .gw-scale-marker span { position: absolute; top: -1pt; left: 3pt; font-size: 9pt; font-weight: bold; }
.gw-report .gw-scale-legend { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
.gw-report .gw-scale-legend th { text-align: left; padding: 2pt 6pt 2pt 0; width: 22mm; color: #333; }
.gw-report .gw-scale-legend td { padding: 2pt 6pt 2pt 0; color: #444; }
.gw-report .gw-scale-legend .gw-num { width: 14mm; text-align: left; }
.gw-report .gw-scale-current-row th, .gw-report .gw-scale-current-row td { color: #1d2026; font-weight: bold; }
.gw-report .gw-capped { border: 1px solid #b33a00; background: #fff4ec; padding: 5pt 8pt; }
.gw-report .gw-risk-why { color: #333; }
.gw-report .gw-risks li { break-inside: avoid; }
.gw-report .gw-bar { display: inline-block; width: 22mm; height: 6pt; background: #e3e7ec; vertical-align: middle; }
.gw-report .gw-bar span { display: block; height: 100%; background: var(--gw-primary); }
.gw-report .gw-nowrap { white-space: nowrap; }
.gw-report .gw-horizon h3 { break-after: avoid; }
.gw-report .gw-roadmap-table { table-layout: fixed; }
.gw-report .gw-roadmap-table tr { break-inside: avoid; }
.gw-report .gw-roadmap-table th:nth-child(1) { width: 40%; }
.gw-report .gw-roadmap-table th:nth-child(2) { width: 27%; }
.gw-report .gw-roadmap-table th:nth-child(3) { width: 11%; }
.gw-report .gw-roadmap-table th:nth-child(4) { width: 22%; }
.gw-report .gw-investment td:first-child { width: 65%; }
.gw-report .gw-toc { font-size: 12pt; line-height: 1.9; }
.gw-report .gw-toc a { color: var(--gw-primary); text-decoration: none; }
.gw-report .gw-notes { margin: 0 0 4pt; padding-left: 14pt; }
.gw-report .gw-answer-note { margin: 2pt 0 0; font-size: 9pt; }
.gw-report .gw-attachments { margin: 3pt 0 5pt; }
.gw-report .gw-thumbs { display: flex; flex-wrap: wrap; gap: 6pt; margin: 3pt 0; }
.gw-report .gw-thumb { margin: 0; width: 42mm; break-inside: avoid; }
.gw-report .gw-thumb img { display: block; max-width: 42mm; max-height: 32mm; border: 1px solid #d6dae0; }
.gw-report .gw-thumb figcaption { font-size: 7.5pt; color: #5a606b; overflow-wrap: anywhere; }
.gw-report .gw-files { margin: 0; padding-left: 14pt; font-size: 8.5pt; overflow-wrap: anywhere; }
.gw-report .gw-hash { font-family: 'DejaVu Sans Mono', monospace; font-size: 7pt; overflow-wrap: anywhere; }
.gw-report .gw-sku { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; color: #5a606b; overflow-wrap: normal; word-break: normal; hyphens: none; }
.gw-report .gw-basis { display: block; font-size: 7.5pt; color: #5a606b; white-space: normal; }
.gw-report .gw-lines .gw-group-head td { background: #f0f3f6; font-weight: bold; border-bottom: 1px solid #c3c8cf; }
.gw-report .gw-line-group { break-inside: avoid; }
.gw-report .gw-lines td:first-child { width: 44%; }
.gw-report .gw-totals { width: 70%; margin-left: auto; }
.gw-report .gw-totals .gw-subtotal td { font-weight: bold; border-bottom: 1px solid #8a9099; }
.gw-report .gw-totals .gw-total td { border-top: 2px solid var(--gw-primary); font-weight: bold; font-size: 11pt; }
.gw-report .gw-terms { white-space: pre-line; overflow-wrap: anywhere; }
.gw-report .gw-closing { break-before: avoid; }
.gw-report .gw-keep { break-inside: avoid; }
@media print { .gw-report .gw-screen-only { display: none; } }
@media screen { .gw-report .gw-cover, .gw-report .gw-new-page { border-top: 1px dashed #c3c8cf; } .gw-report { padding: 12px; } }
`;
