// Live progress of a running run: polls the run's progress.json and updates the page; reloads it
// when the run stops running. Without JavaScript the page shows the progress as of its loading.
(function () {
  var main = document.querySelector('main[data-progress]');
  if (!main) { return; }
  var url = main.getAttribute('data-progress');
  function text(id, value) { var e = document.getElementById(id); if (e) { e.textContent = value; } }
  function n(x) { return Number(x).toLocaleString('en-US'); }
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) { return; }
        text('partitions', p.partitions_done + ' of ' + p.partitions + ' partitions done');
        text('trials', n(p.trials_done) + ' of ' + n(p.trials_planned) + ' trials');
        text('rate', (p.trials_per_second > 0 ? n(p.trials_per_second) : '-') + ' trials/s');
        text('eta', p.eta);
        text('step', p.step);
        text('status', p.status_words);
        var bar = document.getElementById('bar');
        if (bar && p.trials_planned > 0) {
          bar.value = Math.min(1000, Math.round(1000 * p.trials_done / p.trials_planned));
        }
        if (!p.running && !p.pending_action) { window.location.reload(); return; }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
