import { api, ApiProblem, session } from './api.js';
import { h, announce } from './dom.js';
import { choose, t, translateStatic } from './i18n.js';
import { showQueue, stopQueue } from './queue.js';
import { showCase } from './case.js';
import { showReport } from './report.js';

choose();
translateStatic();
document.querySelector('#nav').setAttribute('aria-label', t('nav.label'));

const main = document.querySelector('#main');
let me = null;

function signInForm(problem) {
  const error = problem ? h('p', { class: 'problem', id: 'signin-error', role: 'alert' }, problem) : null;
  const input = h('input', { id: 'api-key', name: 'apiKey', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': problem ? 'signin-hint signin-error' : 'signin-hint', 'aria-invalid': problem ? 'true' : null });
  const form = h('form', { class: 'card signin', onsubmit: async (event) => {
    event.preventDefault();
    session.key = input.value.trim();
    await start();
  } },
  h('h2', {}, t('signIn.heading')),
  h('label', { for: 'api-key' }, t('signIn.key')),
  input,
  h('p', { id: 'signin-hint', class: 'hint' }, t('signIn.hint')),
  error,
  h('button', { type: 'submit' }, t('signIn.submit')));
  main.replaceChildren(form);
  input.focus();
}

async function start() {
  if (!session.key) {
    signInForm();
    return;
  }

  try {
    me = await api('/api/me');
  } catch (error) {
    session.key = null;
    signInForm(error instanceof ApiProblem ? error.message : String(error));
    return;
  }

  document.querySelector('#who').textContent = t('signedInAs', { name: me.name, kind: t(`kind.${me.kind}`) });
  document.querySelector('#nav').hidden = false;
  document.querySelector('#signout').hidden = false;
  announce(document.querySelector('#who').textContent);
  await route();
}

async function route() {
  if (!me) return;
  stopQueue();
  const [, view, argument] = (location.hash || '#/queue').split('/');
  for (const link of document.querySelectorAll('#nav a')) {
    link.toggleAttribute('aria-current', link.getAttribute('href') === `#/${view}`);
    if (link.getAttribute('href') === `#/${view}`) link.setAttribute('aria-current', 'page');
  }
  if (view === 'case' && argument) await showCase(main, me, decodeURIComponent(argument));
  else if (view === 'report') await showReport(main, me);
  else await showQueue(main, me);
}

document.querySelector('#signout').addEventListener('click', () => {
  session.key = null;
  me = null;
  stopQueue();
  document.querySelector('#who').textContent = '';
  document.querySelector('#nav').hidden = true;
  document.querySelector('#signout').hidden = true;
  signInForm();
});

window.addEventListener('hashchange', route);
start();
