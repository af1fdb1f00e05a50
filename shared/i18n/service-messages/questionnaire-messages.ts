/** What the services say when they refuse a call (area: questionnaire). Joined in index.ts. */
export const questionnaireServiceEn = {
  // The questionnaire itself (questionnaire-repository.ts, questionnaire-form.ts).
  'error.questionnaire.notFound': 'No such questionnaire on this laptop.',
  'error.questionnaire.notSelfService': '{questionId} is not a question the customer can answer alone in bank {bankId} {bankVersion}.',
  'error.questionnaire.notAskedOfChosen': '{questionId} is not asked of any of the chosen stakeholders.',
  'error.questionnaire.noQuestionsForChosen': 'None of the chosen stakeholders has a question to answer before the visit.',
  'error.questionnaire.notMadeFor':
    'This questionnaire was not made for {stakeholder, select, it_lead {IT lead} operations {Operations} finance {Finance} executive {Executive} other {End user}}.',
  'error.questionnaire.bankChanged': 'The case now uses another question bank than this questionnaire: create a new questionnaire.',

  // Hub links (questionnaire-links.ts, questionnaire-link-rows.ts).
  'error.questionnaire.linkNotFound': 'No such questionnaire link on this laptop.',
  'error.questionnaire.hubNotEnrolled':
    'A hub link needs this laptop enrolled with your partner hub (Settings → Sync). The HTML and Word forms work without it.',
  'error.questionnaire.hubTokenMissing': 'The hub token for this device is missing. Enroll it again with a new code from your partner admin.',
  'error.questionnaire.hubRefusedLink': 'The partner hub refused the link: {reason}',
  'error.questionnaire.linkAlreadyAnswered': 'The customer already answered with this link; there is nothing left to withdraw.',
  'error.questionnaire.linkNoAnswers': 'No answers have come back with this link yet.',

  // Importing answers: the HTML form's file, the hub's answers (import-answers.ts).
  'error.questionnaire.notJson':
    '{what, select, file {The file} payload {The answers inside the file} other {The answers from the hub}} is not valid JSON ({reason}). Nothing was imported.',
  'error.questionnaire.notAnswersFile': 'This is not a questionnaire answers file ({issue}). Nothing was imported.',
  'error.questionnaire.answersFileDamaged': 'The answers file is damaged ({issue}). Nothing was imported.',
  'error.questionnaire.answersFileUnknownQuestionnaire':
    'This answers file belongs to a questionnaire that was not created on this laptop. Nothing was imported.',
  'error.questionnaire.answersFileAltered':
    'The answers file was changed after the customer saved it (its signature does not match). Ask for the file again. Nothing was imported.',
  'error.questionnaire.answersOtherCase':
    '{other, select, site {This answers file is for another case ({otherCustomer}, {otherSite})} customer {This answers file is for another case ({otherCustomer})} other {This answers file is for another case}}, not for {customer}. Nothing was imported.',
  'error.questionnaire.answersOtherBank':
    'The answers are to question bank {answersBank} {answersVersion}, but this case uses {caseBank} {caseVersion}. Nothing was imported.',
  'error.questionnaire.answersStakeholderNotSent':
    'This questionnaire was not sent to {stakeholder, select, it_lead {IT lead} operations {Operations} finance {Finance} executive {Executive} other {End user}}. Nothing was imported.',
  'error.questionnaire.answersQuestionNotAsked': 'The file answers {questionId}, which was not in this questionnaire. Nothing was imported.',
  'error.questionnaire.answersQuestionTwice': 'The file answers {questionId} twice. Nothing was imported.',
  'error.questionnaire.hubAnswersUnreadable': 'The answers from the hub could not be read ({issue}). Nothing was imported.',
  'error.questionnaire.hubAnswersOtherLink': 'The hub sent answers for another questionnaire than this link. Nothing was imported.',
  'error.questionnaire.hubAnswersUnknownQuestionnaire': 'These answers belong to a questionnaire that is not on this laptop. Nothing was imported.',

  // The customer's filled Word form (questionnaire-docx.ts).
  'error.questionnaire.docxUnreadable': 'This is not a Word document Groundwork can read ({reason}). Nothing was imported.',
  'error.questionnaire.docxDamaged': 'The Word document is damaged ({problem}). Nothing was imported.',
  'error.questionnaire.docxNotQuestionnaire':
    'This Word document is not a Groundwork questionnaire (its reference is missing or was changed). Nothing was imported.',
  'error.questionnaire.docxUnknownQuestionnaire':
    'This Word form belongs to a questionnaire that was not created on this laptop. Nothing was imported.',
  'error.questionnaire.docxStructureChanged':
    'The Word form\'\'s structure was changed (an answer box was removed, copied or added). Ask the customer to fill in a fresh copy. Nothing was imported.',
  'error.questionnaire.docxTooManyTicked': 'Question "{question}" has {count} boxes ticked where one is expected. Nothing was imported.',
  'error.questionnaire.docxNotANumber': '"{text}" is not a number (question "{question}"). Nothing was imported.',
  'error.questionnaire.docxNoName': 'The Word form has no name in "Your name": ask who filled it in. Nothing was imported.',
} as const;

