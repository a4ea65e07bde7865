/** The part of web-ext's programmatic API the Firefox lint uses (web-ext ships no types). */
declare module 'web-ext' {
  interface LinterMessage {
    _type: 'error' | 'warning' | 'notice';
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  interface LinterOutput {
    count: number;
    summary: { errors: number; warnings: number; notices: number };
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
  }
  interface LintParams {
    sourceDir: string;
    artifactsDir?: string;
    /** addons-linter's output: 'text', 'json', or 'none' to print nothing and only return the result. */
    output?: 'text' | 'json' | 'none';
    warningsAsErrors?: boolean;
    selfHosted?: boolean;
    pretty?: boolean;
    boring?: boolean;
    verbose?: boolean;
  }
  const webExt: {
    cmd: {
      lint(params: LintParams, options?: { shouldExitProgram?: boolean }): Promise<LinterOutput>;
    };
  };
  export default webExt;
  export type { LinterMessage, LinterOutput };
}
