import puppeteer from 'puppeteer-core';
import { startFixtureServers } from '../e2e/support/server';
const photo = (n: string) => `/work/main/e2e/fixtures/photos/${n}`;
const t0 = Date.now();
const servers = await startFixtureServers();
const browser = await puppeteer.launch({
  browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi',
  extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1', 'network.trr.mode': 5, 'network.proxy.type': 0 },
});
await browser.installExtension(process.env.EXT ?? '/work/main/extension-firefox');
const warning = (page: any) => page.evaluate(() => { const w = document.querySelector('[data-afterlife="warning"]'); return w ? [w.getAttribute('data-afterlife-site'), w.getAttribute('data-afterlife-level')] : null; });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function tryCase(name: string, fn: (page: any) => Promise<void>) {
  const page = await browser.newPage();
  try {
    await page.goto(servers.http('www.flickr.com', '/upload.html'));
    await fn(page);
    await sleep(1500);
    console.log(name, await warning(page), await page.evaluate(() => JSON.stringify((window as any).pageSaw)), Date.now() - t0);
  } catch (e) { console.log(name, 'FAILED', String(e).slice(0, 300)); }
  await page.close();
}
await tryCase('text', async (p) => (await p.$('#at-load')).uploadFile(photo('notes.txt')));
await tryCase('open-shadow', async (p) => (await p.$('#open-host >>> input[type=file]')).uploadFile(photo('beach.jpg')));
await tryCase('detached', async (p) => { const [c] = await Promise.all([p.waitForFileChooser({ timeout: 5000 }), p.click('#detached-picker')]); await c.accept([photo('beach.jpg')]); });
await tryCase('open-shadow-click', async (p) => { const [c] = await Promise.all([p.waitForFileChooser({ timeout: 5000 }), p.click('#open-host >>> input[type=file]')]); await c.accept([photo('beach.jpg')]); });
await tryCase('closed', async (p) => { const [c] = await Promise.all([p.waitForFileChooser({ timeout: 5000 }), p.click('#closed-host')]); await c.accept([photo('beach.jpg')]); });
await tryCase('label', async (p) => { const [c] = await Promise.all([p.waitForFileChooser({ timeout: 5000 }), p.click('#label-picker')]); await c.accept([photo('beach.jpg')]); });
await tryCase('frame', async (p) => { const f = p.frames().find((x: any) => x.url().endsWith('/frame.html') && x.url().includes('flickr')); await (await f.$('#frame-input')).uploadFile(photo('beach.jpg')); await sleep(1500); console.log('frame warning', await f.evaluate(() => !!document.querySelector('[data-afterlife="warning"]'))); });
await tryCase('xframe', async (p) => { await sleep(500); const f = p.frames().find((x: any) => x.url().includes('widgetcdn')); console.log('xframe url', f?.url()); await (await f.$('#frame-input')).uploadFile(photo('beach.jpg')); await sleep(1500); console.log('xframe warning', await f.evaluate(() => { const w = document.querySelector('[data-afterlife="warning"]'); return w && w.getAttribute('data-afterlife-site'); })); });
console.log('fsapi', await (await browser.newPage()).evaluate(() => typeof (window as any).showOpenFilePicker));
await browser.close();
await servers.close();
console.log('done', Date.now() - t0);
