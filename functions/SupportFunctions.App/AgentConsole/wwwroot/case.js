import { api } from './api.js';
import { h, announce } from './dom.js';
import { t } from './i18n.js';
import { duration, when } from './format.js';
import { clearProblems, showProblem } from './problems.js';

const STATUSES = ['Open', 'PendingCustomer', 'OnHold', 'PendingThirdParty', 'Solved', 'Closed'];
const CLOSE_REASONS = { resolved: ['note'], defect: ['defectId', 'note'], enhancement: ['ideaReference', 'note'], thirdParty: ['vendor', 'note'], customerChange: ['note'] };

function field(id, name, label, control) {
  control.id = id;
  control.name = name;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, ...pairs.filter(([, value]) => value !== undefined).flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')]));
}

// An action: a form posting to the case; the API's refusal shows next to the field it names.
function action(number, path, title, controls, submit, body, after) {
  const form = h('form', { class: 'card action', dataset: { action: path }, onsubmit: async (event) => {
    event.preventDefault();
    clearProblems(form);
    try {
      await api(`/api/cases/${encodeURIComponent(number)}/${path}`, { method: 'POST', body: body(form) });
      announce(t('action.done'));
      await after();
    } catch (error) {
      showProblem(form, error);
    }
  } }, h('h4', {}, title), ...controls, h('button', { type: 'submit' }, submit));
  return form;
}

