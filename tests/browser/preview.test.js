// factsheet serve in a real browser: Debian's headless Chromium, driven by
// puppeteer-core. Each step prints "ok - NAME" or "not ok - NAME"; the
// waits are deadlines against hangs, never measures of speed.
//   node tests/browser/preview.test.js   (FACTSHEET: the binary to test)
'use strict';

const assert = require('assert');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const root = path.resolve(__dirname, '..', '..');
const factsheet = process.env.FACTSHEET || path.join(root, 'factsheet');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const DEADLINE = 30000; // ms: generous, against hangs only
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-browser-'));

let passed = 0;
let failed = 0;
const servers = []; // ended at the end whatever happens
// However the test ends (its guard, a signal, an exception), no server it
// started outlives it.
process.on('exit', () => {
  for (const child of servers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(1));

async function step(name, body) {
  try {
    await body();
    passed++;
    console.log('ok - ' + name);
  } catch (error) {
    failed++;
    console.log('not ok - ' + name);
    console.log('  ' + String(error && error.stack || error).split('\n').join('\n  '));
  }
}

// Copies a folder of the repository into the work folder.
function copy(from, to) {
  fs.cpSync(path.join(root, from), path.join(work, to), { recursive: true });
  return path.join(work, to);
}

// Saves as editors do: the new bytes to a temporary file beside it, then a
// rename over the old one.
function save(file, text) {
  const temporary = path.join(path.dirname(file), '.' + path.basename(file) + '.tmp');
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

// Starts factsheet serve on a free port; resolves when it prints its address.
function serve(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(factsheet, ['serve', ...args, '--port', '0'], {
      cwd: work,
      env: { ...process.env, FACTSHEET_DATADIR: root, SOURCE_DATE_EPOCH: '1700000000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    servers.push(child);
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + err)), DEADLINE);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), url: match[0], output: () => out, errors: () => err });
      }
    });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error('serve ended with ' + code + ': ' + err));
    });
  });
}

// A plain HTTP request, with the headers asked for; resolves to the status,
// headers and body as bytes.
function request(port, pathname, options = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method: options.method || 'GET',
      headers: options.headers || {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.setTimeout(DEADLINE, () => req.destroy(new Error('request timed out')));
    req.end();
  });
}

async function status(port) {
  return JSON.parse((await request(port, '/status')).body.toString());
}

function stopped(server) {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve(server.child.exitCode);
    const timer = setTimeout(() => server.child.kill('SIGKILL'), DEADLINE);
    server.child.on('exit', (code, signal) => { clearTimeout(timer); resolve(code === null ? signal : code); });
  });
}

// What the page shows as text: the texts laid over every page of a language.
function pageText(page, lang) {
  return page.evaluate((l) => [...document.querySelectorAll(`.doc[data-lang="${l}"] .texts`)]
    .map((t) => t.textContent).join('\n'), lang);
}

