import puppeteer from 'puppeteer-core';
import { startFixtureServers } from '../e2e/support/server';
const photo = (n: string) => `/work/main/e2e/fixtures/photos/${n}`;
const servers = await startFixtureServers();
const browser = await puppeteer.launch({
  browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi',
  extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1', 'network.trr.mode': 5, 'network.proxy.type': 0 },
});
const page = await browser.newPage();
await page.goto(servers.http('www.flickr.com', '/upload.html'));
await page.evaluate(() => {
  (window as any).seen = [];
  for (const type of ['input', 'change']) window.addEventListener(type, (e) => (window as any).seen.push([type, e.composed, e.bubbles, e.isTrusted, (e.composedPath()[0] as Element)?.nodeName, (e.target as Element)?.nodeName]), true);
});
await (await page.$('#open-host >>> input[type=file]'))!.uploadFile(photo('beach.jpg'));
await new Promise((r) => setTimeout(r, 500));
console.log(await page.evaluate(() => JSON.stringify((window as any).seen)));
await page.evaluate(() => { (window as any).seen = []; });
await (await page.$('#at-load'))!.uploadFile(photo('beach.jpg'));
await new Promise((r) => setTimeout(r, 500));
console.log(await page.evaluate(() => JSON.stringify((window as any).seen)));
await browser.close();
await servers.close();