export async function showCase(main, me, number) {
  const path = `/api/cases/${encodeURIComponent(number)}`;
  const [c, events, sla] = await Promise.all([api(path), api(`${path}/events`), api(`${path}/sla`)]);
  const reload = () => showCase(main, me, number);
  const value = (form, name) => form.elements[name]?.value.trim() || undefined;

  const closeReason = h('select', {}, ...Object.keys(CLOSE_REASONS).map((reason) => h('option', { value: reason }, t(`reason.${reason}`))));
  const closeFields = ['defectId', 'ideaReference', 'vendor', 'note'].map((name) =>
    field(`close-${name}`, name, t(`field.${name}`), name === 'note' ? h('textarea', { rows: 2 }) : h('input', { type: 'text' })));
  const showCloseFields = () => closeFields.forEach((wrapper) => { wrapper.hidden = !CLOSE_REASONS[closeReason.value].includes(wrapper.querySelector('[name]').name); });
  closeReason.addEventListener('change', showCloseFields);
  showCloseFields();

  const clocks = h('table', { class: 'clocks' }, h('caption', {}, t('case.sla')),
    h('thead', {}, h('tr', {}, ...['clock.kind', 'clock.state', 'clock.target', 'clock.due', 'clock.remaining'].map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, ...sla.clocks.map((clock) => h('tr', { dataset: { clock: clock.kind } },
      h('th', { scope: 'row' }, t(`clock.${clock.kind}`)),
      h('td', { class: `sla-${clock.state}` }, t(`clock.${clock.state}`)),
      h('td', {}, duration(parseIso(clock.target))),
      h('td', {}, when(clock.dueAt)),
      h('td', {}, duration(clock.remainingSeconds))))));

  main.replaceChildren(
    h('p', {}, h('a', { href: '#/queue' }, t('back'))),
    h('h2', { tabindex: '-1', id: 'case-heading' }, t('case.heading', { number: c.number }), ' — ', c.subject),
    facts([
      [t('case.status'), t(`status.${c.status}`)],
      [t('case.severity'), `${c.severity.level} · ${c.severity.name}`],
      [t('case.category'), c.category.name],
      [t('case.team'), c.team.name],
      [t('case.assignee'), c.assigneeId ?? '—'],
      [t('case.requester'), [c.requester.name, c.requester.email].filter(Boolean).join(' · ')],
      [t('case.account'), c.account?.name ?? '—'],
      [t('case.created'), when(c.createdAt)],
    ]),
    h('section', { 'aria-labelledby': 'description-heading' }, h('h3', { id: 'description-heading' }, t('case.description')), h('p', { class: 'description' }, c.description)),
    Object.keys(c.fields).length ? h('section', {}, h('h3', {}, t('case.fields')), facts(Object.entries(c.fields))) : null,
    h('section', {}, h('h3', {}, t('case.attachments')),
      c.attachments.length ? h('ul', {}, ...c.attachments.map((a) => h('li', {}, `${a.fileName} (${a.contentType}, ${a.size} B)`))) : h('p', { class: 'hint' }, t('case.noAttachments'))),
    h('section', {}, clocks,
      h('h3', {}, t('case.pauses')),
      sla.pauses.length ? h('ul', { class: 'pauses' }, ...sla.pauses.map((p) => h('li', {}, `${when(p.from)} → ${p.to ? when(p.to) : '…'} · ${t(`status.${p.reason}`)}`))) : h('p', { class: 'hint' }, t('case.noPauses'))),
    h('section', { class: 'actions', 'aria-labelledby': 'actions-heading' }, h('h3', { id: 'actions-heading' }, t('action.heading')),
      action(number, 'replies', t('action.reply'), [field('reply-body', 'body', t('action.body'), h('textarea', { rows: 3 }))], t('action.send'), (f) => ({ body: value(f, 'body') ?? '' }), reload),
      me.kind === 'agent' || me.kind === 'admin'
        ? action(number, 'notes', t('action.note'), [field('note-body', 'body', t('action.body'), h('textarea', { rows: 2 }))], t('action.addNote'), (f) => ({ body: value(f, 'body') ?? '' }), reload)
        : null,
      action(number, 'status', t('action.status'), [
        field('status-status', 'status', t('action.newStatus'), h('select', {}, ...STATUSES.map((s) => h('option', { value: s, selected: s === c.status }, t(`status.${s}`))))),
        field('status-reason', 'reason', t('action.reason'), h('input', { type: 'text' }))], t('action.change'), (f) => ({ status: value(f, 'status'), reason: value(f, 'reason') }), reload),
      action(number, 'severity', t('action.severity'), [
        field('severity-severity', 'severity', t('action.newSeverity'), h('select', {}, ...[1, 2, 3, 4].map((s) => h('option', { value: String(s), selected: s === c.severity.level }, String(s))))),
        field('severity-reason', 'reason', t('action.reason'), h('input', { type: 'text' }))], t('action.change'), (f) => ({ severity: Number(value(f, 'severity')), reason: value(f, 'reason') }), reload),
      me.kind === 'agent'
        ? action(number, 'assignee', t('action.assignMe'), [], t('action.assignMe'), () => ({ agentId: me.id }), reload)
        : null,
      action(number, 'close', t('action.close'), [field('close-reason', 'reason', t('action.closeReason'), closeReason), ...closeFields], t('action.closeSubmit'),
        (f) => Object.fromEntries([['reason', closeReason.value], ...CLOSE_REASONS[closeReason.value].map((name) => [name, value(f, name)])]), reload)),
    h('section', { 'aria-labelledby': 'history-heading' }, h('h3', { id: 'history-heading' }, t('case.history')),
      h('ol', { class: 'history' }, ...events.map((e) => h('li', { class: e.visibility === 'Internal' ? 'internal' : 'public', dataset: { type: e.type, sequence: e.sequence } },
        h('p', { class: 'meta' }, when(e.at), ' · ', e.actor, ' · ', e.type, e.visibility === 'Internal' ? h('span', { class: 'badge' }, t('case.internal')) : null),
        e.data.body ? h('p', { class: 'body' }, e.data.body) : h('p', { class: 'data' }, Object.entries(e.data).map(([k, v]) => `${k}: ${v}`).join(' · ')))))));
  document.querySelector('#case-heading').focus();
}

// ISO 8601 durations as the API writes them (PT1H30M, P3D) to seconds.
function parseIso(text) {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text ?? '');
  if (!match) return null;
  const [, d = 0, hh = 0, mm = 0, ss = 0] = match;
  return Number(d) * 86400 + Number(hh) * 3600 + Number(mm) * 60 + Number(ss);
}
