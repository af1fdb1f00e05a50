/**
 * The script inside a questionnaire form. The form is one standalone HTML file the customer opens
 * from an email or a USB stick, with no network and none of our modules, so its script is plain
 * JavaScript kept here as text and pinned by a CSP hash. It only decides what the customer sees
 * (conditional questions), keeps their work (save and resume) and signs what they finish; the import
 * checks everything again with the shared engine. `conditionEvaluatorSource` mirrors
 * shared/interview/effective-answers.ts `evaluateCondition` (minus metrics, which a customer's
 * browser cannot know: a metric condition shows the question), and a property test holds the two
 * to the same answers.
 */

export const conditionEvaluatorSource = String.raw`
function gwEvaluate(condition, answerOf) {
  if (condition.all) return condition.all.every(function (c) { return gwEvaluate(c, answerOf); });
  if (condition.any) return condition.any.some(function (c) { return gwEvaluate(c, answerOf); });
  if (condition.not) return !gwEvaluate(condition.not, answerOf);
  if (condition.metric !== undefined) return true;
  var v = answerOf(condition.question);
  var e = condition.value;
  var list = Array.isArray(e) ? e : [e];
  var known = v !== undefined && v !== null;
  switch (condition.op) {
    case 'answered': return known;
    case 'unknown': return v === null;
    case 'unanswered': return v === undefined;
    case 'eq': return known && JSON.stringify(v) === JSON.stringify(e);
    case 'neq': return known && JSON.stringify(v) !== JSON.stringify(e);
    case 'in': return known && list.some(function (x) { return x === v; });
    case 'includes': return Array.isArray(v) && list.some(function (x) { return v.indexOf(String(x)) >= 0; });
    case 'gt': return typeof v === 'number' && v > Number(e);
    case 'gte': return typeof v === 'number' && v >= Number(e);
    case 'lt': return typeof v === 'number' && v < Number(e);
    case 'lte': return typeof v === 'number' && v <= Number(e);
  }
  return false;
}
`;

