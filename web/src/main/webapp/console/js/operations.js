// The operations of every case, newest first, filterable by case, action, status and date, kept live from the
// event stream: bars move and new operations appear without a reload.

import { api, query, literal, V } from './api.js';
import { h, clear, number, work, duration, dateTime, ended, who } from './format.js';
import { estimate } from './rates.js';

export const ACTIONS = [
  'index',
  'estimateStatistics',
  'addToReviewSet',
  'applyTags',
  'convertToPdf',
  'contentExport',
  'holdUpdate',
];
export const STATUSES = ['notStarted', 'running', 'succeeded', 'partiallySucceeded', 'failed', 'submissionFailed'];

const PAGE = 50;
const filters = { caseId: '', action: '', status: '', from: '' };

/** The progress cell: a bar and its percentage. */
export function progressCell(op) {
  return h(
    'div',
    { class: 'progress' },
    h('progress', { max: 100, value: op.percentProgress }),
    h('span', { class: 'percent' }, `${op.percentProgress}%`),
  );
}

/** Items or bytes done of the total, when the operation says. */
export function workText(op) {
  if (!op.progress) {
    return '';
  }
  return `${work(op.progress.done, op.progress.unit)} of ${work(op.progress.total, op.progress.unit)}`;
}

/** Throughput and ETA while running; duration when done. */
export function pace(op) {
  if (op.status === 'running') {
    const e = estimate(op);
    if (!e) {
      return 'measuring…';
    }
    const rate =
      e.unit === 'bytes'
        ? `${work(Math.round(e.rate), 'bytes')}/s`
        : e.unit === 'items'
          ? `${number(Math.round(e.rate * 10) / 10)} items/s`
          : `${number(Math.round(e.rate * 10) / 10)} %/s`;
    return `${rate} · ${duration(e.leftMs)} left`;
  }
  if (ended(op)) {
    return `took ${duration(Date.parse(op.completedDateTime) - Date.parse(op.createdDateTime))}`;
  }
  return '';
}

export function statusBadge(op) {
  return h('span', { class: 'status', dataset: { status: op.status } }, op.status);
}

export function detailHref(op) {
  return `#/operations/${encodeURIComponent(op.caseId)}/${encodeURIComponent(op.id)}`;
}

