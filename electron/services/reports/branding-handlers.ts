import type { brandingCalls } from '../../../shared/contract/calls/branding-calls';
import { checkBrandingContrast } from '../../../shared/reports/contrast';
import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import {
  assignBrandingToCase,
  brandingForCase,
  brandingProfileIdOfCase,
  deleteBrandingProfile,
  listBrandingProfiles,
  saveBrandingProfile,
  setBrandingLogo,
  setCustomerLogo,
} from './branding-repository';

export const brandingHandlers = ({ db }: AppServices): HandlersFor<typeof brandingCalls> => {
  const caseBranding = (caseId: string) => ({ profile: brandingForCase(db, caseId), chosenProfileId: brandingProfileIdOfCase(db, caseId) });
  return {
    'branding:list': () => listBrandingProfiles(db),
    'branding:save': (input) => {
      const profile = saveBrandingProfile(db, input);
      return { profile, warnings: checkBrandingContrast(profile.primaryColor, profile.accentColor) };
    },
    'branding:delete': (input) => {
      deleteBrandingProfile(db, input.id);
      return { deleted: true as const };
    },
    'branding:setLogo': (input) => setBrandingLogo(db, input.profileId, { mime: input.mime, base64: input.base64 }),
    'branding:clearLogo': (input) => setBrandingLogo(db, input.profileId, null).profile,
    'branding:setCustomerLogo': (input) => setCustomerLogo(db, input.caseId, { mime: input.mime, base64: input.base64 }),
    'branding:clearCustomerLogo': (input) => setCustomerLogo(db, input.caseId, null),
    'branding:forCase': (input) => caseBranding(input.caseId),
    'branding:assignToCase': (input) => {
      assignBrandingToCase(db, input.caseId, input.profileId);
      return caseBranding(input.caseId);
    },
  };
};
