// The preview page of `factsheet serve`. It asks the server for the run
// (/api/state), then for each shown language's document (/api/doc), and
// shows its pages (/png) with the texts laid over them, the problems beside
// them and the inputs' errors above them. A server-sent event (/events)
// announces each render; the page then asks again. Nothing here writes.
'use strict';

const $ = (id) => document.getElementById(id);

// What is shown: the --each key, the languages, the pixel ratio, and the
// problem whose box is highlighted. The key and languages live in the
// address (#key=Mali&lang=en,fr), so a reload keeps them.
const view = {
  key: null,
  langs: null,
  dpr: Math.min(3, Math.max(1, Math.round((window.devicePixelRatio || 1) * 4) / 4)),
  picked: null,
};
let run = null;
let shownRenders = 0;

function readAddress() {
  const p = new URLSearchParams(location.hash.slice(1));
  if (p.has('key')) view.key = p.get('key');
  if (p.has('lang')) view.langs = p.get('lang').split(',').filter(Boolean);
}

function writeAddress() {
  const p = new URLSearchParams();
  if (view.key !== null) p.set('key', view.key);
  p.set('lang', view.langs.join(','));
  history.replaceState(null, '', '#' + p.toString());
}

function query(lang, extra) {
  const p = new URLSearchParams();
  if (run.each) p.set('key', view.key);
  p.set('lang', lang);
  for (const [name, value] of Object.entries(extra || {})) p.set(name, value);
  return p.toString();
}

async function getJSON(url) {
  const response = await fetch(url, { cache: 'no-store' });
  let body = {};
  try {
    body = await response.json();
  } catch (_) {
    body = {};
  }
  return { ok: response.ok, status: response.status, body };
}

function make(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = text;
  return el;
}

function langName(tag) {
  const lang = run.langs.find((l) => l.tag === tag);
  return lang ? lang.name : tag;
}

// ---- the bar: which document, which languages -------------------------------

function showControls() {
  $('run').textContent = run.layout + ' · ' + run.data;
  const picker = $('picker');
  picker.hidden = !run.each;
  if (run.each) {
    $('picker-name').textContent = run.each;
    const select = $('key');
    const keys = run.keys || [];
    const same = select.options.length === keys.length &&
      keys.every((k, i) => select.options[i].value === k);
    if (!same) {
      select.replaceChildren(...keys.map((k) => {
        const option = make('option', null, k);
        option.value = k;
        return option;
      }));
    }
    select.value = view.key;
  }
  const langs = $('langs');
  const buttons = run.langs.map((l) => {
    const b = make('button', 'lang', l.name);
    b.type = 'button';
    b.dataset.lang = l.tag;
    b.setAttribute('aria-pressed', String(view.langs.length === 1 && view.langs[0] === l.tag));
    b.addEventListener('click', () => choose([l.tag]));
    return b;
  });
  if (run.langs.length > 1) {
    const all = make('button', 'lang', run.langs.length === 2 ? 'Side by side' : 'All');
    all.type = 'button';
    all.dataset.lang = 'all';
    all.setAttribute('aria-pressed', String(view.langs.length === run.langs.length));
    all.addEventListener('click', () => choose(run.langs.map((l) => l.tag)));
    buttons.push(all);
  }
  langs.replaceChildren(...buttons);
}

function choose(langs) {
  view.langs = langs;
  view.picked = null;
  writeAddress();
  refresh();
}

$('key').addEventListener('change', (event) => {
  view.key = event.target.value;
  view.picked = null;
  writeAddress();
  refresh();
});

// ---- problems -----------------------------------------------------------------

function where(p) {
  if (!p.file) return '';
  let text = p.file;
  if (p.line) text += ':' + p.line;
  if (p.column) text += ':' + p.column;
  return text;
}

// One problem; with onPick (a problem whose box is known), pointing at it,
// focusing it or clicking it outlines that box on its page.
function problemItem(p, onPick) {
  const item = make('li', 'problem ' + p.severity);
  const head = make('div', 'head');
  head.append(make('span', 'severity', p.severity));
  const place = where(p);
  if (place) head.append(make('code', 'where', place));
  item.append(head, make('div', 'message', p.message));
  if (p.hint) item.append(make('div', 'hint', 'hint: ' + p.hint));
  if (onPick) {
    item.tabIndex = 0;
    item.classList.add('pickable');
    item.append(make('div', 'show', 'show on page ' + p.box.page));
    item.addEventListener('click', () => onPick(true));
    item.addEventListener('mouseenter', () => onPick(false));
    item.addEventListener('focus', () => onPick(false));
    item.addEventListener('keydown', (e) => { if (e.key === 'Enter') onPick(true); });
  }
  return item;
}

