// The README's picture of factsheet serve, taken by the browser the tests
// use: the brief in English and French side by side, with one French
// translation taken out of a copy of the layout so that the check panel
// shows what it reports, and the pointer on that problem, so that its box
// is outlined on the page. Writes docs/serve-preview.png.
//   tests/browser/run screenshot.js   (FACTSHEET: the binary)
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const root = path.resolve(__dirname, '..', '..');
const factsheet = process.env.FACTSHEET || path.join(root, 'factsheet');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-screenshot-'));

async function main() {
  const layout = path.join(work, 'layouts/brief');
  const data = path.join(work, 'data/pfr-mali');
  fs.cpSync(path.join(root, 'layouts/brief'), layout, { recursive: true });
  fs.cpSync(path.join(root, 'data/pfr-mali'), data, { recursive: true });
  const po = path.join(layout, 'fr.po');
  fs.writeFileSync(po, fs.readFileSync(po, 'utf8')
    .replace(/msgid "Gender focus"\nmsgstr "[^"]*"/, 'msgid "Gender focus"\nmsgstr ""'));
  const child = spawn(factsheet, ['serve', 'layouts/brief', 'data/pfr-mali', '--lang', 'en,fr', '--port', '0'],
    { cwd: work, env: { ...process.env, FACTSHEET_DATADIR: root }, stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) resolve(match[0]);
    });
    child.on('exit', (code) => reject(new Error('serve ended with ' + code)));
  });
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    userDataDir: path.join(work, 'chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage', '--hide-scrollbars'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 960, deviceScaleFactor: 1 });
    await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    await page.waitForFunction(() => document.querySelectorAll('.doc .page img').length === 2 &&
      [...document.querySelectorAll('.doc .page img')].every((img) => img.complete) &&
      document.getElementById('live').dataset.state === 'live', { timeout: 30000 });
    // Pointing at the problem outlines its box on the French page.
    await page.hover('#check .problem.pickable');
    await page.waitForSelector('.doc[data-lang="fr"] .highlight', { timeout: 30000 });
    const out = path.join(root, 'docs', 'serve-preview.png');
    await page.screenshot({ path: out });
    console.log('wrote ' + path.relative(root, out));
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
