// The preview's only script (the page's CSP allows nothing else): scroll sync and quiz self-check.
(function () {
  const vscode = acquireVsCodeApi();
  const lines = () => Array.from(document.querySelectorAll('[data-line]'));
  let quietUntil = 0;

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type !== 'scroll') return;
    let target;
    for (const el of lines()) {
      if (Number(el.dataset.line) <= m.line) target = el;
      else break;
    }
    quietUntil = Date.now() + 300;
    if (target) target.scrollIntoView({ block: 'start' });
    else window.scrollTo(0, 0);
  });

  let pending;
  window.addEventListener('scroll', () => {
    if (Date.now() < quietUntil) return;
    clearTimeout(pending);
    pending = setTimeout(() => {
      const top = lines().find((el) => el.getBoundingClientRect().bottom > 0);
      if (top) vscode.postMessage({ type: 'reveal', line: Number(top.dataset.line) });
    }, 50);
  });

  const check = document.querySelector('.ek-check');
  if (!check) return;
  check.addEventListener('click', () => {
    for (const q of document.querySelectorAll('.ek-question')) {
      const result = q.querySelector('.ek-result');
      const type = q.dataset.type;
      let right;
      const notes = [];
      if (type === 'single' || type === 'multiple') {
        const inputs = Array.from(q.querySelectorAll('input'));
        right = inputs.every((i) => i.checked === (i.dataset.correct === 'true'));
        for (const i of inputs) if (i.checked && i.dataset.feedback) notes.push(i.dataset.feedback);
      } else if (type === 'numeric') {
        const i = q.querySelector('input');
        right =
          i.dataset.value !== undefined &&
          Math.abs(Number(i.value) - Number(i.dataset.value)) <= Number(i.dataset.tolerance || 0);
      } else if (type === 'text') {
        const i = q.querySelector('input');
        const accepted = i.dataset.accepted ? JSON.parse(i.dataset.accepted) : [];
        right = accepted.some((a) => a.trim().toLowerCase() === i.value.trim().toLowerCase());
      } else {
        result.textContent = 'Ordering is checked by the grader.';
        continue;
      }
      result.textContent = (right ? 'Right. ' : 'Not yet. ') + notes.join(' ');
      result.className = 'ek-result ' + (right ? 'ek-right' : 'ek-wrong');
    }
  });
})();