function problemList(problems, lang) {
  const list = make('ul', 'problems');
  problems.forEach((p, i) => {
    const pick = p.box && lang ? (scroll) => {
      view.picked = { lang, index: i };
      highlight(lang, p.box, scroll);
    } : null;
    list.append(problemItem(p, pick));
  });
  return list;
}

function showErrors(errors) {
  const box = $('errors');
  box.hidden = errors.length === 0;
  if (!errors.length) {
    box.replaceChildren();
    return;
  }
  const title = make('p', 'title',
    'An input could not be read: the pages below are the last good ones. Fix this and save.');
  const list = make('ul', 'problems');
  for (const p of errors) list.append(problemItem(p));
  box.replaceChildren(title, list);
}

function showCheck(docs) {
  const panel = $('check');
  const parts = [make('h2', null, 'Check')];
  for (const doc of docs) {
    const problems = doc.problems || [];
    const section = make('section', 'check-lang');
    section.dataset.lang = doc.lang;
    const count = problems.filter((p) => p.severity !== 'note').length;
    section.append(make('h3', null, langName(doc.lang) + ' · ' +
      (count ? count + (count === 1 ? ' problem' : ' problems') : 'no problems')));
    if (problems.length) section.append(problemList(problems, doc.lang));
    parts.push(section);
  }
  if (run.problems.length) {
    const section = make('section', 'check-lang');
    section.append(make('h3', null, 'All documents'));
    section.append(problemList(run.problems, null));
    parts.push(section);
  }
  panel.replaceChildren(...parts);
}

// ---- pages ----------------------------------------------------------------------

function highlight(lang, box, scroll) {
  document.querySelectorAll('.highlight').forEach((h) => h.remove());
  const page = document.querySelector(
    `.doc[data-lang="${CSS.escape(lang)}"] .page[data-page="${box.page}"]`);
  if (!page) return;
  const w = Number(page.dataset.width), h = Number(page.dataset.height);
  const mark = make('div', 'highlight');
  mark.style.left = (box.x / w * 100) + '%';
  mark.style.top = (box.y / h * 100) + '%';
  mark.style.width = (box.w / w * 100) + '%';
  mark.style.height = (box.h / h * 100) + '%';
  page.append(mark);
  if (scroll) mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

// One page: its picture, and its texts laid over it where they are drawn,
// so that they can be selected, found and read out.
function pageView(doc, page, number) {
  const el = make('div', 'page');
  el.dataset.page = String(number);
  el.dataset.width = String(page.width);
  el.dataset.height = String(page.height);
  el.style.aspectRatio = page.width + ' / ' + page.height;
  const img = new Image();
  img.alt = 'Page ' + number + ' (' + langName(doc.lang) + ')';
  img.src = '/png?' + query(doc.lang, { dpr: view.dpr, page: number, v: doc.version });
  const texts = make('div', 'texts');
  for (const [x, y, w, h, size, text] of page.texts) {
    const span = make('span', null, text);
    span.style.left = (x / page.width * 100) + '%';
    span.style.top = (y / page.height * 100) + '%';
    span.style.width = (w / page.width * 100) + '%';
    span.style.fontSize = (size / page.width * 100) + 'cqw';
    texts.append(span);
  }
  el.append(img, texts);
  return { el, ready: img.decode().catch(() => undefined) };
}

function docView(doc) {
  const column = make('section', 'doc');
  column.dataset.lang = doc.lang;
  column.dataset.status = doc.status;
  // As wide as the pages at 96 dpi, at most.
  if (doc.pages.length) column.style.maxWidth = (doc.pages[0].width * 96 / 72) + 'px';
  const head = make('div', 'doc-head');
  head.append(make('h2', null, langName(doc.lang)));
  const count = make('span', 'pages-count', doc.pages.length === 1 ? '1 page' :
    doc.pages.length + ' pages');
  const download = make('button', 'download', 'Download PDF');
  download.type = 'button';
  download.addEventListener('click', () => downloadPDF(doc.lang, download));
  head.append(count, download);
  column.append(head);
  if (doc.status === 'failed') {
    const failed = make('div', 'doc-errors');
    failed.setAttribute('role', 'alert');
    failed.append(make('p', 'title', doc.pages.length
      ? 'This document could not be laid out: its last good pages are shown.'
      : 'This document could not be laid out.'));
    const list = make('ul', 'problems');
    for (const p of doc.problems.filter((p) => p.severity === 'error')) list.append(problemItem(p));
    failed.append(list);
    column.append(failed);
  }
  const ready = [];
  doc.pages.forEach((page, i) => {
    const shown = pageView(doc, page, i + 1);
    column.append(shown.el);
    ready.push(shown.ready);
  });
  return { el: column, ready: Promise.all(ready) };
}

async function downloadPDF(lang, button) {
  button.disabled = true;
  button.textContent = 'Making the PDF…';
  try {
    const response = await fetch('/pdf?' + query(lang), { cache: 'no-store' });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      showErrors(body.problems && body.problems.length ? body.problems
        : [{ severity: 'error', message: body.error || 'the PDF could not be made' }]);
      return;
    }
    const disposition = response.headers.get('Content-Disposition') || '';
    const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || 'factsheet.pdf';
    const url = URL.createObjectURL(await response.blob());
    const link = make('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } finally {
    button.disabled = false;
    button.textContent = 'Download PDF';
  }
}

// ---- one refresh at a time ----------------------------------------------------

let refreshing = null;
let again = false;

async function refresh() {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      await show();
    } while (again);
  })();
  try {
    await refreshing;
  } finally {
    refreshing = null;
  }
}

