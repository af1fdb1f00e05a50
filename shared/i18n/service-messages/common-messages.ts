/**
 * What the services say when they refuse a call on a case, its history or the API itself. The
 * other areas have their own files here; index.ts joins them and
 * test/unit/i18n/service-catalogues.test.ts checks them like the screen catalogues.
 */
export const commonServiceEn = {
  'error.internal': 'Something went wrong inside Groundwork; the details are in the log (reference {reference}).',
  'error.unknownCall': 'Unknown call: {name}',
  'error.caseNotFound': 'No case with id {id}',
  'error.customerNotFound': 'No customer with id {id}',
  'error.caseForeign':
    '{where, select, laptop {This case belongs to {engineer} (laptop {owner})} other {This case belongs to {engineer}}} and is read-only here. Comments and proposals can still be added.',
  'error.caseForeignUnnamed':
    '{where, select, laptop {This case belongs to another engineer (laptop {owner})} other {This case belongs to another engineer}} and is read-only here. Comments and proposals can still be added.',
  'error.caseComplete': 'This case is complete, so it cannot be changed. Reopen it (with a reason) to edit it.',
  'error.caseStatusMove':
    'A case cannot move from {from, select, draft {Draft} in_progress {In progress} other {Complete}} to {to, select, draft {Draft} in_progress {In progress} other {Complete}}',
  'error.caseReopenNotComplete': 'Only a completed case can be reopened.',
  'error.compareSame': 'Choose two different assessments to compare.',
  'error.compareOtherCustomer': 'Only assessments of the same customer can be compared.',
} as const;

export const commonServiceFrCA: Record<keyof typeof commonServiceEn, string> = {
  'error.internal': 'Une erreur s’est produite dans Groundwork\u202f; le détail figure dans le journal (référence {reference}).',
  'error.unknownCall': 'Appel inconnu\u00a0: {name}',
  'error.caseNotFound': 'Aucun dossier ne porte l’identifiant {id}',
  'error.customerNotFound': 'Aucun client ne porte l’identifiant {id}',
  'error.caseForeign':
    '{where, select, laptop {Ce dossier appartient à {engineer} (ordinateur {owner})} other {Ce dossier appartient à {engineer}}} et n’est ici qu’en lecture. Vous pouvez toujours y ajouter des commentaires et des offres.',
  'error.caseForeignUnnamed':
    '{where, select, laptop {Ce dossier appartient à un autre technicien (ordinateur {owner})} other {Ce dossier appartient à un autre technicien}} et n’est ici qu’en lecture. Vous pouvez toujours y ajouter des commentaires et des offres.',
  'error.caseComplete': 'Ce dossier est terminé et ne peut plus être modifié. Rouvrez-le (en indiquant pourquoi) pour le modifier.',
  'error.caseStatusMove':
    'Un dossier ne peut pas passer de l’état {from, select, draft {Brouillon} in_progress {En cours} other {Terminé}} à l’état {to, select, draft {Brouillon} in_progress {En cours} other {Terminé}}',
  'error.caseReopenNotComplete': 'Seul un dossier terminé peut être rouvert.',
  'error.compareSame': 'Choisissez deux évaluations différentes à comparer.',
  'error.compareOtherCustomer': 'Seules les évaluations d’un même client peuvent être comparées.',
};
