// The paged preview's page script: shows the pages the extension sends (replacing only those that
// changed), zooms (fit width / 100%), and keeps scrolling in step with the editor.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is given by the webview
  const vscode = acquireVsCodeApi();
  const pagesEl = /** @type {HTMLElement} */ (document.getElementById('pages'));
  const zoomEl = /** @type {HTMLElement} */ (document.getElementById('zoom'));
  const message = /** @type {HTMLElement} */ (document.getElementById('message'));
  const count = /** @type {HTMLElement} */ (document.getElementById('count'));
  const fit = /** @type {HTMLButtonElement} */ (document.getElementById('fit'));
  const actual = /** @type {HTMLButtonElement} */ (document.getElementById('actual'));
  const print = /** @type {HTMLButtonElement} */ (document.getElementById('print'));
  const state = vscode.getState() || { zoom: 'fit' };
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [sheet];
  /** @type {string[]} */
  let shown = [];
  let current = { uri: '', version: -1 };
  /** Until then, scroll events are our own (following the editor). */
  let scrolledByUs = 0;
  let labels = { pages: '{0}' };

  function applyZoom() {
    const page = pagesEl.querySelector('.page');
    let z = 1;
    if (state.zoom === 'fit' && page) {
      const width = /** @type {HTMLElement} */ (page).offsetWidth;
      z = Math.max(0.2, Math.min(3, (document.documentElement.clientWidth - 32) / width));
    }
    // @ts-ignore zoom is Chromium's
    zoomEl.style.zoom = String(z);
    fit.setAttribute('aria-pressed', String(state.zoom === 'fit'));
    actual.setAttribute('aria-pressed', String(state.zoom !== 'fit'));
  }

  /** The line elements in document order, with their source lines. */
  function lines() {
    return /** @type {HTMLElement[]} */ ([...pagesEl.querySelectorAll('[data-line]')]);
  }

  /** Scrolls so that the first printed line of source line `line` (or the next one printed) is at the top. */
  function scrollToLine(line) {
    const all = lines();
    if (!all.length) return;
    scrolledByUs = Date.now() + 250;
    // the report's start: the whole first page, its top margin too
    if (line <= Number(all[0].dataset.line)) {
      window.scrollTo({ top: 0, behavior: 'instant' });
      return;
    }
    let target = all[all.length - 1];
    for (const el of all) {
      if (Number(el.dataset.line) >= line) { target = el; break; }
    }
    scrolledByUs = Date.now() + 250;
    const bar = /** @type {HTMLElement} */ (document.querySelector('.bar')).offsetHeight;
    const top = target.getBoundingClientRect().top + window.scrollY - bar;
    window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
  }

  /** The source line of the first line element at the top of the view. */
  function topLine() {
    const bar = /** @type {HTMLElement} */ (document.querySelector('.bar')).offsetHeight;
    for (const el of lines()) {
      const r = el.getBoundingClientRect();
      if (r.top + r.height / 2 > bar) return Number(el.dataset.line);
    }
    return 0;
  }

  function render(m) {
    const started = performance.now();
    message.hidden = true;
    sheet.replaceSync(m.css);
    labels = m.labels || labels;
    fit.textContent = m.labels.fit;
    actual.textContent = m.labels.actual;
    print.textContent = m.labels.print;
    const fresh = m.uri !== current.uri;
    const keep = fresh ? undefined : topLine();
    const pages = pagesEl.children;
    for (let k = 0; k < m.pages.length; k++) {
      if (shown[k] === m.pages[k] && !fresh) continue;
      const holder = document.createElement('div');
      holder.innerHTML = m.pages[k];
      const page = /** @type {HTMLElement} */ (holder.firstElementChild);
      if (k < pages.length) pagesEl.replaceChild(page, pages[k]);
      else pagesEl.appendChild(page);
    }
    while (pagesEl.children.length > m.pages.length) pagesEl.removeChild(/** @type {Element} */ (pagesEl.lastElementChild));
    shown = m.pages.slice();
    current = { uri: m.uri, version: m.version };
    count.textContent = labels.pages.replace('{0}', String(m.pages.length));
    applyZoom();
    if (fresh && typeof m.line === 'number') scrollToLine(m.line);
    else if (keep !== undefined && typeof m.line === 'number') scrollToLine(m.line);
    vscode.setState(state);
    // the time to put the pages in place, and to lay them out (for the extension-host test's figures)
    const top = topLine();
    vscode.postMessage({ type: 'rendered', uri: m.uri, version: m.version, pages: m.pages.length, top, ms: performance.now() - started });
  }

  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update') render(m);
    else if (m.type === 'scroll' && typeof m.line === 'number') {
      scrollToLine(m.line);
      vscode.postMessage({ type: 'rendered', uri: current.uri, version: current.version, pages: shown.length, top: topLine() });
    } else if (m.type === 'reset') {
      shown = [];
      current = { uri: '', version: -1 };
      pagesEl.textContent = '';
    } else if (m.type === 'error') {
      message.textContent = String(m.message);
      message.hidden = false;
    }
  });

  let pending = 0;
  window.addEventListener('scroll', () => {
    if (Date.now() < scrolledByUs) return;
    if (pending) return;
    pending = window.setTimeout(() => {
      pending = 0;
      vscode.postMessage({ type: 'scrolled', line: topLine() });
    }, 50);
  }, { passive: true });

  pagesEl.addEventListener('dblclick', (e) => {
    const el = /** @type {HTMLElement | null} */ (e.target instanceof Element ? e.target.closest('[data-line]') : null);
    if (!el) return;
    // the character clicked, where the line keeps its place in the source
    let src;
    // @ts-ignore caretRangeFromPoint is Chromium's
    const range = document.caretRangeFromPoint ? document.caretRangeFromPoint(e.clientX, e.clientY) : null;
    const span = range && range.startContainer.parentElement && range.startContainer.parentElement.closest('[data-src]');
    if (span && el.contains(span)) src = Number(/** @type {HTMLElement} */ (span).dataset.src) + range.startOffset;
    vscode.postMessage({ type: 'open', line: Number(el.dataset.line), src });
  });

  fit.addEventListener('click', () => { state.zoom = 'fit'; vscode.setState(state); applyZoom(); });
  actual.addEventListener('click', () => { state.zoom = '100'; vscode.setState(state); applyZoom(); });
  print.addEventListener('click', () => vscode.postMessage({ type: 'print' }));
  window.addEventListener('resize', () => { if (state.zoom === 'fit') applyZoom(); });
  vscode.postMessage({ type: 'ready' });
})();
