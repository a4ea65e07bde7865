import rules from 'virtual:afterlife-rules';

/** The rules shipped inside the extension: rules/ validated and bundled at build time (scripts/vite-plugin-rules.ts). */
export const bundledRules = rules;
