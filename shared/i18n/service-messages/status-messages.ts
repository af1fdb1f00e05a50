/**
 * What a status says about the link to the hub (Settings → Partner hub, `groundwork sync`): the
 * clock, a plain-http address, refused changes. Joined in index.ts.
 */
export const statusServiceEn = {
  'status.clockInStep': 'In step with the hub (to the second)',
  'status.clockOffset':
    'This laptop is {unit, select, seconds {{amount} seconds} minutes {{amount} minutes} hours {{amount} hours} other {{amount} days}} {direction, select, behind {behind} other {ahead of}} the hub',
  'status.clockWarning':
    "This laptop''s clock is {unit, select, minute {{amount, plural, one {# minute} other {# minutes}}} hour {{amount, plural, one {# hour} other {# hours}}} day {{amount, plural, one {# day} other {# days}}} other {{amount, plural, one {# year} other {# years}}}} {direction, select, ahead {ahead of} other {behind}} the partner hub''s. {direction, select, ahead {The hub refuses changes stamped in its future, so they stay queued here.} other {Your edits may lose to older ones made elsewhere.}} Set the date and time to automatic and sync again.",
  'status.hubUrlPlain':
    'The hub address {hubUrl} is plain http: the device token and case data cross the network unencrypted. Ask your partner admin for its {secure} address.',
  'status.refusedChanges':
    "The hub refused {count, plural, one {# change} other {# changes}} (another engineer''s case cannot be edited from this device).",
} as const;

export const statusServiceFrCA: Record<keyof typeof statusServiceEn, string> = {
  'status.clockInStep': 'À l’heure du serveur central (à la seconde près)',
  'status.clockOffset':
    'Cet ordinateur {direction, select, behind {retarde} other {avance}} de {unit, select, seconds {{amount} secondes} minutes {{amount} minutes} hours {{amount} heures} other {{amount} jours}} sur le serveur central',
  'status.clockWarning':
    'L’horloge de cet ordinateur {direction, select, ahead {avance} other {retarde}} de {unit, select, minute {{amount, plural, one {# minute} other {# minutes}}} hour {{amount, plural, one {# heure} other {# heures}}} day {{amount, plural, one {# jour} other {# jours}}} other {{amount, plural, one {# an} other {# ans}}}} sur celle du serveur central du partenaire. {direction, select, ahead {Le serveur central refuse les modifications datées de son futur\u00a0: elles restent en attente ici.} other {Vos modifications risquent d’être écrasées par des modifications plus anciennes faites ailleurs.}} Réglez la date et l’heure en mode automatique, puis synchronisez de nouveau.',
  'status.hubUrlPlain':
    'L’adresse du serveur central {hubUrl} est en http simple\u00a0: le jeton de l’appareil et les données des dossiers circulent sur le réseau sans chiffrement. Demandez son adresse {secure} à l’administrateur de votre partenaire.',
  'status.refusedChanges':
    'Le serveur central a refusé {count, plural, one {# modification} other {# modifications}} (le dossier d’un autre technicien ne peut pas être modifié depuis cet appareil).',
};
