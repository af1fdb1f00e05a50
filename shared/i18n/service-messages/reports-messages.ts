/** What the services say when they refuse a call (area: reports). Joined in index.ts. */
export const reportsServiceEn = {
  // Exports (electron/services/reports/export-report.ts, exports-repository.ts)
  'error.export.notReassessment':
    'This case is not a re-assessment: start one with "Re-assess" on an earlier case of the customer to get a report of what changed.',
  'error.export.csvKind':
    'CSV export is the proposal (price lines) or the technical report (one PSA ticket per finding): use --kind proposal or --kind technical.',
  'error.export.savedProposalKind':
    'A saved proposal prints as the proposal document, not the {kind, select, executive {executive} technical {technical} proposal {proposal} other {reassessment}} report: use kind "proposal".',
  'error.export.proposalOtherCase': 'That proposal belongs to another case: export it from its own case.',
  'error.export.templateChanged': 'This export used report template {used}; this Groundwork has {current} and would lay it out differently.',
  'error.export.inputsNotKept': 'This export was recorded before its inputs were kept, so it cannot be rendered again.',
  'error.export.notFound': 'No such report export.',
  'error.export.inputsElsewhere':
    'This export was made on {where, select, laptop {{laptop}} other {another laptop}}; the inputs it was rendered from stay on that laptop. Export the report again here for a copy.',
  // Price book (price-book-repository.ts)
  'error.priceBook.itemNotFound': 'No such price book item.',
  'error.priceBook.skuTaken': 'The price book already has SKU {sku}.',
  // Branding and logos (branding-repository.ts, logo-check.ts)
  'error.branding.notFound': 'No such branding profile.',
  'error.logo.notPng': 'The logo is not a PNG image.',
  'error.logo.badDimensions': 'The logo is {width}×{height} pixels; it must be between 1 and 8000 on each side.',
  'error.logo.empty': 'The logo file is empty.',
  'error.logo.tooLarge': 'The logo is {size, number, ::.0 group-off} MB; it must be at most 1 MB.',
  'error.logo.svgRefused': 'The SVG logo was refused: {reason}',
  // PDF printing (chromium-pdf.ts)
  'error.pdf.chromiumPathMissing': 'GROUNDWORK_CHROMIUM is set to {path}, which does not exist.',
  'error.pdf.noChromium':
    'PDF export needs Chrome, Edge or Chromium; none was found. Install one or set GROUNDWORK_CHROMIUM to its executable.',
  'error.pdf.chromiumStart': 'Chromium could not be started for the PDF ({path}): {detail}',
  // Proposals (electron/services/proposals/proposals-repository.ts)
  'error.proposal.readOnly': 'Proposals are the account manager\'\'s work: on an engineer\'\'s laptop they can be read, not changed.',
  'error.proposal.notFound': 'No such proposal',
  'error.proposal.lineNotFound': 'No such proposal line',
  'error.proposal.statusMove':
    'A proposal cannot move from {from, select, draft {Draft} sent {Sent} accepted {Accepted} other {Declined}} to {to, select, draft {Draft} sent {Sent} accepted {Accepted} other {Declined}}.',
  'error.proposal.notDraft':
    'This proposal is {status, select, draft {draft} sent {sent} accepted {accepted} other {declined}}; move it back to draft to change it.',
} as const;

export const reportsServiceFrCA: Record<keyof typeof reportsServiceEn, string> = {
  'error.export.notReassessment':
    'Ce dossier n’est pas une réévaluation\u00a0: pour obtenir un rapport de ce qui a changé, lancez-en une avec «\u00a0Réévaluer\u00a0» à partir d’un dossier antérieur du même client.',
  'error.export.csvKind':
    'L’exportation CSV porte sur l’offre (lignes de prix) ou sur le rapport technique (un billet PSA par constat)\u00a0: utilisez --kind proposal ou --kind technical.',
  'error.export.savedProposalKind':
    'Une offre enregistrée s’imprime en tant qu’offre de services, et non en tant que {kind, select, executive {rapport pour la direction} technical {rapport technique} proposal {offre} other {rapport de réévaluation}}\u00a0: utilisez le type «\u00a0proposal\u00a0».',
  'error.export.proposalOtherCase': 'Cette offre appartient à un autre dossier\u00a0: exportez-la à partir de son propre dossier.',
  'error.export.templateChanged':
    'Cette exportation a été faite avec le gabarit de rapport {used}\u202f; cette version de Groundwork utilise le gabarit {current}, dont la mise en page serait différente.',
  'error.export.inputsNotKept':
    'Cette exportation a été enregistrée avant que ses données sources soient conservées\u202f; il est donc impossible de la produire de nouveau.',
  'error.export.notFound': 'Cette exportation de rapport est introuvable.',
  'error.export.inputsElsewhere':
    'Cette exportation a été faite sur {where, select, laptop {l’ordinateur {laptop}} other {un autre ordinateur}}\u202f; les données qui ont servi à la produire sont restées sur cet ordinateur. Exportez de nouveau le rapport ici pour en obtenir une copie.',
  'error.priceBook.itemNotFound': 'Cet article de la liste de prix est introuvable.',
  'error.priceBook.skuTaken': 'La liste de prix contient déjà le code {sku}.',
  'error.branding.notFound': 'Ce profil d’image de marque est introuvable.',
  'error.logo.notPng': 'Le logo n’est pas une image PNG.',
  'error.logo.badDimensions': 'Le logo mesure {width}\u00a0×\u00a0{height}\u00a0pixels\u202f; chaque côté doit mesurer de 1 à 8\u00a0000\u00a0pixels.',
  'error.logo.empty': 'Le fichier du logo est vide.',
  'error.logo.tooLarge': 'Le logo fait {size, number, ::.0 group-off}\u00a0Mo\u202f; il ne doit pas dépasser 1\u00a0Mo.',
  'error.logo.svgRefused': 'Le logo SVG a été refusé\u00a0: {reason}',
  'error.pdf.chromiumPathMissing': 'GROUNDWORK_CHROMIUM indique {path}, un chemin qui n’existe pas.',
  'error.pdf.noChromium':
    'L’exportation en PDF nécessite Chrome, Edge ou Chromium, mais aucun n’a été trouvé. Installez-en un ou indiquez le chemin de son exécutable dans GROUNDWORK_CHROMIUM.',
  'error.pdf.chromiumStart': 'Impossible de démarrer Chromium pour produire le PDF ({path})\u00a0: {detail}',
  'error.proposal.readOnly':
    'Les offres relèvent du gestionnaire de compte\u00a0: sur l’ordinateur d’un technicien, on peut les consulter, mais pas les modifier.',
  'error.proposal.notFound': 'Cette offre est introuvable',
  'error.proposal.lineNotFound': 'Cette ligne d’offre est introuvable',
  'error.proposal.statusMove':
    'Une offre ne peut pas passer de l’état {from, select, draft {Brouillon} sent {Envoyée} accepted {Acceptée} other {Refusée}} à l’état {to, select, draft {Brouillon} sent {Envoyée} accepted {Acceptée} other {Refusée}}.',
  'error.proposal.notDraft':
    'Cette offre est {status, select, draft {à l’état de brouillon} sent {envoyée} accepted {acceptée} other {refusée}}\u202f; remettez-la en brouillon pour la modifier.',
};
