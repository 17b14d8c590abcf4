// The verifier page's behaviour: read the JSON (file, paste, or ?ref= to fetch a published draw), recompute, show.
import { verifyDrawDocument } from '/public/draws/draw-verifier.js';

const output = document.getElementById('verify-output');
const textarea = document.getElementById('draw-json');
const isEnglish = document.documentElement.lang === 'en';

function show(verdict) {
  output.replaceChildren();
  const heading = document.createElement('p');
  heading.className = verdict.ok ? '' : 'error';
  heading.textContent = verdict.ok
    ? isEnglish
      ? '✔ The draw is reproduced exactly.'
      : '✔ 复算结果与公布结果完全一致。'
    : isEnglish
      ? '✘ The draw does NOT match its published data.'
      : '✘ 复算结果与公布数据不一致！';
  output.append(heading);
  const table = document.createElement('table');
  for (const check of verdict.checks) {
    const row = table.insertRow();
    row.insertCell().textContent = `${check.ok ? '✔' : '✘'} ${check.name}`;
    row.insertCell().textContent = `${isEnglish ? 'published' : '公布'}: ${check.published}`;
    row.insertCell().textContent = `${isEnglish ? 'recomputed' : '复算'}: ${check.recomputed}`;
  }
  output.append(table);
}

function run(text) {
  try {
    show(verifyDrawDocument(JSON.parse(text)));
  } catch (error) {
    output.textContent = `${isEnglish ? 'Cannot verify' : '无法验证'}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

document.getElementById('verify-button').addEventListener('click', () => run(textarea.value));
document.getElementById('draw-file').addEventListener('change', async (event) => {
  const file = event.target.files?.[0];
  if (file) run(await file.text());
});
const ref = new URLSearchParams(window.location.search).get('ref');
if (ref && /^\d{6}-\d+$/.test(ref)) {
  fetch(`/public/draws/${ref}/verification.json`)
    .then((response) => response.text())
    .then((text) => {
      textarea.value = text.length > 200_000 ? '' : text;
      run(text);
    });
}
