// Instance Atlas, before the first paint (a classic script, so it runs where module
// scripts are refused): marks embed mode on <html>, so the stylesheet hides the page
// frame's header and tabs in an <iframe>; starts the app's code once the frame has been
// painted; shows the panic panel when the app's code stops on a panic; and, where the
// app's code cannot load (a frame sandboxed without allow-same-origin on a host that does
// not allow cross-origin requests), puts a message in the page instead of leaving it blank.
(function () {
  var root = document.documentElement;
  var query = location.search.slice(1).split('&').filter(Boolean);
  var embed = query.indexOf('embed=1') >= 0;
  if (embed) root.classList.add('embed-mode');
  // The frame's chart was drawn at build time for the default address; an address that
  // asks for anything else (another view, a filter, a zoom) shows the plain box until the
  // app draws what it asks for.
  if (query.some(function (pair) { return pair !== 'embed=1'; })) root.classList.add('custom-address');

  // One wait for the first paint, for every way the page starts its code: a page that is not
  // shown paints nothing and goes on at once, one whose paint never comes (a frame the browser
  // does not render) after a second, and in a browser that reports no paints once the frame
  // after the first has begun. The offline file's boot waits on it too (atlasFirstPaint).
  var painted = new Promise(function (done) {
    var reportsPaint = self.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).indexOf('paint') >= 0;
    if (document.visibilityState === 'hidden') {
      done();
    } else if (reportsPaint) {
      var observer = new PerformanceObserver(function () { observer.disconnect(); done(); });
      observer.observe({ type: 'paint', buffered: true });
      setTimeout(done, 1000);
    } else {
      requestAnimationFrame(function () {
        requestAnimationFrame(function () { setTimeout(done, 0); });
      });
    }
  });
  self.atlasFirstPaint = painted;

  // The tags that start the app's code (its loader, the preloads of its glue and
  // WebAssembly) wait inert in <template data-atlas-start> (scripts/postbuild.mjs) until the
  // frame, with its first chart, has been painted: downloading and compiling the code would
  // hold that paint back.
  function startCode() {
    if (self.performance && performance.mark) performance.mark('atlas:code-requested');
    var held = document.querySelectorAll('template[data-atlas-start]');
    var tags = [];
    for (var i = 0; i < held.length; i++) tags.push(held[i].content.firstElementChild);
    // The preloads first, so the glue and the WebAssembly are on their way with the loader.
    tags.sort(function (a, b) { return (a.tagName === 'SCRIPT') - (b.tagName === 'SCRIPT'); });
    tags.forEach(function (tag) {
      if (!tag) return;
      var live = document.createElement(tag.tagName.toLowerCase());
      for (var j = 0; j < tag.attributes.length; j++) live.setAttribute(tag.attributes[j].name, tag.attributes[j].value);
      document.head.appendChild(live);
    });
    for (var k = 0; k < held.length; k++) held[k].remove();
  }
  painted.then(function () {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startCode);
    else startCode();
  });

  // A panic: every panic of the app's code ends in a WebAssembly trap (a RuntimeError),
  // thrown to whatever called into it: an event, a timer, a promise, or the start itself.
  // The page is replaced by a panel that says so, with the text for a bug report (the
  // panic's own message where the build's hook left it in atlasPanicText, see
  // src/panic_page.rs; otherwise the trap's stack) and a Reload link to the same address.
  var panicked = false;
  function isTrap(error) {
    return !!error && self.WebAssembly && error instanceof WebAssembly.RuntimeError;
  }
  function element(tag, attributes, text) {
    var made = document.createElement(tag);
    for (var name in attributes) made.setAttribute(name, attributes[name]);
    if (text) made.textContent = text;
    return made;
  }
  function showPanic(error) {
    if (panicked || !document.body) return;
    panicked = true;
    var address = location.href.split('#')[0];
    var report = [self.atlasPanicText, error.stack || String(error)].filter(Boolean).join('\n\n');
    var panel = element('section', { class: 'panic-panel', role: 'alert', 'data-testid': 'panic' });
    var reload = element('a', { class: 'panic-reload', href: address, role: 'button', 'data-testid': 'panic-reload' }, 'Reload');
    panel.append(
      element('h1', {}, 'Something went wrong: reload'),
      element('p', {}, 'Instance Atlas stopped because of a bug. Reloading returns to the same address ' +
        'and view. If it happens again, please report it with the text below.'),
      reload,
      element('pre', { 'data-testid': 'panic-text' }, report + '\n\naddress: ' + address),
    );
    document.body.replaceChildren(panel);
    document.body.classList.add('panicked');
    // Keyboard and screen reader users land on the way out.
    reload.focus();
  }
  addEventListener('error', function (event) {
    if (isTrap(event.error)) showPanic(event.error);
  });

  var shown = false;
  function explain() {
    var atlas = document.getElementById('atlas');
    // The app has mounted (its frame is gone), or stopped on a panic: this is not a
    // start-up failure.
    if (shown || panicked || !atlas || !atlas.querySelector('[data-testid=skeleton]')) return;
    shown = true;
    var sandboxed = self.origin === 'null' && location.protocol !== 'file:';
    var why = sandboxed
      ? 'This frame is sandboxed without allow-same-origin, so its scripts load as cross-origin ' +
        'requests, which this host does not allow. Add allow-same-origin to the frame\u2019s sandbox ' +
        'attribute (the Embed snippet has it), or serve the atlas with Access-Control-Allow-Origin: *.'
      : 'A network problem or a content blocker may have stopped it. Reload the page to try again.';
    // The full atlas: this page without embed=1, or the folder of embed.html (the Families embed).
    var atlasAddress = location.href
      .replace(/([?&])embed=1(&|$)/, '$1')
      .replace(/[?&]$/, '')
      .replace(/\/embed\.html(?=[?#]|$)/, '/');
    var box = element('div', { class: 'boot-failed', role: 'alert', 'data-testid': 'boot-failed' });
    box.append(
      element('p', {}, 'Instance Atlas could not start here: the browser refused to load its code.'),
      element('p', {}, why),
      element('a', { href: atlasAddress, target: '_blank', rel: 'noopener' }, 'Open Instance Atlas \u2197'),
    );
    atlas.replaceChildren(box);
  }
  // A script or stylesheet that failed to load (error events do not bubble: capture them).
  addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (target && target.tagName === 'SCRIPT') explain();
    },
    true,
  );
  // The loader's promise rejects when the WebAssembly cannot be fetched or compiled, or when
  // the app panics while it starts.
  addEventListener('unhandledrejection', function (event) {
    if (isTrap(event.reason)) showPanic(event.reason);
    else explain();
  });
})();
