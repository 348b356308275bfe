// The preview's only script (the page's CSP allows nothing else): scroll sync, the quiz form
// (reordering, self-check) and keeping what the learner entered while the source is edited.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('ek-root');
  const lines = () => Array.from(root.querySelectorAll('[data-line]'));
  let doc = document.body.dataset.doc || '';
  let quietUntil = 0;

  // What the learner entered, by document and question id. The extension posts each edit's
  // HTML instead of reloading the page; the state also survives a reload (the panel hidden
  // and shown again), so a reloaded page restores it.
  const saved = () => (vscode.getState() || {}).answers || {};
  const inputs = (q) => Array.from(q.querySelectorAll('input'));
  const items = (q) => Array.from(q.querySelectorAll('.ek-order-item'));
  const blanks = (q) => Array.from(q.querySelectorAll('.ek-blank'));
  const matches = (q) => Array.from(q.querySelectorAll('.ek-match'));
  const fold = (s) => s.trim().replace(/\s+/g, ' ').toLowerCase();

  function answerOf(q) {
    const type = q.dataset.type;
    if (type === 'single' || type === 'multiple')
      return inputs(q)
        .filter((i) => i.checked)
        .map((i) => i.value);
    if (type === 'ordering') return { order: items(q).map((li) => li.dataset.text) };
    if (type === 'cloze')
      return { blanks: Object.fromEntries(blanks(q).map((b) => [b.dataset.blank, b.value])) };
    if (type === 'matching')
      return { pairs: Object.fromEntries(matches(q).map((m) => [m.dataset.prompt, m.value])) };
    const i = q.querySelector('input');
    return i ? i.value : '';
  }

  function collect() {
    const answers = {};
    for (const q of root.querySelectorAll('.ek-question')) answers[q.dataset.id] = answerOf(q);
    return answers;
  }

  function save() {
    const state = vscode.getState() || {};
    const all = { ...(state.answers || {}), [doc]: collect() };
    vscode.setState({ ...state, answers: all });
    vscode.postMessage({ type: 'answers', doc, answers: all[doc] });
  }

  function restore() {
    const answers = saved()[doc] || {};
    for (const q of root.querySelectorAll('.ek-question')) {
      const a = answers[q.dataset.id];
      if (a === undefined) continue;
      const type = q.dataset.type;
      if ((type === 'single' || type === 'multiple') && Array.isArray(a))
        for (const i of inputs(q)) i.checked = a.includes(i.value);
      else if (type === 'ordering' && a && Array.isArray(a.order)) {
        // Items the author has since renamed or added keep their place after the known ones.
        const list = q.querySelector('.ek-ordering');
        const rank = (li) => {
          const n = a.order.indexOf(li.dataset.text);
          return n < 0 ? a.order.length : n;
        };
        for (const li of items(q).sort((x, y) => rank(x) - rank(y))) list.appendChild(li);
      } else if (type === 'cloze' && a && a.blanks) {
        for (const b of blanks(q))
          if (typeof a.blanks[b.dataset.blank] === 'string') b.value = a.blanks[b.dataset.blank];
      } else if (type === 'matching' && a && a.pairs) {
        for (const m of matches(q))
          if (typeof a.pairs[m.dataset.prompt] === 'string') m.value = a.pairs[m.dataset.prompt];
      } else if (typeof a === 'string') {
        const i = q.querySelector('input');
        if (i) i.value = a;
      }
    }
    renumber();
  }

  // Ordering: drag an item, or use its buttons or Alt+↑/↓ on it (the keyboard's way).
  function renumber() {
    for (const list of root.querySelectorAll('.ek-ordering')) {
      const all = Array.from(list.children);
      all.forEach((li, n) => {
        li.setAttribute('aria-label', `${n + 1} of ${all.length}: ${li.dataset.text}`);
        li.querySelector('.ek-up').disabled = n === 0;
        li.querySelector('.ek-down').disabled = n === all.length - 1;
      });
    }
  }

  function enhance() {
    for (const li of root.querySelectorAll('.ek-order-item')) {
      if (li.querySelector('.ek-move')) continue;
      li.draggable = true;
      li.tabIndex = 0;
      const move = document.createElement('span');
      move.className = 'ek-move';
      for (const [cls, label, glyph] of [
        ['ek-up', 'Move up', '↑'],
        ['ek-down', 'Move down', '↓'],
      ]) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = cls;
        b.textContent = glyph;
        b.title = label;
        b.setAttribute('aria-label', `${label}: ${li.dataset.text}`);
        move.appendChild(b);
      }
      li.appendChild(move);
    }
    renumber();
  }

  function moveItem(li, by, focus) {
    const list = li.parentElement;
    const all = Array.from(list.children);
    const to = all.indexOf(li) + by;
    if (to < 0 || to >= all.length) return;
    list.insertBefore(li, by < 0 ? all[to] : all[to].nextSibling);
    renumber();
    save();
    announce(li, `Moved to place ${to + 1} of ${all.length}.`);
    (focus && !focus.disabled ? focus : li).focus();
  }

  function announce(li, text) {
    const result = li.closest('.ek-question').querySelector('.ek-result');
    result.className = 'ek-result';
    result.textContent = text;
  }

  root.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    if (b.classList.contains('ek-up') || b.classList.contains('ek-down')) {
      const li = b.closest('.ek-order-item');
      moveItem(li, b.classList.contains('ek-up') ? -1 : 1, b);
    } else if (b.classList.contains('ek-check')) {
      checked = true;
      check();
    }
  });
  root.addEventListener('keydown', (e) => {
    const li = e.target.closest && e.target.closest('.ek-order-item');
    if (!li || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    moveItem(li, e.key === 'ArrowUp' ? -1 : 1);
  });
  root.addEventListener('input', save);
  root.addEventListener('change', save);

  let dragged;
  root.addEventListener('dragstart', (e) => {
    dragged = e.target.closest && e.target.closest('.ek-order-item');
    if (!dragged) return;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', dragged.dataset.text);
    dragged.classList.add('ek-dragging');
  });
  root.addEventListener('dragover', (e) => {
    const over = e.target.closest && e.target.closest('.ek-order-item');
    if (!dragged || !over || over.parentElement !== dragged.parentElement) return;
    e.preventDefault();
    if (over === dragged) return;
    const box = over.getBoundingClientRect();
    const after = e.clientY > box.top + box.height / 2;
    over.parentElement.insertBefore(dragged, after ? over.nextSibling : over);
  });
  root.addEventListener('drop', (e) => {
    if (dragged) e.preventDefault();
  });
  root.addEventListener('dragend', () => {
    if (!dragged) return;
    dragged.classList.remove('ek-dragging');
    renumber();
    save();
    dragged = undefined;
  });

  // Once the learner has checked, an edit of the source checks the new form again: the
  // results stay on the page, and say what they say of the quiz as it is now.
  let checked = false;

  function check() {
    for (const q of root.querySelectorAll('.ek-question')) {
      const result = q.querySelector('.ek-result');
      const type = q.dataset.type;
      let right;
      const notes = [];
      if (type === 'single' || type === 'multiple') {
        const all = inputs(q);
        right = all.every((i) => i.checked === (i.dataset.correct === 'true'));
        for (const i of all) if (i.checked && i.dataset.feedback) notes.push(i.dataset.feedback);
      } else if (type === 'numeric') {
        const i = q.querySelector('input');
        right =
          i.dataset.value !== undefined &&
          i.value.trim() !== '' &&
          Math.abs(Number(i.value) - Number(i.dataset.value)) <= Number(i.dataset.tolerance || 0);
      } else if (type === 'matching') {
        // Every prompt given its own answer: the option marked right.
        right = matches(q).every(
          (m) => m.selectedOptions[0] && m.selectedOptions[0].dataset.correct === 'true',
        );
      } else if (type === 'cloze') {
        // Every blank right: a chosen option marked right, or a typed answer among the accepted ones.
        right = blanks(q).every((b) => {
          if (b.tagName === 'SELECT')
            return b.selectedOptions[0] && b.selectedOptions[0].dataset.correct === 'true';
          const accepted = b.dataset.accepted ? JSON.parse(b.dataset.accepted) : [];
          return accepted.some((a) => fold(a) === fold(b.value));
        });
      } else if (type === 'text') {
        const i = q.querySelector('input');
        const accepted = i.dataset.accepted ? JSON.parse(i.dataset.accepted) : [];
        right = accepted.some((a) => a.trim().toLowerCase() === i.value.trim().toLowerCase());
      } else {
        const places = items(q).map((li) => li.dataset.place);
        if (places.some((p) => p === undefined)) {
          result.className = 'ek-result';
          result.textContent = 'Ordering is checked by the grader.';
          continue;
        }
        right = places.every((p, n) => Number(p) === n);
      }
      // Said in words and marked, not by colour alone: the text keeps the editor's contrast.
      result.textContent = (right ? '✓ Right. ' : '✗ Not yet. ') + notes.join(' ');
      result.className = 'ek-result ' + (right ? 'ek-right' : 'ek-wrong');
    }
  }

  function shown() {
    enhance();
    restore();
    vscode.postMessage({ type: 'answers', doc, answers: collect() });
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'update') {
      // An edit of the source: the new form, with what the learner entered kept.
      // Results checked on one quiz are not carried to another the preview turns to.
      if (m.doc !== doc) checked = false;
      doc = m.doc;
      // VS Code keeps the theme's classes on the body (vscode-light, …): only ours change.
      for (const c of Array.from(document.body.classList))
        if (c.startsWith('ek-')) document.body.classList.remove(c);
      document.body.classList.add(m.bodyClass);
      root.innerHTML = m.html;
      shown();
      if (checked) check();
      return;
    }
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

  shown();
  vscode.postMessage({ type: 'ready', doc });
})();
