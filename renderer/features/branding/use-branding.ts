import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api';
import type { BrandingSaveInput, LogoMime } from '../../../shared/reports/branding';
import type { PriceBookSaveInput } from '../../../shared/reports/price-book';

const brandingList = ['branding', 'list'] as const;
const priceBookList = ['priceBook', 'list'] as const;

export const useBrandingProfiles = () => useQuery({ queryKey: brandingList, queryFn: () => api.listBrandingProfiles({}) });

/** Any branding change can show in any case's reports: refresh those too. */
const useRefreshBranding = () => {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['branding'] });
    void client.invalidateQueries({ queryKey: ['reports', 'source'] });
  };
};

export const useSaveBranding = () => {
  const refresh = useRefreshBranding();
  return useMutation({ mutationFn: (input: BrandingSaveInput) => api.saveBrandingProfile(input), onSuccess: refresh });
};

export const useDeleteBranding = () => {
  const refresh = useRefreshBranding();
  return useMutation({ mutationFn: (id: string) => api.deleteBrandingProfile({ id }), onSuccess: refresh });
};

export const useSetLogo = () => {
  const refresh = useRefreshBranding();
  return useMutation({
    mutationFn: (input: { profileId: string; mime: LogoMime; base64: string } | { profileId: string; clear: true }) =>
      'clear' in input ? api.clearBrandingLogo({ profileId: input.profileId }).then((profile) => ({ profile, removed: [] as string[] })) : api.setBrandingLogo(input),
    onSuccess: refresh,
  });
};

export const usePriceBook = () => useQuery({ queryKey: priceBookList, queryFn: () => api.listPriceBook({}) });

const useRefreshPriceBook = () => {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: priceBookList });
    void client.invalidateQueries({ queryKey: ['reports', 'source'] });
  };
};

export const useBankSkus = () => useQuery({ queryKey: [...priceBookList, 'bank-skus'], queryFn: () => api.listQuestionBankSkus({}) });

export const useSavePriceBookItem = () => {
  const refresh = useRefreshPriceBook();
  return useMutation({ mutationFn: (input: PriceBookSaveInput) => api.savePriceBookItem(input), onSuccess: refresh });
};

export const useDeletePriceBookItem = () => {
  const refresh = useRefreshPriceBook();
  return useMutation({ mutationFn: (id: string) => api.deletePriceBookItem({ id }), onSuccess: refresh });
};

/** The file's bytes as base64, for the logo upload call. */
export const fileToBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
