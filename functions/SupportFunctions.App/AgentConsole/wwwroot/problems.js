import { h } from './dom.js';
import { ApiProblem } from './api.js';
import { t } from './i18n.js';

// Shows a refused request's problem details next to the fields they name, and its detail on the form.
export function clearProblems(form) {
  for (const old of form.querySelectorAll('.field-problem, .form-problem')) old.remove();
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => !id.endsWith('-problem')).join(' '));
  }
}

export function showProblem(form, error) {
  clearProblems(form);
  const problem = error instanceof ApiProblem ? error.problem : { detail: String(error) };
  const unplaced = [];
  for (const [field, messages] of Object.entries(problem.errors ?? {})) {
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (!input) { unplaced.push(`${field}: ${messages.join(' ')}`); continue; }
    const id = `${input.id}-problem`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${id}`.trim());
    input.insertAdjacentElement('afterend', h('p', { class: 'field-problem', id, dataset: { field } }, messages.join(' ')));
  }
  const detail = [problem.detail ?? problem.title, ...unplaced].filter(Boolean).join(' ');
  form.append(h('p', { class: 'form-problem', role: 'alert' }, t('error.generic', { detail })));
  (form.querySelector('[aria-invalid="true"]') ?? form.querySelector('.form-problem')).focus?.();
}
