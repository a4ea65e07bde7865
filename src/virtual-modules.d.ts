declare module 'virtual:afterlife-rules' {
  import type { RulesData } from './core/rules/types';
  import type { TrustedKey } from './core/rules/signature';
  /** The rules shipped inside the extension, validated at build time. */
  export const bundledRules: RulesData;
  /** How this build fetches and trusts rule updates. */
  export const updateConfig: { defaultUrl: string; trustedKeys: TrustedKey[]; timeoutMs: number; maxBytes: number };
}
