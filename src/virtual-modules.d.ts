declare module 'virtual:afterlife-rules' {
  import type { RulesData } from './core/rules/types';
  import type { TrustedKey } from './core/rules/signature';
  /** The rules shipped inside the extension, validated at build time. */
  export const bundledRules: RulesData;
  /** `performance.now()` just before the bundled rules were parsed. */
  export const bundledRulesReadFrom: number;
  /** How this build fetches and trusts rule updates. */
  export const updateConfig: { defaultUrl: string; trustedKeys: TrustedKey[]; timeoutMs: number; maxBytes: number };
}

/** Whether this build ships the face detector, replaced by a literal at build time (vite's `define`): true in the
 *  Chromium build; false in the Firefox build, which has no offscreen documents and leaves the detector out. */
declare const __AFTERLIFE_FACE_DETECTOR__: boolean;
