/**
 * The desk's own stylesheet and script, served from /static/ (the Content-Security-Policy allows
 * scripts and styles from the desk only). The pages work without the script: it only saves a
 * reload after a decision, submits the filters on change and remembers the editor's name.
 */

export const DESK_CSS = `
:root { --ink: #1d2330; --muted: #5d6778; --line: #d9dde5; --bg: #f6f7f9; --card: #fff;
  --error: #b42318; --warning: #b54708; --info: #2e5aac; --ok: #067647; --mark: #ffe58a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header.top { background: var(--ink); color: #fff; padding: .6rem 1.5rem; display: flex; gap: 1.5rem; align-items: baseline; }
header.top a { color: #fff; text-decoration: none; }
header.top .brand { font-weight: 700; letter-spacing: .02em; }
main { max-width: 1180px; margin: 0 auto; padding: 1.2rem 1.5rem 3rem; }
h1 { font-size: 1.35rem; line-height: 1.35; margin: .4rem 0 .6rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
h3 { font-size: 1rem; margin: 0 0 .4rem; }
a { color: #1f4fb3; }
.muted { color: var(--muted); }
.small { font-size: .85rem; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1rem; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .78rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.st-open { color: var(--muted); } .st-confirmed { color: var(--error); background: #fef3f2; }
.st-dismissed { color: var(--ok); background: #ecfdf3; } .st-noted { color: var(--info); background: #eff4ff; } .st-resolved { color: var(--muted); }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; margin: .4rem 0 1rem; }
.counts a, .counts span { text-decoration: none; }
.count { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .35rem .7rem; }
.count.active { border-color: var(--ink); box-shadow: inset 0 -3px 0 var(--ink); }
.count b { font-size: 1.1rem; margin-right: .3rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .6rem; align-items: end; margin-bottom: 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
select, input[type=text], textarea { font: inherit; padding: .3rem .45rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid var(--line); background: #fff; cursor: pointer; }
button.confirm { border-color: var(--error); color: var(--error); }
button.dismiss { border-color: var(--ok); color: var(--ok); }
button.note { border-color: var(--info); color: var(--info); }
table.findings { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); }
table.findings th, table.findings td { text-align: left; padding: .5rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
table.findings th { font-size: .8rem; color: var(--muted); font-weight: 600; background: #fafbfc; }
.meta-line { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; color: var(--muted); font-size: .9rem; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
.side h3 { display: flex; justify-content: space-between; align-items: flex-start; gap: .5rem; }
.side h3 > :last-child { flex-shrink: 0; }
.nowrap { white-space: nowrap; }
table.findings td.mono { white-space: nowrap; }
.chart { text-align: center; }
.apart { border-color: var(--warning); box-shadow: inset 4px 0 0 var(--warning); }
.claim { border-top: 1px solid var(--line); padding-top: .6rem; margin-top: .6rem; }
.claim .small { overflow-wrap: anywhere; }
.claim:first-of-type { border-top: 0; margin-top: 0; padding-top: 0; }
blockquote { margin: .4rem 0; padding: .1rem .8rem; border-left: 3px solid var(--line); font-family: Georgia, serif; font-size: 1.02rem; }
mark { background: var(--mark); padding: 0 .1em; border-radius: 2px; }
.sources { margin: .3rem 0 0; padding-left: 1.2rem; font-size: .9rem; }
.decide { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.decide label { display: flex; flex-direction: column; gap: .2rem; }
.decide textarea, .decide input { width: 100%; }
.buttons { display: flex; gap: .5rem; margin-top: .6rem; }
h2.first { margin-top: 0; }
.form-error, .error-box { color: var(--error); font-weight: 600; }
ol.history { margin: .3rem 0 .8rem; padding-left: 1.2rem; font-size: .9rem; }
.chart img { max-width: 100%; height: auto; background: #fff; }
.article-text p { margin: 0 0 .8rem; }
.article-text .b-title { font-size: 1.2rem; font-weight: 700; }
.article-text .b-meta, .article-text .b-boilerplate { color: var(--muted); font-size: .9rem; }
.article-text a.claim-mark { color: inherit; text-decoration: none; }
.article-text mark.has-finding { background: #ffd2a8; }
.article-text mark.multi { outline: 1px dashed var(--warning); }
table.claims { width: 100%; border-collapse: collapse; font-size: .9rem; }
table.claims td, table.claims th { padding: .35rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
:target { scroll-margin-top: 1rem; outline: 2px solid #f5b700; }
@media (max-width: 760px) { .decide { grid-template-columns: 1fr; } }
`;

export const DESK_JS = `
(() => {
  const NAME = 'claimtrace.editor';
  document.querySelectorAll('input[name=by]').forEach((input) => {
    const saved = localStorage.getItem(NAME);
    if (saved && !input.value) input.value = saved;
    input.addEventListener('change', () => localStorage.setItem(NAME, input.value));
  });
  document.querySelectorAll('form.filters select').forEach((s) => s.addEventListener('change', () => s.form.submit()));
  const form = document.querySelector('form[data-review]');
  if (form) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const error = form.querySelector('.form-error');
      const body = new URLSearchParams(new FormData(form));
      if (event.submitter && event.submitter.name) body.set(event.submitter.name, event.submitter.value);
      error.textContent = '';
      let answer;
      try {
        const response = await fetch(form.action, { method: 'POST', body, headers: { accept: 'application/json' } });
        answer = await response.json();
      } catch (e) {
        error.textContent = 'Could not reach the desk: ' + e.message;
        return;
      }
      if (answer.error) { error.textContent = answer.error; return; }
      const status = document.querySelector('[data-status]');
      status.textContent = answer.review.status;
      status.className = 'badge st-' + answer.review.status;
      const history = document.querySelector('ol.history');
      const item = document.createElement('li');
      item.textContent = answer.line;
      history.append(item);
      const none = document.querySelector('[data-no-history]');
      if (none) none.remove();
      form.querySelector('textarea[name=reason]').value = '';
    });
  }
})();
`;