async function show() {
  const state = await getJSON('/api/state');
  if (!state.ok) return;
  run = state.body.run;
  const tags = run.langs.map((l) => l.tag);
  if (!view.langs || !view.langs.length || !view.langs.every((t) => tags.includes(t))) {
    view.langs = tags;
  }
  if (run.each) {
    const keys = run.keys || [];
    if (view.key === null || !keys.includes(view.key)) view.key = keys.length ? keys[0] : null;
  } else {
    view.key = null;
  }
  writeAddress();
  showControls();
  showErrors(run.errors);
  if (run.each && view.key === null) {
    $('docs').replaceChildren(make('p', 'empty', 'No document: the data has no ' + run.each + '.'));
    $('check').replaceChildren();
    document.body.dataset.renders = String(state.body.renders);
    return;
  }
  const answers = await Promise.all(view.langs.map((lang) =>
    getJSON('/api/doc?' + query(lang, { dpr: view.dpr }))));
  const docs = answers.filter((a) => a.ok).map((a) => a.body);
  const views = docs.map(docView);
  // The new pages replace the old ones once their pictures are decoded,
  // so a render never flashes an empty page.
  await Promise.all(views.map((v) => v.ready));
  const container = $('docs');
  container.style.setProperty('--columns', String(Math.max(1, views.length)));
  container.replaceChildren(...views.map((v) => v.el));
  showCheck(docs);
  if (view.picked) {
    const doc = docs.find((d) => d.lang === view.picked.lang);
    const p = doc && doc.problems[view.picked.index];
    if (p && p.box) highlight(doc.lang, p.box, false);
  }
  const renders = Math.min(...docs.map((d) => d.renders), state.body.renders);
  shownRenders = Math.max(shownRenders, renders);
  document.body.dataset.renders = String(shownRenders);
  document.body.dataset.key = view.key === null ? '' : view.key;
  document.body.dataset.langs = view.langs.join(',');
}

// ---- live -----------------------------------------------------------------------

function listen() {
  const events = new EventSource('/events');
  const live = $('live');
  events.addEventListener('open', () => {
    live.dataset.state = 'live';
    $('live-text').textContent = 'live · render ' + shownRenders;
  });
  events.addEventListener('render', async (event) => {
    const renders = Number(event.data);
    if (renders !== shownRenders || !run) await refresh();
    live.dataset.state = 'live';
    $('live-text').textContent = 'live · render ' + shownRenders;
  });
  events.addEventListener('error', () => {
    live.dataset.state = 'lost';
    $('live-text').textContent = 'not connected: is factsheet serve running?';
  });
}

readAddress();
listen();