export const questionnaireServiceFrCA: Record<keyof typeof questionnaireServiceEn, string> = {
  'error.questionnaire.notFound': 'Ce questionnaire ne se trouve pas sur cet ordinateur.',
  'error.questionnaire.notSelfService':
    '{questionId} n’est pas une question à laquelle le client peut répondre seul dans la banque de questions {bankId} {bankVersion}.',
  'error.questionnaire.notAskedOfChosen': '{questionId} n’est posée à aucun des interlocuteurs choisis.',
  'error.questionnaire.noQuestionsForChosen': 'Aucun des interlocuteurs choisis n’a de question à laquelle répondre avant la visite.',
  'error.questionnaire.notMadeFor':
    'Ce questionnaire n’a pas été préparé pour l’interlocuteur «\u00a0{stakeholder, select, it_lead {Responsable TI} operations {Opérations} finance {Finances} executive {Direction} other {Utilisateur final}}\u00a0».',
  'error.questionnaire.bankChanged':
    'Le dossier utilise maintenant une autre banque de questions que ce questionnaire\u00a0: créez un nouveau questionnaire.',

  'error.questionnaire.linkNotFound': 'Ce lien de questionnaire ne se trouve pas sur cet ordinateur.',
  'error.questionnaire.hubNotEnrolled':
    'Pour créer un lien, cet ordinateur doit être inscrit auprès du serveur central de votre partenaire (Paramètres → Serveur central du partenaire). Les formulaires HTML et Word fonctionnent sans cette inscription.',
  'error.questionnaire.hubTokenMissing':
    'Le jeton d’accès au serveur central est introuvable sur cet appareil. Inscrivez l’appareil de nouveau avec un nouveau code fourni par l’administrateur de votre partenaire.',
  'error.questionnaire.hubRefusedLink': 'Le serveur central du partenaire a refusé le lien\u00a0: {reason}',
  'error.questionnaire.linkAlreadyAnswered': 'Le client a déjà répondu au moyen de ce lien\u202f; il n’y a plus rien à retirer.',
  'error.questionnaire.linkNoAnswers': 'Aucune réponse n’est encore revenue par ce lien.',

  'error.questionnaire.notJson':
    '{what, select, file {Le fichier n’est pas en JSON valide} payload {Les réponses contenues dans le fichier ne sont pas en JSON valide} other {Les réponses reçues du serveur central ne sont pas en JSON valide}} ({reason}). Rien n’a été importé.',
  'error.questionnaire.notAnswersFile': 'Ce fichier n’est pas un fichier de réponses à un questionnaire ({issue}). Rien n’a été importé.',
  'error.questionnaire.answersFileDamaged': 'Le fichier de réponses est endommagé ({issue}). Rien n’a été importé.',
  'error.questionnaire.answersFileUnknownQuestionnaire':
    'Ce fichier de réponses se rapporte à un questionnaire qui n’a pas été créé sur cet ordinateur. Rien n’a été importé.',
  'error.questionnaire.answersFileAltered':
    'Le fichier de réponses a été modifié après que le client l’a enregistré (sa signature ne correspond pas). Redemandez le fichier. Rien n’a été importé.',
  'error.questionnaire.answersOtherCase':
    '{other, select, site {Ce fichier de réponses se rapporte à un autre dossier ({otherCustomer}, {otherSite})} customer {Ce fichier de réponses se rapporte à un autre dossier ({otherCustomer})} other {Ce fichier de réponses se rapporte à un autre dossier}}, et non à celui de {customer}. Rien n’a été importé.',
  'error.questionnaire.answersOtherBank':
    'Les réponses portent sur la banque de questions {answersBank} {answersVersion}, alors que ce dossier utilise {caseBank} {caseVersion}. Rien n’a été importé.',
  'error.questionnaire.answersStakeholderNotSent':
    'Ce questionnaire n’a pas été envoyé à l’interlocuteur «\u00a0{stakeholder, select, it_lead {Responsable TI} operations {Opérations} finance {Finances} executive {Direction} other {Utilisateur final}}\u00a0». Rien n’a été importé.',
  'error.questionnaire.answersQuestionNotAsked':
    'Le fichier contient une réponse à {questionId}, qui ne faisait pas partie de ce questionnaire. Rien n’a été importé.',
  'error.questionnaire.answersQuestionTwice': 'Le fichier contient deux réponses à {questionId}. Rien n’a été importé.',
  'error.questionnaire.hubAnswersUnreadable': 'Les réponses reçues du serveur central sont illisibles ({issue}). Rien n’a été importé.',
  'error.questionnaire.hubAnswersOtherLink':
    'Le serveur central a envoyé des réponses à un autre questionnaire que celui de ce lien. Rien n’a été importé.',
  'error.questionnaire.hubAnswersUnknownQuestionnaire':
    'Ces réponses se rapportent à un questionnaire qui ne se trouve pas sur cet ordinateur. Rien n’a été importé.',

  'error.questionnaire.docxUnreadable': 'Groundwork ne peut pas lire ce document comme un fichier Word ({reason}). Rien n’a été importé.',
  'error.questionnaire.docxDamaged': 'Le fichier Word est endommagé ({problem}). Rien n’a été importé.',
  'error.questionnaire.docxNotQuestionnaire':
    'Ce fichier Word n’est pas un questionnaire Groundwork (sa référence est absente ou a été modifiée). Rien n’a été importé.',
  'error.questionnaire.docxUnknownQuestionnaire':
    'Ce formulaire Word se rapporte à un questionnaire qui n’a pas été créé sur cet ordinateur. Rien n’a été importé.',
  'error.questionnaire.docxStructureChanged':
    'La structure du formulaire Word a été modifiée (une case de réponse a été supprimée, copiée ou ajoutée). Demandez au client de remplir un nouvel exemplaire. Rien n’a été importé.',
  'error.questionnaire.docxTooManyTicked':
    'La question «\u00a0{question}\u00a0» compte {count} cases cochées alors qu’une seule est attendue. Rien n’a été importé.',
  'error.questionnaire.docxNotANumber': '«\u00a0{text}\u00a0» n’est pas un nombre (question «\u00a0{question}\u00a0»). Rien n’a été importé.',
  'error.questionnaire.docxNoName':
    'Le champ du nom («\u00a0Your name\u00a0») du formulaire Word est vide\u00a0: demandez qui l’a rempli. Rien n’a été importé.',
};