async function waitFor(page, fn, ...args) {
  return page.waitForFunction(fn, { timeout: DEADLINE, polling: 50 }, ...args);
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: path.join(work, 'chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  const layout = copy('layouts/brief', 'brief');
  const data = copy('data/pfr-mali', 'pfr-mali');
  const server = await serve([layout, data, '--lang', 'en,fr']);
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 1000, deviceScaleFactor: 1 });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await step('the page shows both languages side by side', async () => {
    await page.goto(server.url, { waitUntil: 'load', timeout: DEADLINE });
    await waitFor(page, () => document.querySelectorAll('.doc .page img').length === 2 &&
      [...document.querySelectorAll('.doc .page img')].every((img) => img.complete && img.naturalWidth > 0));
    const langs = await page.$$eval('.doc', (docs) => docs.map((d) => d.dataset.lang));
    assert.deepStrictEqual(langs, ['en', 'fr']);
    assert.match(await pageText(page, 'en'), /2,029,052/);
    // French groups digits with a narrow no-break space, as render does.
    assert.match(await pageText(page, 'fr'), /2\u202f029\u202f052/);
    // The picture is the page at 96 dpi (the viewport's ratio is 1).
    const width = await page.$eval('.doc[data-lang="en"] .page img', (img) => img.naturalWidth);
    assert.strictEqual(width, Math.ceil(595.28 * 96 / 72));
    assert.deepStrictEqual(pageErrors, []);
  });

  await step('a saved CSV cell shows its new number, in one render', async () => {
    const before = await status(server.port);
    const src = await page.$eval('.doc[data-lang="en"] .page img', (img) => img.src);
    const csv = fs.readFileSync(path.join(data, 'stats.csv'), 'utf8');
    save(path.join(data, 'stats.csv'), csv.replace('2029052', '2031415'));
    await waitFor(page, () => /2,031,415/.test(document.querySelector('.doc[data-lang="en"] .texts').textContent));
    assert.match(await pageText(page, 'fr'), /2\u202f031\u202f415/);
    const after = await status(server.port);
    assert.strictEqual(after.renders, before.renders + 1, 'one save, one render');
    assert.ok(after.changes > before.changes);
    assert.notStrictEqual(await page.$eval('.doc[data-lang="en"] .page img', (img) => img.src), src);
    assert.strictEqual(await page.$eval('body', (b) => b.dataset.renders), String(after.renders));
  });

  await step('a column nothing reads is a note in the check panel, as check prints it', async () => {
    const file = path.join(data, 'stats.csv');
    const csv = fs.readFileSync(file, 'utf8');
    const lines = csv.split('\n');
    save(file, lines.map((line, i) => (line === '' ? line : line + (i === 0 ? ',source' : ',census'))).join('\n'));
    await waitFor(page, () => /column 'source' is shown nowhere/.test(document.querySelector('#check').textContent));
    const panel = await page.$eval('#check', (c) => c.textContent);
    assert.match(panel, /All documents/);
    assert.match(panel, /stats\.csv:1:\d+/);
    assert.match(panel, /hint: \{source\} in a repeat over stats, or \{stats\.source\} for a one-row table, shows it/);
    save(file, csv);
    await waitFor(page, () => !/shown nowhere/.test(document.querySelector('#check').textContent));
  });

  await step('a broken layout shows its error above the last good pages, then recovers', async () => {
    const file = path.join(layout, 'layout.yaml');
    const good = fs.readFileSync(file, 'utf8');
    // Written in place, as a half-typed edit is: an unclosed flow sequence.
    fs.writeFileSync(file, good.replace('body:', 'body: [oops'));
    await waitFor(page, () => !document.getElementById('errors').hidden);
    const banner = await page.$eval('#errors', (e) => e.textContent);
    assert.match(banner, /layout\.yaml:\d+:\d+/);
    assert.match(banner, /invalid YAML/);
    assert.match(banner, /hint: /);
    // The last good pages stay.
    assert.match(await pageText(page, 'en'), /2,031,415/);
    assert.strictEqual(await page.$$eval('.doc .page img', (imgs) => imgs.length), 2);
    save(file, good);
    await waitFor(page, () => document.getElementById('errors').hidden);
    assert.match(await pageText(page, 'en'), /2,031,415/);
  });

  await step('a problem\'s box is outlined on its page', async () => {
    const po = path.join(layout, 'fr.po');
    const good = fs.readFileSync(po, 'utf8');
    save(po, good.replace(/msgid "Gender focus"\nmsgstr "[^"]*"/, 'msgid "Gender focus"\nmsgstr ""'));
    await waitFor(page, () => /Gender focus/.test(document.getElementById('check').textContent));
    const item = await page.$('#check .check-lang[data-lang="fr"] .problem.pickable');
    assert.ok(item, 'the missing translation can be shown on the page');
    assert.match(await item.evaluate((e) => e.textContent), /layout\.yaml:\d+:\d+.*not translated/);
    await item.click();
    const mark = await page.waitForSelector('.doc[data-lang="fr"] .page[data-page="1"] .highlight',
      { timeout: DEADLINE });
    // Around the heading that shows English on the French page: its words
    // are inside the outlined box.
    const inside = await mark.evaluate((m) => {
      const box = m.getBoundingClientRect();
      return [...m.parentElement.querySelectorAll('.texts span')].some((t) => {
        const r = t.getBoundingClientRect();
        return t.textContent === 'Gender focus' && r.left >= box.left - 1 && r.top >= box.top - 1 &&
          r.right <= box.right + 1 && r.top <= box.bottom;
      });
    });
    assert.ok(inside, 'the box outlined holds the heading the problem is about');
    save(po, good);
    await waitFor(page, () => !/Gender focus/.test(document.getElementById('check').textContent));
  });

  await step('the language switch shows one language, then both', async () => {
    await page.click('button.lang[data-lang="fr"]');
    await waitFor(page, () => document.body.dataset.langs === 'fr' &&
      document.querySelectorAll('.doc').length === 1);
    assert.match(await pageText(page, 'fr'), /Partenaires pour la\srésilience/ /* a no-break space after 'la' */);
    assert.match(await page.evaluate(() => location.hash), /lang=fr/);
    await page.click('button.lang[data-lang="all"]');
    await waitFor(page, () => document.body.dataset.langs === 'en,fr' &&
      document.querySelectorAll('.doc').length === 2);
  });

  await step('the downloaded PDF is the one render writes', async () => {
    const answer = await request(server.port, '/pdf?lang=fr');
    assert.strictEqual(answer.status, 200);
    assert.strictEqual(answer.headers['content-type'], 'application/pdf');
    assert.match(answer.headers['content-disposition'], /filename="brief-fr\.pdf"/);
    const out = path.join(work, 'render-fr.pdf');
    execFileSync(factsheet, ['render', layout, data, '--lang', 'fr', '-o', out],
      { env: { ...process.env, FACTSHEET_DATADIR: root, SOURCE_DATE_EPOCH: '1700000000' } });
    assert.ok(answer.body.equals(fs.readFileSync(out)), 'the same bytes as factsheet render');
  });

  await step('only its own page and documents, to this machine\'s names', async () => {
    const host = `127.0.0.1:${server.port}`;
    assert.strictEqual((await request(server.port, '/', { headers: { Host: host } })).status, 200);
    assert.strictEqual((await request(server.port, '/', { headers: { Host: `localhost:${server.port}` } })).status, 200);
    // DNS rebinding: a page of another site, its name pointed at 127.0.0.1.
    assert.strictEqual((await request(server.port, '/api/state', { headers: { Host: `evil.example:${server.port}` } })).status, 403);
    assert.strictEqual((await request(server.port, '/status', { headers: { Host: '127.0.0.1:1' } })).status, 403);
    for (const p of ['/layout.yaml', '/stats.csv', '/../brief/layout.yaml', '/png/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd', '/index.html', '/app.js/x']) {
      const answer = await request(server.port, p, { headers: { Host: host } });
      assert.strictEqual(answer.status, 404, p);
      assert.doesNotMatch(answer.body.toString(), /root:|body:/, p);
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      assert.strictEqual((await request(server.port, '/api/doc?lang=en', { method, headers: { Host: host } })).status, 405, method);
    }
    const page = await request(server.port, '/', { headers: { Host: host } });
    assert.match(page.headers['content-security-policy'], /default-src 'none'/);
  });

  await step('a port already taken is an error that says so', async () => {
    const taken = require('net').createServer();
    await new Promise((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = taken.address().port;
    const child = spawn(factsheet, ['serve', layout, data, '--port', String(port)],
      { env: { ...process.env, FACTSHEET_DATADIR: root }, stdio: ['ignore', 'pipe', 'pipe'] });
    servers.push(child);
    let err = '';
    child.stderr.on('data', (chunk) => { err += chunk; });
    const code = await stopped({ child });
    taken.close();
    assert.strictEqual(code, 1);
    assert.match(err, new RegExp(`cannot listen on 127\\.0\\.0\\.1 port ${port}: Address already in use`));
    assert.match(err, /hint: choose another port with --port N/);
  });

  await step('Ctrl-C stops it cleanly, and the page says so', async () => {
    server.child.kill('SIGINT');
    const code = await stopped(server);
    assert.strictEqual(code, 0, server.errors());
    assert.match(server.output(), /factsheet serve: stopped/);
    await waitFor(page, () => document.getElementById('live').dataset.state === 'lost');
  });
  await page.close();

  // --each: a picker of keys, and check's problems beside the pages.
  const countryLayout = copy('layouts/country', 'country');
  const countryData = copy('data/country-offices', 'country-offices');
  const batch = await serve([countryLayout, countryData, '--lang', 'en,fr', '--each', 'country']);
  const second = await browser.newPage();
  await second.setViewport({ width: 1400, height: 900, deviceScaleFactor: 2 });

  await step('the key picker shows another document', async () => {
    await second.goto(batch.url, { waitUntil: 'load', timeout: DEADLINE });
    await waitFor(second, () => document.body.dataset.key === 'Mali' && document.querySelectorAll('.doc .page').length === 2);
    const keys = await second.$$eval('#key option', (options) => options.map((o) => o.value));
    assert.ok(keys.length > 10 && keys.includes('Niger'), keys.join(', '));
    await second.select('#key', 'Niger');
    await waitFor(second, () => document.body.dataset.key === 'Niger');
    await waitFor(second, () => /1,354,838/.test(document.querySelector('.doc[data-lang="en"] .texts').textContent));
    assert.match(await second.evaluate(() => location.hash), /key=Niger/);
    // A device pixel ratio of 2 gets pictures of twice the pixels.
    const width = await second.$eval('.doc[data-lang="en"] .page img', (img) => img.naturalWidth);
    assert.strictEqual(width, Math.ceil(419.53 * 192 / 72));
  });

  await step('check\'s problems show beside the last good pages', async () => {
    const file = path.join(countryData, 'results.csv');
    const csv = fs.readFileSync(file, 'utf8');
    // Niger's villages emptied: its documents cannot be laid out.
    save(file, csv.replace(',187,27,', ',,27,'));
    await waitFor(second, () => document.querySelectorAll('.doc[data-status="failed"]').length === 2);
    const panel = await second.$eval('#check', (c) => c.textContent);
    assert.match(panel, /results\.csv:3:94/);
    assert.match(panel, /needs a number in column 'villages'/);
    assert.match(panel, /hint: write a number/);
    const above = await second.$eval('.doc[data-lang="fr"] .doc-errors', (e) => e.textContent);
    assert.match(above, /results\.csv:3:94/);
    // The last good pages stay on screen.
    assert.match(await pageText(second, 'en'), /1,354,838/);
    save(file, csv);
    await waitFor(second, () => document.querySelectorAll('.doc[data-status="drawn"]').length === 2);
    assert.doesNotMatch(await second.$eval('#check', (c) => c.textContent), /results\.csv:3:94/);
  });

  batch.child.kill('SIGTERM');
  await step('SIGTERM stops it cleanly too', async () => {
    assert.strictEqual(await stopped(batch), 0, batch.errors());
  });
  await browser.close();
}

const guard = setTimeout(() => {
  console.log('not ok - the browser tests did not end within 300 s');
  process.exit(1);
}, 300000);

main().catch((error) => {
  failed++;
  console.log('not ok - ' + (error && error.stack || error));
}).finally(() => {
  clearTimeout(guard);
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`browser ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
});
