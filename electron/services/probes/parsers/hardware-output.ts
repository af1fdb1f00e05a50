/**
 * macOS: `system_profiler SPiBridgeDataType -json`. Intel Macs with the Apple T2 chip list it with
 * its secure boot policy; Apple silicon and Intel Macs without a T2 list nothing. The policy
 * strings are Apple's own and are not translated.
 */
export interface IbridgeInfo {
  readonly chip: string | null;
  /** Full or medium security verifies the boot chain; "No Security" does not. Null: not listed. */
  readonly secureBoot: boolean | null;
  readonly policy: string | null;
}

export const parseIbridgeJson = (json: string): IbridgeInfo | null => {
  const data = JSON.parse(json) as { SPiBridgeDataType?: Record<string, unknown>[] };
  const controller = (data.SPiBridgeDataType ?? []).find((c) => typeof c.ibridge_model_name === 'string' || typeof c.ibridge_secure_boot === 'string');
  if (!controller) return null;
  const policy = typeof controller.ibridge_secure_boot === 'string' ? controller.ibridge_secure_boot : null;
  return {
    chip: typeof controller.ibridge_model_name === 'string' ? controller.ibridge_model_name : null,
    secureBoot: policy === null ? null : /^(full|medium)\b/i.test(policy) ? true : /^no\b/i.test(policy) ? false : null,
    policy,
  };
};

/** Windows `reg query ... /v UEFISecureBootEnabled`: the value line reads the same in every language. */
export const parseSecureBootRegQuery = (output: string): boolean | null => {
  const match = /UEFISecureBootEnabled\s+REG_DWORD\s+0x([0-9a-f]+)/i.exec(output);
  return match ? Number.parseInt(match[1] as string, 16) !== 0 : null;
};

/** A refusal for want of elevation: HRESULTs are the same in every language, the words are not. */
export const saysAccessDenied = (output: string): boolean =>
  /0x80070005|0x80090010|E_ACCESSDENIED|access (is )?denied|Zugriff verweigert|Acc.s refus./i.test(output);
