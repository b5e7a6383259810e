import { api, query } from './api.js';
import { h, announce } from './dom.js';
import { t } from './i18n.js';
import { duration, when, number } from './format.js';

const OPEN_STATUSES = ['New', 'Open', 'PendingCustomer', 'OnHold', 'PendingThirdParty', 'Solved'];
const FILTERS = 'supportfunctions.queue.filters';
const REFRESH_MS = 30000;
let ticking = null;
let refreshing = null;

export function stopQueue() {
  clearInterval(ticking);
  clearInterval(refreshing);
  ticking = refreshing = null;
}

function savedFilters() {
  try { return JSON.parse(sessionStorage.getItem(FILTERS)) ?? {}; } catch { return {}; }
}

// The countdown of one SLA cell, from dueAt and the browser's clock (or the frozen remaining time while paused).
function tick(cell) {
  const { due, remaining, state } = cell.dataset;
  let seconds = remaining === '' ? null : Number(remaining);
  let shown = state;
  if (due) {
    seconds = Math.round((Date.parse(due) - Date.now()) / 1000);
    if (seconds <= 0) shown = 'breached';
  }
  cell.className = `sla sla-${shown}`;
  cell.querySelector('.sla-time').textContent = state === 'none' ? '—' : duration(seconds);
  cell.querySelector('.sla-state').textContent = t(`sla.${shown}`);
}

function slaCell(sla) {
  const cell = h('span', { class: `sla sla-${sla.state}`, dataset: { due: sla.dueAt ?? '', remaining: sla.remainingSeconds ?? '', state: sla.state } },
    h('span', { class: 'sla-time' }), ' ', h('span', { class: 'sla-state' }));
  tick(cell);
  return cell;
}

function row(item) {
  return h('tr', { dataset: { number: item.number } },
    h('th', { scope: 'row' }, h('a', { href: `#/case/${encodeURIComponent(item.number)}` }, item.number)),
    h('td', { 'data-label': t('col.subject') }, item.subject),
    h('td', { 'data-label': t('col.account') }, item.accountName ?? item.accountId ?? '—'),
    h('td', { 'data-label': t('col.requester') }, item.requesterName ?? '—'),
    h('td', { 'data-label': t('col.status') }, t(`status.${item.status}`)),
    h('td', { 'data-label': t('col.severity') }, item.severity),
    h('td', { 'data-label': t('col.assignee') }, item.assigneeName ?? item.assigneeId ?? '—'),
    h('td', { 'data-label': t('col.sla'), class: 'sla-column' }, slaCell(item.sla)));
}

export async function showQueue(main, me) {
  const filters = { team: '', status: [], severity: '', assignee: '', ...savedFilters() };
  const teamSelect = h('select', { id: 'filter-team', name: 'team' },
    h('option', { value: '' }, t('queue.myTeams')),
    ...(me.teams ?? []).map((team) => h('option', { value: team }, team)),
    h('option', { value: 'all' }, t('queue.allTeams')));
  const severitySelect = h('select', { id: 'filter-severity', name: 'severity' },
    h('option', { value: '' }, t('queue.any')), ...[1, 2, 3, 4].map((s) => h('option', { value: String(s) }, String(s))));
  const assigneeSelect = h('select', { id: 'filter-assignee', name: 'assignee' },
    h('option', { value: '' }, t('queue.any')),
    me.kind === 'agent' ? h('option', { value: 'me' }, t('queue.me')) : null,
    h('option', { value: 'none' }, t('queue.none')));
  const statusBoxes = OPEN_STATUSES.map((status) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'status', value: status, checked: filters.status.includes(status) }), ' ', t(`status.${status}`)));
  teamSelect.value = filters.team;
  severitySelect.value = filters.severity;
  assigneeSelect.value = filters.assignee;

  const counts = h('ul', { class: 'counts', 'aria-label': t('queue.counts') });
  const updated = h('p', { class: 'hint', id: 'queue-updated' });
  const tbody = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('queue.more'));
  const empty = h('p', { class: 'hint', hidden: true }, t('queue.empty'));
  const problem = h('p', { class: 'form-problem', role: 'alert', hidden: true });
  let next = null;

  const form = h('form', { class: 'filters', 'aria-label': t('queue.filters'), onsubmit: (event) => { event.preventDefault(); read(); load(false); } },
    h('div', { class: 'field' }, h('label', { for: 'filter-team' }, t('queue.team')), teamSelect),
    h('fieldset', {}, h('legend', {}, t('queue.status')), ...statusBoxes),
    h('div', { class: 'field' }, h('label', { for: 'filter-severity' }, t('queue.severity')), severitySelect),
    h('div', { class: 'field' }, h('label', { for: 'filter-assignee' }, t('queue.assignee')), assigneeSelect),
    h('button', { type: 'submit' }, t('queue.apply')));

  function read() {
    filters.team = teamSelect.value;
    filters.status = statusBoxes.map((label) => label.querySelector('input')).filter((box) => box.checked).map((box) => box.value);
    filters.severity = severitySelect.value;
    filters.assignee = assigneeSelect.value;
    sessionStorage.setItem(FILTERS, JSON.stringify(filters));
  }

  async function load(append, silent = false) {
    const parameters = { team: filters.team, status: filters.status.join(','), severity: filters.severity, assignee: filters.assignee, pageSize: 50 };
    try {
      // A refresh reads as many rows as are shown, so the list (and the scroll position over it) stays put.
      const shown = append ? 0 : Math.max(50, tbody.rows.length);
      const page = await api('/api/queue' + query({ ...parameters, pageSize: Math.min(100, shown || 50), continuationToken: append ? next : null }));
      const countAnswer = await api('/api/queue/counts' + query({ team: filters.team }));
      problem.hidden = true;
      next = page.continuationToken;
      const rows = page.items.map(row);
      if (append) tbody.append(...rows); else tbody.replaceChildren(...rows);
      more.hidden = !next;
      empty.hidden = tbody.rows.length > 0;
      counts.replaceChildren(...countAnswer.flatMap((team) => Object.entries(team.statuses).map(([status, count]) =>
        h('li', { dataset: { team: team.team, status } }, `${countAnswer.length > 1 ? team.teamName + ' · ' : ''}${t(`status.${status}`)}: `, h('strong', {}, number(count))))));
      updated.textContent = t('queue.refreshed', { time: when(new Date().toISOString()) });
      if (!silent) announce(`${tbody.rows.length} · ${updated.textContent}`);
    } catch (error) {
      problem.textContent = t('error.generic', { detail: error.message });
      problem.hidden = false;
    }
  }

  more.addEventListener('click', () => load(true));
  main.replaceChildren(
    h('h2', {}, t('queue.heading')),
    form,
    counts,
    problem,
    h('table', { class: 'queue' }, h('caption', {}, t('queue.caption')),
      h('thead', {}, h('tr', {}, ...['col.case', 'col.subject', 'col.account', 'col.requester', 'col.status', 'col.severity', 'col.assignee', 'col.sla'].map((key) => h('th', { scope: 'col' }, t(key))))),
      tbody),
    empty,
    more,
    updated);
  await load(false, true);
  ticking = setInterval(() => document.querySelectorAll('.sla[data-state]').forEach(tick), 1000);
  refreshing = setInterval(() => load(false, true), REFRESH_MS);
}
