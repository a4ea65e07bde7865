declare module 'virtual:afterlife-rules' {
  import type { RulesData } from './core/rules/types';
  const rules: RulesData;
  export default rules;
}
