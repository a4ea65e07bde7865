import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from './rules-files';

const run = promisify(execFile);
const tsx = join(PROJECT_DIR, 'node_modules/.bin/tsx');
const photo = join(PROJECT_DIR, 'e2e/fixtures/photos/beach.jpg');

async function assess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['scripts/assess.ts', ...args], { cwd: PROJECT_DIR });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run assess', () => {
  it('prints the level, reasons with sources and actions', async () => {
    const result = await assess('--url', 'https://www.flickr.com/photos/upload/', '--licence', 'cc-by-2.0', photo);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Flickr \(Photo sharing\): Very high chance of an afterlife as training data/);
    expect(result.stdout).toContain('https://arxiv.org/abs/1503.01817');
    expect(result.stdout).toContain('What you can do now:');
  });

  it('gives the same assessment as JSON for scripts', async () => {
    const result = await assess('--url', 'https://blog.example.org/', '--visibility', 'public', '--json', photo);
    const assessment = JSON.parse(result.stdout);
    expect(assessment).toMatchObject({ level: 'medium', siteId: 'unknown', host: 'blog.example.org' });
  });

  it.each([
    [['--url', 'not a url', photo], /is not an http\(s\) page URL/],
    [['--url', 'https://www.flickr.com/', '--licence', 'cc-by-9.0', photo], /unknown licence "cc-by-9.0"; known: all-rights-reserved/],
    [['--url', 'https://www.flickr.com/', 'missing.jpg'], /cannot read missing.jpg: ENOENT/],
    [['--url', 'https://www.flickr.com/', join(PROJECT_DIR, 'e2e/fixtures/photos/notes.txt')], /is not an image Afterlife recognises/],
    [['--url', 'https://www.flickr.com/', '--visibility', 'open', photo], /--visibility must be public, members or private/],
  ])('fails with one clear line for %j', async (args, message) => {
    const result = await assess(...args);
    expect(result.code).not.toBe(0);
    expect(result.stderr.split('\n')[0]).toMatch(message);
  });
});
