import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { clockOffsetText, clockWarningText, describeClockOffset, hubUrlWarningText } from '../../../shared/sync/sync-status';
import { appCatalogueFor } from '../../../shared/i18n/ui-catalogue';
import type { ServiceText } from '../../../shared/i18n/service-failure';

describe('the clock offset against the hub in words', () => {
  it('reads whole seconds as in step, and says which way and how far otherwise', () => {
    expect(describeClockOffset(null)).toBeNull();
    // The Date header has 1 s resolution: ±2 s is noise.
    expect(describeClockOffset(-1_999)).toBe('In step with the hub (to the second)');
    // Offset = hub − laptop: +45,000 ms means the laptop is 45 s behind.
    expect(describeClockOffset(45_000)).toBe('This laptop is 45 seconds behind the hub');
    // −7,200,000 ms = 2 h: the laptop is ahead.
    expect(describeClockOffset(-7_200_000)).toBe('This laptop is 2 hours ahead of the hub');
    // 10 min = 600,000 ms.
    expect(describeClockOffset(600_000)).toBe('This laptop is 10 minutes behind the hub');
    // 3 days = 259,200,000 ms.
    expect(describeClockOffset(259_200_000)).toBe('This laptop is 3 days behind the hub');
  });
});

const say = (locale: 'en' | 'fr-CA', text: ServiceText | null): string | null => {
  if (!text) return null;
  const intl = createIntl({ locale, messages: appCatalogueFor(locale), onError: (e) => { throw e; } });
  return intl.formatMessage({ id: text.messageId }, text.values);
};

describe('the hub link’s status sentences, in the app’s language', () => {
  it('the clock offset and its warning read in French, and English is what it was', () => {
    expect(say('fr-CA', clockOffsetText(45_000))).toBe('Cet ordinateur retarde de 45 secondes sur le serveur central');
    expect(say('fr-CA', clockOffsetText(-7_200_000))).toBe('Cet ordinateur avance de 2 heures sur le serveur central');
    expect(say('fr-CA', clockOffsetText(1_000))).toBe('À l’heure du serveur central (à la seconde près)');
    // 10 minutes ahead (offset −600,000 ms) against the 5-minute bound: the laptop stamps the hub's future.
    expect(say('en', clockWarningText(-600_000))).toBe(
      "This laptop's clock is 10 minutes ahead of the partner hub's. The hub refuses changes stamped in its future, so they stay queued here. Set the date and time to automatic and sync again.",
    );
    // Three days behind (259,200,000 ms; from 48 h on the unit is days).
    expect(say('en', clockWarningText(259_200_000))).toBe(
      "This laptop's clock is 3 days behind the partner hub's. Your edits may lose to older ones made elsewhere. Set the date and time to automatic and sync again.",
    );
    expect(say('fr-CA', clockWarningText(259_200_000))).toBe(
      'L’horloge de cet ordinateur retarde de 3 jours sur celle du serveur central du partenaire. Vos modifications risquent d’être écrasées par des modifications plus anciennes faites ailleurs. Réglez la date et l’heure en mode automatique, puis synchronisez de nouveau.',
    );
    // Within the bound: no warning at all.
    expect(clockWarningText(-299_000)).toBeNull();
  });

  it('a plain-http hub address is warned about in French too, loopback is not', () => {
    expect(say('fr-CA', hubUrlWarningText('http://hub.example.com'))).toBe(
      'L’adresse du serveur central http://hub.example.com est en http simple\u00a0: le jeton de l’appareil et les données des dossiers circulent sur le réseau sans chiffrement. Demandez son adresse https:// à l’administrateur de votre partenaire.',
    );
    expect(say('en', hubUrlWarningText('http://hub.example.com'))).toBe(
      'The hub address http://hub.example.com is plain http: the device token and case data cross the network unencrypted. Ask your partner admin for its https:// address.',
    );
    expect(hubUrlWarningText('http://127.0.0.1:8443')).toBeNull();
    expect(hubUrlWarningText('https://hub.example.com')).toBeNull();
  });
});
