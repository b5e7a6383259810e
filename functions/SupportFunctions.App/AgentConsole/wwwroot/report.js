import { api, query } from './api.js';
import { h, announce } from './dom.js';
import { t } from './i18n.js';
import { duration, number, span } from './format.js';
import { clearProblems, showProblem } from './problems.js';

const GROUPS = ['severity', 'team', 'category', 'account', 'month'];
const day = (date) => date.toISOString().slice(0, 10);

function firstResponse(row) {
  return row.clocks.find((clock) => clock.clock === 'firstResponse');
}

function bars(rows) {
  const widest = Math.max(1, ...rows.map((row) => firstResponse(row).achieved + firstResponse(row).breached));
  return h('figure', { class: 'bars' }, h('figcaption', {}, t('report.bars')),
    h('ul', {}, ...rows.map((row) => {
      const clock = firstResponse(row);
      const label = `${row.group}: ${number(clock.achieved)} ${t('report.achieved')}, ${number(clock.breached)} ${t('report.breached')}`;
      return h('li', { dataset: { group: row.group, achieved: clock.achieved, breached: clock.breached, cases: row.cases } },
        h('span', { class: 'bar-label' }, row.group, h('small', {}, ` · ${t('report.cases', { count: number(row.cases) })}`)),
        h('span', { class: 'bar', role: 'img', 'aria-label': label },
          h('span', { class: 'achieved', style: `width:${(100 * clock.achieved) / widest}%` }),
          h('span', { class: 'breached', style: `width:${(100 * clock.breached) / widest}%` })),
        h('span', { class: 'bar-numbers' }, `${number(clock.achieved)} ${t('report.achieved')} · ${number(clock.breached)} ${t('report.breached')}`,
          clock.achievementPercent === null ? '' : ` · ${clock.achievementPercent} %`));
    })));
}

function histogram(total) {
  const clock = firstResponse(total);
  const buckets = clock.businessHistogram;
  const tallest = Math.max(1, ...buckets.map((b) => b.count));
  const { p50, p90 } = clock.businessTimeToMeet;
  let from = 0;
  return h('figure', { class: 'histogram', dataset: { p50: p50 ?? '', p90: p90 ?? '' } },
    h('figcaption', {}, t('report.histogram'), ' — ', `${t('report.p50')} ${duration(p50)} · ${t('report.p90')} ${duration(p90)}`),
    h('ol', {}, ...buckets.map((bucket, index) => {
      const range = bucket.upToSeconds === null ? `> ${span(from)}` : `≤ ${span(bucket.upToSeconds)}`;
      const holds = (p) => p !== null && (index === 0 ? p >= 0 : p > from) && (bucket.upToSeconds === null || p <= bucket.upToSeconds);
      const marks = [holds(p50) ? t('report.p50') : null, holds(p90) ? t('report.p90') : null].filter(Boolean);
      const item = h('li', { dataset: { upTo: bucket.upToSeconds ?? '', count: bucket.count }, class: marks.length ? 'marked' : null },
        h('span', { class: 'column', style: `height:${(100 * bucket.count) / tallest}%`, role: 'img', 'aria-label': `${range}: ${t('report.met', { count: bucket.count })}${marks.length ? ' · ' + marks.join(', ') : ''}` }),
        h('span', { class: 'count' }, number(bucket.count)),
        marks.length ? h('span', { class: 'mark' }, marks.join(' · ')) : null,
        h('span', { class: 'range' }, range));
      from = bucket.upToSeconds ?? from;
      return item;
    })));
}

export async function showReport(main) {
  const now = new Date();
  const fromInput = h('input', { type: 'date', id: 'report-from', name: 'from', value: day(new Date(now.getTime() - 30 * 86400000)) });
  const toInput = h('input', { type: 'date', id: 'report-to', name: 'to', value: day(new Date(now.getTime() + 86400000)) });
  const groupSelect = h('select', { id: 'report-group', name: 'groupBy' }, ...GROUPS.map((g) => h('option', { value: g }, t(`group.${g}`))));
  const output = h('div', { class: 'report-output' });
  const parameters = () => ({ from: fromInput.value, to: toInput.value, groupBy: groupSelect.value });

  const download = h('button', { type: 'button', class: 'secondary' }, t('report.csv'));
  const form = h('form', { class: 'filters', onsubmit: async (event) => {
    event.preventDefault();
    clearProblems(form);
    try {
      const report = await api('/api/reports/sla' + query(parameters()));
      output.replaceChildren(...(report.rows.length ? [bars(report.rows), histogram(report.total)] : [h('p', { class: 'hint' }, t('report.empty'))]));
      announce(t('report.heading'));
    } catch (error) {
      showProblem(form, error);
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'report-from' }, t('report.from')), fromInput),
  h('div', { class: 'field' }, h('label', { for: 'report-to' }, t('report.to')), toInput),
  h('div', { class: 'field' }, h('label', { for: 'report-group' }, t('report.groupBy')), groupSelect),
  h('button', { type: 'submit' }, t('report.show')),
  download);

  // The CSV comes through the API with the key in a header, then is saved from memory: the key never enters a URL.
  download.addEventListener('click', async () => {
    clearProblems(form);
    try {
      const csv = await api('/api/reports/sla' + query(parameters()), { accept: 'text/csv' });
      const link = h('a', { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })), download: `sla-report-${fromInput.value}-${toInput.value}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (error) {
      showProblem(form, error);
    }
  });

  main.replaceChildren(h('h2', {}, t('report.heading')), form, output);
  form.requestSubmit();
}