export function operationsView(container, ctx) {
  const rows = new Map();
  let next = null;
  let total = 0;
  let loaded = false;
  const early = [];

  const caseSelect = h(
    'select',
    { id: 'filter-case', name: 'case' },
    h('option', { value: '' }, 'Every case'),
    [...ctx.cases.values()].map((c) => h('option', { value: c.id }, c.displayName)),
  );
  const actionSelect = h(
    'select',
    { id: 'filter-action', name: 'action' },
    h('option', { value: '' }, 'Every action'),
    ACTIONS.map((a) => h('option', { value: a }, a)),
  );
  const statusSelect = h(
    'select',
    { id: 'filter-status', name: 'status' },
    h('option', { value: '' }, 'Every status'),
    STATUSES.map((s) => h('option', { value: s }, s)),
  );
  const fromInput = h('input', { id: 'filter-from', name: 'from', type: 'date' });
  caseSelect.value = filters.caseId;
  actionSelect.value = filters.action;
  statusSelect.value = filters.status;
  fromInput.value = filters.from;

  const form = h(
    'form',
    { class: 'filters', id: 'filters' },
    h('label', {}, 'Case ', caseSelect),
    h('label', {}, 'Action ', actionSelect),
    h('label', {}, 'Status ', statusSelect),
    h('label', {}, 'Created on or after ', fromInput),
  );
  form.addEventListener('change', () => {
    filters.caseId = caseSelect.value;
    filters.action = actionSelect.value;
    filters.status = statusSelect.value;
    filters.from = fromInput.value;
    load();
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  const tbody = h('tbody', { id: 'operations-body' });
  const count = h('span', { class: 'muted', id: 'operations-count' });
  const more = h('button', { type: 'button', id: 'operations-more', class: 'link', hidden: true }, 'Show more');
  const error = h('p', { class: 'error', role: 'alert' });
  more.addEventListener('click', () => page(next, true));

  clear(container).append(
    h('div', { class: 'title' }, h('h1', {}, 'Operations'), count),
    form,
    error,
    h(
      'table',
      { class: 'operations', id: 'operations' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Action', 'Case', 'Started by', 'Status', 'Progress', 'Done', 'Pace', 'Created', 'Result'].map((t) =>
            h('th', {}, t),
          ),
        ),
      ),
      tbody,
    ),
    more,
  );

  function filterExpression() {
    const parts = [];
    if (filters.caseId) parts.push(`caseId eq ${literal(filters.caseId)}`);
    if (filters.action) parts.push(`action eq ${literal(filters.action)}`);
    if (filters.status) parts.push(`status eq ${literal(filters.status)}`);
    if (filters.from) parts.push(`createdDateTime ge ${new Date(`${filters.from}T00:00:00`).toISOString()}`);
    return parts.join(' and ');
  }

  function matches(op) {
    return (
      (!filters.caseId || op.caseId === filters.caseId) &&
      (!filters.action || op.action === filters.action) &&
      (!filters.status || op.status === filters.status) &&
      (!filters.from || Date.parse(op.createdDateTime) >= Date.parse(`${filters.from}T00:00:00`))
    );
  }

  function fill(tr, op) {
    tr.dataset.operationId = op.id;
    tr.dataset.status = op.status;
    const caseName = ctx.caseName(op.caseId);
    clear(tr).append(
      h('td', {}, h('a', { href: detailHref(op), class: 'action' }, op.action)),
      h('td', { class: 'case' }, caseName),
      h('td', {}, who(op.createdBy)),
      h('td', {}, statusBadge(op)),
      h('td', {}, progressCell(op)),
      h('td', { class: 'work' }, workText(op)),
      h('td', { class: 'pace' }, pace(op)),
      h('td', { class: 'created' }, dateTime(op.createdDateTime)),
      h('td', { class: 'result' }, op.resultInfo ? op.resultInfo.message || '' : ''),
    );
    tr.op = op;
  }

  function show(op, atTop) {
    let tr = rows.get(op.id);
    if (!tr) {
      tr = h('tr', { class: atTop ? 'new' : '' });
      rows.set(op.id, tr);
      if (atTop) {
        tbody.prepend(tr);
      } else {
        tbody.append(tr);
      }
    }
    fill(tr, op);
  }

  async function page(path, append) {
    try {
      const answer = await api(path);
      if (!append) {
        rows.clear();
        clear(tbody);
      }
      answer.value.forEach((op) => show(op, false));
      next = answer['@odata.nextLink'] || null;
      more.hidden = !next;
      total = answer['@odata.count'];
      count.textContent = `${number(total)} in all`;
      error.textContent = '';
      loaded = true;
      early.splice(0).forEach(onOperation);
    } catch (e) {
      error.textContent = e.message;
    }
  }

  function load() {
    loaded = false;
    page(`${V}/caseops/operations${query({ $filter: filterExpression(), $top: PAGE, $count: 'true' })}`, false);
  }

  function onOperation(op) {
    if (!loaded) {
      early.push(op);
      return;
    }
    if (rows.has(op.id)) {
      show(op, false);
    } else if (matches(op)) {
      show(op, true);
      total++;
      count.textContent = `${number(total)} in all`;
    }
  }

  // The pace of running operations moves on between events.
  const ticker = setInterval(() => {
    for (const tr of rows.values()) {
      if (tr.op && tr.op.status === 'running') {
        tr.querySelector('.pace').textContent = pace(tr.op);
      }
    }
  }, 1000);

  load();
  return {
    onOperation,
    dispose() {
      clearInterval(ticker);
    },
  };
}
