// One operation: its state live from the event stream, its job's executions and steps with their metrics and
// timings, the items that failed with their reasons, its own JSON, and Cancel and Retry for a read-write token.

import { api, CASES, ApiError } from './api.js';
import { h, clear, number, dateTime, duration, isOpen, who } from './format.js';
import { progressCell, workText, pace, statusBadge } from './operations.js';

const METRICS = [
  ['readCount', 'read'],
  ['writeCount', 'written'],
  ['filterCount', 'filtered'],
  ['commitCount', 'commits'],
  ['rollbackCount', 'rollbacks'],
  ['readSkipCount', 'read skips'],
  ['processSkipCount', 'process skips'],
  ['writeSkipCount', 'write skips'],
];

function span(start, end) {
  if (!start) {
    return '';
  }
  return duration((end ? Date.parse(end) : Date.now()) - Date.parse(start));
}

export function detailView(container, ctx, caseId, operationId) {
  const path = `${CASES}/${encodeURIComponent(caseId)}/operations/${encodeURIComponent(operationId)}`;
  let op = null;
  let lastExecutionLoad = 0;
  let executionTimer = null;

  const header = h('div', { class: 'detail-head', id: 'operation-head' });
  const actions = h('div', { class: 'buttons', id: 'operation-buttons' });
  const message = h('p', { class: 'error', role: 'alert', id: 'operation-message' });
  const steps = h('div', { id: 'operation-steps' }, h('p', { class: 'muted' }, 'Loading…'));
  const failures = h('div', { id: 'operation-failures' });
  const json = h('pre', { class: 'json', id: 'operation-json' });

  clear(container).append(
    h('p', {}, h('a', { href: '#/operations' }, '← Operations')),
    header,
    actions,
    message,
    h('h2', {}, 'Steps'),
    steps,
    h('h2', {}, 'Failed items'),
    failures,
    h('h2', {}, 'The operation as the API writes it'),
    json,
  );

  function renderHead() {
    clear(header).append(
      h('h1', {}, `${op.action} `, statusBadge(op)),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Case'),
        h('dd', {}, h('a', { href: '#/cases' }, ctx.caseName(caseId))),
        h('dt', {}, 'Started by'),
        h('dd', {}, who(op.createdBy)),
        h('dt', {}, 'Created'),
        h('dd', {}, dateTime(op.createdDateTime)),
        h('dt', {}, 'Completed'),
        h('dd', {}, dateTime(op.completedDateTime)),
        h('dt', {}, 'Progress'),
        h('dd', {}, progressCell(op), ' ', h('span', { class: 'work' }, workText(op))),
        h('dt', {}, 'Pace'),
        h('dd', { class: 'pace' }, pace(op)),
        h('dt', {}, 'Result'),
        h('dd', { class: 'result', id: 'operation-result' }, op.resultInfo ? op.resultInfo.message || '' : ''),
      ),
    );
    json.textContent = JSON.stringify(op, null, 2);
    renderButtons();
  }

  function renderButtons() {
    clear(actions);
    if (!ctx.me.canWrite) {
      return;
    }
    if (isOpen(op)) {
      actions.append(h('button', { type: 'button', id: 'cancel', class: 'danger', onclick: () => control('cancel') }, 'Cancel'));
    }
    if (op.status === 'failed') {
      actions.append(h('button', { type: 'button', id: 'retry', onclick: () => control('retry') }, 'Retry'));
    }
  }

  async function control(verb) {
    actions.querySelectorAll('button').forEach((b) => {
      b.disabled = true;
    });
    try {
      await api(`${path}/${verb}`, { method: 'POST' });
      message.textContent = '';
      await loadOperation();
    } catch (e) {
      message.textContent = e.message;
      renderButtons();
    }
  }

  function renderExecution(execution) {
    const blocks = [];
    if (!execution.executions.length) {
      blocks.push(h('p', { class: 'muted' }, 'The job has not started.'));
    }
    execution.executions.forEach((run, i) => {
      blocks.push(
        h(
          'h3',
          {},
          `${i === 0 ? 'Start' : `Restart ${i}`}: execution ${run.executionId}, ${run.status}`,
          run.exitStatus && run.exitStatus !== run.status ? ` (${run.exitStatus})` : '',
          h('span', { class: 'muted' }, ` ${dateTime(run.startDateTime)} · ${span(run.startDateTime, run.endDateTime)}`),
        ),
        h(
          'table',
          { class: 'steps' },
          h(
            'thead',
            {},
            h('tr', {}, h('th', {}, 'Step'), h('th', {}, 'Status'), h('th', {}, 'Took'), METRICS.map(([, t]) => h('th', { class: 'num' }, t))),
          ),
          h(
            'tbody',
            {},
            run.steps.map((s) =>
              h(
                'tr',
                { dataset: { step: s.name } },
                h('td', {}, s.name),
                h('td', {}, s.status, s.exitStatus && s.exitStatus !== s.status ? ` (${s.exitStatus})` : ''),
                h('td', {}, span(s.startDateTime, s.endDateTime)),
                METRICS.map(([k]) => h('td', { class: 'num' }, number(s.metrics[k] ?? 0))),
              ),
            ),
          ),
        ),
      );
    });
    clear(steps).append(...blocks);

    const tbody = h(
      'tbody',
      {},
      execution.failedItems.map((f) => failureRow(f)),
    );
    let next = execution['failedItems@odata.nextLink'];
    const more = h('button', { type: 'button', class: 'link', hidden: !next }, 'Show more');
    more.addEventListener('click', async () => {
      const page = await api(next);
      page.value.forEach((f) => tbody.append(failureRow(f)));
      next = page['@odata.nextLink'];
      more.hidden = !next;
    });
    clear(failures).append(
      execution.failedItemCount === 0
        ? h('p', { class: 'muted' }, 'None.')
        : h(
            'div',
            {},
            h('p', {}, `${number(execution.failedItemCount)} ${execution.failedItemCount === 1 ? 'item' : 'items'}`),
            h('table', { class: 'failures' }, h('thead', {}, h('tr', {}, h('th', {}, 'Item'), h('th', {}, 'Reason'), h('th', {}, 'Step'))), tbody),
            more,
          ),
    );
  }

  function failureRow(f) {
    return h('tr', {}, h('td', {}, f.item), h('td', {}, f.reason), h('td', {}, f.step));
  }

  async function loadExecution() {
    lastExecutionLoad = Date.now();
    try {
      renderExecution(await api(`${path}/caseops.execution`));
    } catch (e) {
      clear(steps).append(h('p', { class: 'error' }, e.message));
    }
  }

  async function loadOperation() {
    op = { ...(await api(path)), caseId };
    renderHead();
  }

  async function load() {
    try {
      await loadOperation();
      await loadExecution();
    } catch (e) {
      clear(header).append(h('h1', {}, 'Operation'), h('p', { class: 'error' }, e instanceof ApiError ? e.message : String(e)));
    }
  }

  function onOperation(changed) {
    if (changed.id !== operationId || !op) {
      return;
    }
    const statusChanged = changed.status !== op.status;
    op = changed;
    renderHead();
    // Step metrics move with the chunks: read again at most every two seconds, and at once on a change of status.
    const wait = statusChanged ? 0 : Math.max(0, 2000 - (Date.now() - lastExecutionLoad));
    clearTimeout(executionTimer);
    executionTimer = setTimeout(loadExecution, wait);
  }

  const ticker = setInterval(() => {
    if (op && op.status === 'running') {
      const cell = header.querySelector('.pace');
      if (cell) {
        cell.textContent = pace(op);
      }
    }
  }, 1000);

  load();
  return {
    onOperation,
    dispose() {
      clearInterval(ticker);
      clearTimeout(executionTimer);
    },
  };
}
