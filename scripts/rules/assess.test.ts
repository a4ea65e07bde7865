import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from './rules-files';

const run = promisify(execFile);
const tsx = join(PROJECT_DIR, 'node_modules/.bin/tsx');
const photo = join(PROJECT_DIR, 'e2e/fixtures/photos/beach.jpg');
/** Made with exiftool from beach.jpg: a GPS position, a Canon serial number, an Artist and a CC BY 4.0 XMP licence
 *  (the command is in e2e/fixtures/photos/meta/README.md). */
const allFacts = join(PROJECT_DIR, 'e2e/fixtures/photos/meta/all-facts.jpg');

async function assess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['scripts/rules/assess.ts', ...args], { cwd: PROJECT_DIR });
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

  it('reads the photo with the extension\'s own code: place, serial, creator and embedded licence', async () => {
    const result = await assess('--url', 'https://blog.example.org/', '--date', '2026-11-29', '--json', allFacts);
    expect(result.code).toBe(0);
    const assessment = JSON.parse(result.stdout);
    expect(assessment.photo).toMatchObject({
      location: true,
      cameraSerial: true,
      creatorName: true,
      embeddedLicence: 'cc-by-4.0',
      faces: 'unknown',
      details: { camera: 'Canon EOS R6', creator: 'Sam Example', licenceText: 'https://creativecommons.org/licenses/by/4.0/' },
    });
    const factors = assessment.factors.map((factor: { id: string }) => factor.id);
    expect(factors).toEqual(expect.arrayContaining(['location', 'identifying-metadata', 'open-licence']));
    expect(assessment.level).toBe('very-high');
  });

  it('reports the IPTC Data Mining reservation a photo carries, without counting it', async () => {
    const reserved = join(PROJECT_DIR, 'e2e/fixtures/photos/meta/reserved.jpg');
    const json = JSON.parse((await assess('--url', 'https://blog.example.org/', '--json', reserved)).stdout);
    expect(json.photo.details.dataMining).toBe('DMI-PROHIBITED-AIMLTRAINING');
    const text = await assess('--url', 'https://blog.example.org/', reserved);
    expect(text.stdout).toContain('In the file: a reservation written into the file: no AI or machine-learning training (IPTC Data Mining) — DMI-PROHIBITED-AIMLTRAINING');
  });

  it('reports what content credentials (C2PA) say, and whether the site keeps metadata, without counting either', async () => {
    const photo = join(PROJECT_DIR, 'e2e/fixtures/photos/meta/c2pa-training.jpg');
    const json = JSON.parse((await assess('--url', 'https://imgur.com/upload', '--json', photo)).stdout);
    expect(json.photo.details.trainingMining).toEqual({ label: 'cawg.training-mining', uses: { ai_generative_training: 'notAllowed', ai_training: 'constrained', data_mining: 'allowed' } });
    expect(json.metadataOnSite.value).toBe('stripped');
    const plain = JSON.parse((await assess('--url', 'https://imgur.com/upload', '--json', join(PROJECT_DIR, 'e2e/fixtures/photos/meta/plain.jpg'))).stdout);
    expect(json.points).toBe(plain.points);
    const text = await assess('--url', 'https://imgur.com/upload', photo);
    expect(text.stdout).toContain('In the file: content credentials (C2PA) saying generative-AI training: not allowed, other AI training: only with permission, data mining: allowed');
    expect(text.stdout).toContain('Metadata on this site: Imgur removes the metadata from the copies it shows');
  });

  it('reads nothing into a photo that carries nothing', async () => {
    const result = await assess('--url', 'https://blog.example.org/', '--json', join(PROJECT_DIR, 'e2e/fixtures/photos/meta/plain.jpg'));
    const assessment = JSON.parse(result.stdout);
    expect(assessment.photo).toMatchObject({ location: false, cameraSerial: false, creatorName: false, embeddedLicence: null });
    expect(assessment.level).toBe('medium');
  });

  it('takes the face count the browser\'s detector would give', async () => {
    const result = await assess('--url', 'https://blog.example.org/', '--faces', '2', '--json', photo);
    const assessment = JSON.parse(result.stdout);
    expect(assessment.photo.faces).toBe(2);
    expect(assessment.factors.map((factor: { id: string }) => factor.id)).toContain('faces');
  });

  it('counts a regional fact only for a person in that region, and lists it under elsewhere otherwise', async () => {
    const [inGermany, inChicago] = await Promise.all(
      ['DE', 'US'].map(async (region) => JSON.parse((await assess('--url', 'https://www.facebook.com/', '--region', region, '--date', '2026-11-29', '--json', photo)).stdout)),
    );
    const euOnly = (facts: Array<{ where?: string[] }>) => facts.filter((fact) => fact.where?.includes('eu-eea'));
    const evidenceOf = (assessment: { factors: Array<{ evidence: Array<{ where?: string[] }> }> }) => assessment.factors.flatMap((factor) => factor.evidence);
    expect(inGermany.region).toBe('DE');
    expect(euOnly(evidenceOf(inGermany)).length).toBeGreaterThan(0);
    expect(euOnly(evidenceOf(inChicago))).toEqual([]);
    expect(euOnly(inChicago.elsewhere).length).toBeGreaterThan(0);
  });

  it('prints the facts for other regions apart, as not counted', async () => {
    const result = await assess('--url', 'https://www.facebook.com/', '--region', 'US-IL', photo);
    expect(result.stdout).toMatch(/Elsewhere \(\d+\) — not counted for us, us-il:/);
  });

  it.each([
    [['--url', 'not a url', photo], /is not an http\(s\) page URL/],
    [['--url', 'https://www.flickr.com/', '--region', 'EU', photo], /--region must be an ISO 3166 code such as DE, GB, US or US-IL, not "EU"/],
    [['--url', 'https://www.flickr.com/', '--faces', 'two', photo], /--faces must be a whole number of faces, not "two"/],
    [['--url', 'https://www.flickr.com/', '--date', '29.11.2026', photo], /--date must be a day written YYYY-MM-DD/],
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
