/**
 * What the services say when they refuse a call (area: sync-and-work): the partner hub and its
 * conflicts, the passphrase, the interview (answers, question banks, evidence), the probes and
 * their bundles. Joined in index.ts.
 */
export const syncAndWorkServiceEn = {
  // Field conflicts (electron/services/sync/field-conflicts.ts)
  'error.sync.conflictNoTable': 'No such table with conflicts.',
  'error.sync.conflictClosed': 'This conflict is not open any more (it may have been resolved on another device).',
  'error.sync.conflictPickValue': 'Pick one of the values listed for this conflict.',
  'error.sync.conflictNotYours': 'Your role cannot change this record, so its conflict is for someone else to resolve.',
  'error.sync.conflictFieldFixed': 'This field cannot be set here.',
  'error.sync.conflictValueUnfit': 'This value cannot be stored here.',
  // Enrollment and sync (sync-engine.ts, sync-services.ts, sync-errors.ts)
  'error.sync.enrollCodeFormat': 'The enrollment code must look like GW-XXXX-XXXX-XXXX-XXXX.',
  'error.sync.enrollCodeRefused': 'The hub did not accept this code: it may be mistyped, already used or expired. Ask your partner admin for a new one.',
  'error.sync.notEnrolled': 'This device is not enrolled with a partner hub yet. Enroll it with the code from your partner admin.',
  'error.sync.tokenMissing': 'The hub token for this device is missing. Enroll it again with a new code from your partner admin.',
  'error.sync.backgroundNotEnrolled': 'This laptop is not enrolled with a partner hub yet: there is no background sync to pause or resume.',
  'error.sync.notAllAcknowledged': 'The partner hub did not confirm every change sent; they stay queued and will be sent again.',
  'error.sync.hubUnreachable':
    'The partner hub at {hubUrl} could not be reached ({detail}). Your changes are kept on this laptop and will be sent when the hub is reachable.',
  'error.sync.deviceRevoked':
    'The partner hub no longer accepts this device (it may have been revoked, or its access expired). Ask your partner admin for a new enrollment code and enroll again.',
  'error.sync.hubForbidden': 'The partner hub refused: {detail}',
  'error.sync.hubTooLarge': 'A change is larger than the partner hub accepts. Ask your partner admin to raise the limit.',
  'error.sync.hubProblem': 'The partner hub had a problem (HTTP {status}). Groundwork will try again; your changes are kept on this laptop.',
  'error.sync.hubRefusedRequest': 'The partner hub refused the request: {detail}',
  // Any other error's own sentence, as it was said (English); French says what failed first.
  'error.sync.failedWith': '{detail}',
  'error.sync.unknown': 'Sync failed for an unknown reason.',
  // Passphrase (electron/services/at-rest/change-passphrase.ts)
  'error.passphrase.noKeyFile': 'This case history has no key file yet.',
  'error.passphrase.keychainHolds': "This case history''s key is held by the OS keychain already: no passphrase is needed.",
  'error.passphrase.currentNeeded': 'Give the current passphrase to change it.',
  'error.passphrase.currentWrong': 'The current passphrase is wrong. Nothing has been changed.',
  'error.passphrase.notStored': 'The new passphrase could not be stored; the old protection is kept.',
  // Interview (electron/services/interview/)
  'error.interview.noQuestion': 'No question {questionId} in question bank {bankId} {version}',
  'error.interview.invalidAnswer': 'Invalid answer to {questionId}: {detail}',
  'error.interview.noFinding': 'No finding {findingId} in question bank {bankId} {version}',
  'error.bank.installedDifferent': 'Question bank {bankId} {version} is already installed with different content; give the new one a new version.',
  'error.bank.pinnedMissing':
    'This case was answered with question bank {bankId} {version}, which is not installed on this device yet. Sync with the hub to get it.',
  'error.evidence.tooLarge': 'Evidence files are limited to {max} MiB',
  'error.evidence.notOnCase': 'No such attachment on this case',
  'error.evidence.notArrived': 'The attachment has not arrived on this device yet',
  // Probes and bundles (electron/services/probes/)
  'error.probes.noneChosen': 'Choose at least one probe to run',
  'error.probes.runNotFound': 'No probe run with id {id}',
  'error.bundle.notText': 'The file is not a Groundwork probe bundle: it is not valid {encoding} text ({detail}).',
  'error.bundle.fileTooLarge': '{file} is larger than {max} MB; it cannot be a Groundwork bundle.',
  'error.bundle.fileMissing': 'No such file: {file}',
  'error.bundle.fileUnreadable': 'Cannot read {file} ({hasCode, select, yes {{code}} other {error}})',
  'error.bundle.tooLarge': 'The bundle is larger than {max} MB; it cannot be a Groundwork bundle.',
  'error.bundle.empty': 'The file is empty: it is not a Groundwork probe bundle.',
  'error.bundle.truncated': 'The bundle is truncated: the file ends before its JSON does. Copy the file again from the machine that collected it.',
  'error.bundle.notJson': 'The file is not a Groundwork probe bundle: it is not JSON.',
  'error.bundle.wrongFormat': 'The file is JSON but not a Groundwork probe bundle (its "format" is not groundwork-probe-bundle).',
  'error.bundle.newerSchema':
    'The bundle was written by a newer Groundwork (bundle schema {version}; this version reads up to {supported}). Update Groundwork to import it.',
  'error.bundle.hashMismatch':
    'The bundle was altered after it was written: its content hash does not match (recorded {recorded}…, actual {actual}…).',
} as const;

