import puppeteer from 'puppeteer-core';
import { startFixtureServers } from '../e2e/support/server';
const servers = await startFixtureServers();
const browser = await puppeteer.launch({
  browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi',
  extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1', 'network.trr.mode': 5, 'network.proxy.type': 0 },
});
await browser.installExtension('/work/main/extension-firefox');
const page = await browser.newPage();
await page.goto(servers.http('www.flickr.com', '/upload.html'));
await (await page.$('#at-load'))!.uploadFile('/work/main/e2e/fixtures/photos/beach.jpg');
const why = await page.waitForSelector('[data-afterlife="warning"] >>> button.primary:not([data-action])', { timeout: 5000 });
const targetP = browser.waitForTarget((t) => t.url().startsWith('moz-extension://'), { timeout: 5000 });
await why!.click();
try {
  const target = await targetP;
  console.log('target', target.type(), target.url());
  const popup = await target.page();
  console.log('page?', !!popup);
  await new Promise((r) => setTimeout(r, 1500));
  console.log(await popup!.evaluate(() => document.body.innerText.slice(0, 400)));
} catch (e) { console.log('FAILED', String(e).slice(0, 400)); }
console.log(browser.targets().map((t) => t.type() + ' ' + t.url()));
const pages = await browser.pages();
const last = pages[pages.length - 1]!;
try { console.log('last url', last.url(), await last.evaluate(() => location.href + ' ' + document.body?.innerText.slice(0, 300))); } catch (e) { console.log('eval FAILED', String(e).slice(0, 300)); }
await browser.close();
await servers.close();