export const formRuntimeSource = String.raw`
(function () {
  'use strict';
  ${conditionEvaluatorSource}
  var data = JSON.parse(document.getElementById('gw-questionnaire').textContent);
  var form = document.getElementById('gw-form');
  var status = document.getElementById('gw-status');
  var blocks = Array.prototype.slice.call(document.querySelectorAll('[data-question-id]'));
  var conditions = {};
  data.questions.forEach(function (q) { conditions[q.id] = q.showIf; });

  function inputsOf(name) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name === name; });
  }
  function valueOf(block) {
    var id = block.getAttribute('data-question-id');
    var type = block.getAttribute('data-type');
    var unknown = document.getElementById('unknown-' + id);
    if (unknown && unknown.checked) return null;
    var inputs = inputsOf('q:' + id);
    if (type === 'multi') {
      var picked = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      return picked.length ? picked : undefined;
    }
    if (type === 'number') {
      var text = inputs[0] ? inputs[0].value.trim() : '';
      var n = Number(text);
      return text === '' || !isFinite(n) ? undefined : n;
    }
    if (type === 'text') {
      var t = inputs[0] ? inputs[0].value : '';
      return t.trim() === '' ? undefined : t;
    }
    var chosen = inputs.filter(function (i) { return i.checked; })[0];
    if (!chosen) return undefined;
    return type === 'scale' ? Number(chosen.value) : chosen.value;
  }
  /** Walks the questions in bank order, as the app does: hidden questions read as unanswered. */
  function refresh() {
    var seen = {};
    blocks.forEach(function (block) {
      var id = block.getAttribute('data-question-id');
      var answerOf = function (other) {
        if (Object.prototype.hasOwnProperty.call(seen, other)) return seen[other];
        return Object.prototype.hasOwnProperty.call(data.known, other) ? data.known[other] : undefined;
      };
      var condition = conditions[id];
      var shown = !condition || gwEvaluate(condition, answerOf);
      block.hidden = !shown;
      seen[id] = shown ? valueOf(block) : undefined;
    });
    return seen;
  }

  function saveProgress() {
    var state = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.id) return;
      state[el.id] = el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value;
    });
    try {
      window.localStorage.setItem(data.storageKey, JSON.stringify(state));
      status.textContent = 'Your answers are kept in this browser. You can close the page and come back.';
    } catch (error) {
      status.textContent = 'This browser does not keep answers between visits (' + error.message + '): finish in one go.';
    }
  }
  function restoreProgress() {
    var text = null;
    try { text = window.localStorage.getItem(data.storageKey); } catch (error) { text = null; }
    if (!text) return;
    var state = JSON.parse(text);
    Object.keys(state).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el) return;
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = state[id] === true;
      else el.value = String(state[id]);
    });
    status.textContent = 'Welcome back: your earlier answers are filled in.';
  }

  function hex(bytes) {
    return Array.prototype.map.call(new Uint8Array(bytes), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function fromHex(text) {
    var out = new Uint8Array(text.length / 2);
    for (var i = 0; i < out.length; i += 1) out[i] = parseInt(text.substr(i * 2, 2), 16);
    return out;
  }
  function finish(event) {
    event.preventDefault();
    var name = document.getElementById('respondent-name');
    if (name.value.trim() === '') {
      status.textContent = 'Please write your name first, so your answers can be traced to you.';
      name.focus();
      return;
    }
    var values = refresh();
    var answers = [];
    blocks.forEach(function (block) {
      var id = block.getAttribute('data-question-id');
      if (block.hidden) return;
      var note = document.getElementById('note-' + id);
      var noteText = note ? note.value : '';
      if (values[id] === undefined && noteText.trim() === '') return;
      if (values[id] === undefined) return;
      answers.push({ questionId: id, value: values[id], note: noteText });
    });
    var payload = JSON.stringify({
      questionnaireId: data.questionnaireId,
      caseId: data.caseId,
      bank: data.bank,
      stakeholder: data.stakeholder,
      respondent: { name: name.value.trim(), role: document.getElementById('respondent-role').value.trim() },
      submittedAt: new Date().toISOString(),
      answers: answers
    });
    if (data.submitPath) return sendToHub(payload, answers.length);
    window.crypto.subtle
      .importKey('raw', fromHex(data.key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      .then(function (key) { return window.crypto.subtle.sign('HMAC', key, new TextEncoder().encode(payload)); })
      .then(function (signature) {
        var file = JSON.stringify({ format: data.format, formatVersion: 1, payload: payload, signature: hex(signature) }, null, 1);
        var link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([file], { type: 'application/json' }));
        link.download = data.fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        status.textContent = 'Done: ' + answers.length + ' answers saved as ' + data.fileName + '. Please send that file back to ' + data.returnTo + '.';
      })
      .catch(function (error) {
        status.textContent = 'The answers file could not be made in this browser (' + error.message + '). Please try another browser.';
      });
  }

  /** The hub link: the answers go to the page's own address; the one-time token is in it. */
  function sendToHub(payload, count) {
    var button = document.getElementById('gw-finish');
    button.disabled = true;
    status.textContent = 'Sending your answers…';
    window
      .fetch(data.submitPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: payload }), credentials: 'omit', cache: 'no-store' })
      .then(function (response) {
        return response.text().then(function (text) {
          var answer = null;
          try { answer = JSON.parse(text); } catch (error) { answer = null; }
          if (response.ok) {
            try { window.localStorage.removeItem(data.storageKey); } catch (error) { /* nothing kept to remove */ }
            status.textContent = 'Thank you: ' + count + ' answers sent to ' + data.returnTo + '. You can close this page.';
            return;
          }
          button.disabled = response.status === 410;
          var said = answer && answer.error && typeof answer.error.message === 'string' ? answer.error.message : null;
          status.textContent = said ? said : 'The answers could not be sent (HTTP ' + response.status + '). Your answers are kept in this browser: try again later.';
        });
      })
      .catch(function (error) {
        button.disabled = false;
        status.textContent = 'The answers could not be sent (' + error.message + '). Your answers are kept in this browser: try again.';
      });
  }

  restoreProgress();
  refresh();
  form.addEventListener('change', function () { refresh(); saveProgress(); });
  form.addEventListener('input', saveProgress);
  document.getElementById('gw-finish').addEventListener('click', finish);
})();
`;