export const syncAndWorkServiceFrCA: Record<keyof typeof syncAndWorkServiceEn, string> = {
  'error.sync.conflictNoTable': 'Cette table n’existe pas ou n’a aucun conflit.',
  'error.sync.conflictClosed': 'Ce conflit n’est plus ouvert (il a peut-être été résolu sur un autre appareil).',
  'error.sync.conflictPickValue': 'Choisissez l’une des valeurs proposées pour ce conflit.',
  'error.sync.conflictNotYours': 'Votre rôle ne permet pas de modifier cet enregistrement\u202f; c’est donc à quelqu’un d’autre de résoudre ce conflit.',
  'error.sync.conflictFieldFixed': 'Ce champ ne peut pas être modifié ici.',
  'error.sync.conflictValueUnfit': 'Cette valeur ne peut pas être enregistrée ici.',
  'error.sync.enrollCodeFormat': 'Le code d’inscription doit avoir la forme GW-XXXX-XXXX-XXXX-XXXX.',
  'error.sync.enrollCodeRefused':
    'Le serveur central n’a pas accepté ce code\u00a0: il est peut-être mal saisi, déjà utilisé ou expiré. Demandez-en un nouveau à l’administrateur de votre partenaire.',
  'error.sync.notEnrolled':
    'Cet appareil n’est pas encore inscrit auprès du serveur central d’un partenaire. Inscrivez-le avec le code que vous a remis l’administrateur de votre partenaire.',
  'error.sync.tokenMissing':
    'Le jeton d’accès de cet appareil au serveur central est introuvable. Inscrivez l’appareil de nouveau avec un nouveau code obtenu de l’administrateur de votre partenaire.',
  'error.sync.backgroundNotEnrolled':
    'Cet ordinateur n’est pas encore inscrit auprès du serveur central d’un partenaire\u00a0: il n’y a aucune synchronisation en arrière-plan à mettre en pause ou à reprendre.',
  'error.sync.notAllAcknowledged':
    'Le serveur central du partenaire n’a pas confirmé toutes les modifications envoyées\u202f; elles restent en attente et seront envoyées de nouveau.',
  'error.sync.hubUnreachable':
    'Impossible de joindre le serveur central du partenaire à l’adresse {hubUrl} ({detail}). Vos modifications sont conservées sur cet ordinateur et seront envoyées dès que le serveur central sera joignable.',
  'error.sync.deviceRevoked':
    'Le serveur central du partenaire n’accepte plus cet appareil (son accès a peut-être été révoqué ou a expiré). Demandez un nouveau code d’inscription à l’administrateur de votre partenaire, puis inscrivez l’appareil de nouveau.',
  'error.sync.hubForbidden': 'Le serveur central du partenaire a refusé\u00a0: {detail}',
  'error.sync.hubTooLarge':
    'Une modification dépasse la taille qu’accepte le serveur central du partenaire. Demandez à l’administrateur de votre partenaire de relever la limite.',
  'error.sync.hubProblem':
    'Le serveur central du partenaire a rencontré un problème (HTTP {status}). Groundwork réessaiera\u202f; vos modifications sont conservées sur cet ordinateur.',
  'error.sync.hubRefusedRequest': 'Le serveur central du partenaire a refusé la demande\u00a0: {detail}',
  'error.sync.failedWith': 'Échec de la synchronisation\u00a0: {detail}',
  'error.sync.unknown': 'La synchronisation a échoué pour une raison inconnue.',
  'error.passphrase.noKeyFile': 'Cet historique de dossiers n’a pas encore de fichier de clé.',
  'error.passphrase.keychainHolds':
    'La clé de cet historique de dossiers est déjà conservée dans le trousseau du système d’exploitation\u00a0: aucune phrase de passe n’est nécessaire.',
  'error.passphrase.currentNeeded': 'Indiquez la phrase de passe actuelle pour pouvoir la changer.',
  'error.passphrase.currentWrong': 'La phrase de passe actuelle est erronée. Rien n’a été modifié.',
  'error.passphrase.notStored': 'La nouvelle phrase de passe n’a pas pu être enregistrée\u202f; l’ancienne protection est conservée.',
  'error.interview.noQuestion': 'La banque de questions {bankId} {version} ne contient aucune question {questionId}',
  'error.interview.invalidAnswer': 'Réponse non valide à la question {questionId}\u00a0: {detail}',
  'error.interview.noFinding': 'La banque de questions {bankId} {version} ne contient aucun constat {findingId}',
  'error.bank.installedDifferent':
    'La banque de questions {bankId} {version} est déjà installée avec un contenu différent\u202f; attribuez un nouveau numéro de version à la nouvelle.',
  'error.bank.pinnedMissing':
    'Ce dossier a été rempli avec la banque de questions {bankId} {version}, qui n’est pas encore installée sur cet appareil. Synchronisez avec le serveur central pour l’obtenir.',
  'error.evidence.tooLarge': 'Les pièces justificatives sont limitées à {max}\u00a0Mio',
  'error.evidence.notOnCase': 'Ce dossier ne comporte pas cette pièce justificative',
  'error.evidence.notArrived': 'Cette pièce justificative n’est pas encore arrivée sur cet appareil',
  'error.probes.noneChosen': 'Choisissez au moins une sonde à lancer',
  'error.probes.runNotFound': 'Aucune série de mesures ne porte l’identifiant {id}',
  'error.bundle.notText': 'Ce fichier n’est pas un lot de résultats de sondes Groundwork\u00a0: ce n’est pas du texte {encoding} valide ({detail}).',
  'error.bundle.fileTooLarge': '{file} dépasse {max}\u00a0Mo\u202f; ce ne peut pas être un lot Groundwork.',
  'error.bundle.fileMissing': 'Fichier introuvable\u00a0: {file}',
  'error.bundle.fileUnreadable': 'Impossible de lire {file} ({hasCode, select, yes {{code}} other {erreur}})',
  'error.bundle.tooLarge': 'Le lot dépasse {max}\u00a0Mo\u202f; ce ne peut pas être un lot Groundwork.',
  'error.bundle.empty': 'Le fichier est vide\u00a0: ce n’est pas un lot de résultats de sondes Groundwork.',
  'error.bundle.truncated':
    'Le lot est tronqué\u00a0: le fichier s’arrête avant la fin de son JSON. Copiez-le de nouveau depuis l’ordinateur qui a recueilli les mesures.',
  'error.bundle.notJson': 'Ce fichier n’est pas un lot de résultats de sondes Groundwork\u00a0: ce n’est pas du JSON.',
  'error.bundle.wrongFormat':
    'Ce fichier est bien du JSON, mais ce n’est pas un lot de résultats de sondes Groundwork (son champ «\u00a0format\u00a0» ne vaut pas groundwork-probe-bundle).',
  'error.bundle.newerSchema':
    'Ce lot a été produit par une version plus récente de Groundwork (schéma de lot {version}\u202f; cette version-ci lit jusqu’au schéma {supported}). Mettez Groundwork à jour pour l’importer.',
  'error.bundle.hashMismatch':
    'Ce lot a été modifié après sa production\u00a0: l’empreinte de son contenu ne correspond pas (enregistrée\u00a0: {recorded}…, réelle\u00a0: {actual}…).',
};
