import puppeteer from 'puppeteer-core';
const uuid = '0b7e2a3c-1f4d-4c5e-9a6b-7c8d9e0f1a2b';
const browser = await puppeteer.launch({
  browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi',
  extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1', 'network.trr.mode': 5, 'network.proxy.type': 0,
    'extensions.webextensions.uuids': JSON.stringify({ 'afterlife@afterlife-extension.org': uuid }) },
});
await browser.installExtension('/work/main/extension-firefox');
const page = await browser.newPage();
for (const path of ['src/options/index.html', 'src/popup/index.html?tab=1']) {
  try {
    const r = await page.goto(`moz-extension://${uuid}/${path}`, { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 1000));
    console.log(path, r?.status(), page.url(), (await page.evaluate(() => document.body?.innerText ?? ''))?.slice(0, 200));
  } catch (e) { console.log(path, 'FAILED', String(e).slice(0, 300)); }
}
console.log(browser.targets().map((t) => t.type() + ' ' + t.url()));
await browser.close();
