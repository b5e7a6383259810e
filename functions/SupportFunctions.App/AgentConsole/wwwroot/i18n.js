// The page's own texts in English, Spanish and Portuguese; the browser's language chooses (English otherwise).
const texts = {
  en: {
    skip: 'Skip to content', title: 'Support console', 'nav.queue': 'Queue', 'nav.report': 'SLA report', 'nav.label': 'Sections', signOut: 'Sign out',
    'signIn.heading': 'Sign in', 'signIn.key': 'API key', 'signIn.hint': 'Paste an agent or administrator key. It stays in this tab only.', 'signIn.submit': 'Sign in',
    signedInAs: 'Signed in as {name} ({kind})', 'kind.agent': 'agent', 'kind.admin': 'administrator', 'kind.contact': 'contact', 'kind.partner': 'partner',
    'queue.heading': 'Queue', 'queue.filters': 'Filters', 'queue.team': 'Team', 'queue.myTeams': 'My teams', 'queue.allTeams': 'All teams',
    'queue.status': 'Status', 'queue.severity': 'Severity', 'queue.any': 'Any', 'queue.assignee': 'Assignee', 'queue.me': 'Me', 'queue.none': 'Unassigned',
    'queue.apply': 'Apply', 'queue.refreshed': 'Updated {time}', 'queue.empty': 'No open cases match.', 'queue.more': 'Load more', 'queue.counts': 'Open cases per status',
    'queue.caption': 'Open cases, next SLA due first',
    'col.case': 'Case', 'col.subject': 'Subject', 'col.account': 'Account', 'col.requester': 'Requester', 'col.status': 'Status', 'col.severity': 'Severity', 'col.assignee': 'Assignee', 'col.sla': 'SLA',
    'sla.running': 'running', 'sla.warning': 'warning', 'sla.breached': 'breached', 'sla.paused': 'paused', 'sla.none': 'no clock',
    'status.New': 'New', 'status.Open': 'Open', 'status.PendingCustomer': 'Pending customer', 'status.OnHold': 'On hold', 'status.PendingThirdParty': 'Pending third party', 'status.Solved': 'Solved', 'status.Closed': 'Closed',
    'case.heading': 'Case {number}', 'case.requester': 'Requester', 'case.account': 'Account', 'case.category': 'Category', 'case.severity': 'Severity', 'case.status': 'Status',
    'case.team': 'Team', 'case.assignee': 'Assignee', 'case.created': 'Opened', 'case.fields': 'Category fields', 'case.attachments': 'Attachments', 'case.noAttachments': 'No attachments.',
    'case.history': 'History', 'case.internal': 'Internal', 'case.sla': 'SLA clocks', 'case.pauses': 'Pauses', 'case.noPauses': 'No pauses.', 'case.description': 'Description',
    'clock.firstResponse': 'First response', 'clock.nextReply': 'Next reply', 'clock.restoration': 'Restoration', 'clock.kind': 'Clock', 'clock.due': 'Due', 'clock.state': 'State', 'clock.target': 'Target', 'clock.remaining': 'Remaining',
    'clock.running': 'running', 'clock.paused': 'paused', 'clock.met': 'met', 'clock.breached': 'breached',
    'action.heading': 'Actions', 'action.reply': 'Reply to the customer', 'action.body': 'Message', 'action.send': 'Send reply', 'action.note': 'Internal note', 'action.addNote': 'Add note',
    'action.status': 'Change status', 'action.newStatus': 'New status', 'action.reason': 'Reason', 'action.change': 'Change', 'action.severity': 'Change severity', 'action.newSeverity': 'New severity',
    'action.assignMe': 'Assign to me', 'action.close': 'Close the case', 'action.closeReason': 'Closing reason', 'action.closeSubmit': 'Close case', 'action.done': 'Saved.',
    'reason.resolved': 'Resolved', 'reason.defect': 'Defect', 'reason.enhancement': 'Enhancement request', 'reason.thirdParty': 'Third party', 'reason.customerChange': 'Customer change',
    'field.defectId': 'Defect id', 'field.ideaReference': 'Idea reference', 'field.vendor': 'Vendor', 'field.note': 'Note',
    back: 'Back to the queue',
    'report.heading': 'SLA report', 'report.from': 'From', 'report.to': 'To', 'report.groupBy': 'Group by', 'report.show': 'Show', 'report.csv': 'Download CSV',
    'group.severity': 'Severity', 'group.team': 'Team', 'group.category': 'Category', 'group.account': 'Account', 'group.month': 'Month',
    'report.bars': 'First response: achieved and breached per group', 'report.achieved': 'achieved', 'report.breached': 'breached', 'report.cases': '{count} cases',
    'report.histogram': 'First-response times (business time), all groups', 'report.p50': 'p50', 'report.p90': 'p90', 'report.empty': 'No cases were opened in this range.', 'report.met': '{count} met',
    'error.generic': 'The request failed: {detail}',
  },
  es: {
    skip: 'Ir al contenido', title: 'Consola de soporte', 'nav.queue': 'Cola', 'nav.report': 'Informe de SLA', 'nav.label': 'Secciones', signOut: 'Cerrar sesión',
    'signIn.heading': 'Iniciar sesión', 'signIn.key': 'Clave de API', 'signIn.hint': 'Pegue una clave de agente o de administrador. Solo queda en esta pestaña.', 'signIn.submit': 'Entrar',
    signedInAs: 'Sesión de {name} ({kind})', 'kind.agent': 'agente', 'kind.admin': 'administrador', 'kind.contact': 'contacto', 'kind.partner': 'socio',
    'queue.heading': 'Cola', 'queue.filters': 'Filtros', 'queue.team': 'Equipo', 'queue.myTeams': 'Mis equipos', 'queue.allTeams': 'Todos los equipos',
    'queue.status': 'Estado', 'queue.severity': 'Gravedad', 'queue.any': 'Cualquiera', 'queue.assignee': 'Asignado a', 'queue.me': 'Mí', 'queue.none': 'Sin asignar',
    'queue.apply': 'Aplicar', 'queue.refreshed': 'Actualizado {time}', 'queue.empty': 'Ningún caso abierto coincide.', 'queue.more': 'Cargar más', 'queue.counts': 'Casos abiertos por estado',
    'queue.caption': 'Casos abiertos, el próximo vencimiento de SLA primero',
    'col.case': 'Caso', 'col.subject': 'Asunto', 'col.account': 'Cuenta', 'col.requester': 'Solicitante', 'col.status': 'Estado', 'col.severity': 'Gravedad', 'col.assignee': 'Asignado a', 'col.sla': 'SLA',
    'sla.running': 'en curso', 'sla.warning': 'aviso', 'sla.breached': 'incumplido', 'sla.paused': 'en pausa', 'sla.none': 'sin reloj',
    'status.New': 'Nuevo', 'status.Open': 'Abierto', 'status.PendingCustomer': 'Pendiente del cliente', 'status.OnHold': 'En espera', 'status.PendingThirdParty': 'Pendiente de terceros', 'status.Solved': 'Resuelto', 'status.Closed': 'Cerrado',
    'case.heading': 'Caso {number}', 'case.requester': 'Solicitante', 'case.account': 'Cuenta', 'case.category': 'Categoría', 'case.severity': 'Gravedad', 'case.status': 'Estado',
    'case.team': 'Equipo', 'case.assignee': 'Asignado a', 'case.created': 'Abierto', 'case.fields': 'Campos de la categoría', 'case.attachments': 'Adjuntos', 'case.noAttachments': 'Sin adjuntos.',
    'case.history': 'Historial', 'case.internal': 'Interno', 'case.sla': 'Relojes de SLA', 'case.pauses': 'Pausas', 'case.noPauses': 'Sin pausas.', 'case.description': 'Descripción',
    'clock.firstResponse': 'Primera respuesta', 'clock.nextReply': 'Siguiente respuesta', 'clock.restoration': 'Restablecimiento', 'clock.kind': 'Reloj', 'clock.due': 'Vence', 'clock.state': 'Estado', 'clock.target': 'Objetivo', 'clock.remaining': 'Restante',
    'clock.running': 'en curso', 'clock.paused': 'en pausa', 'clock.met': 'cumplido', 'clock.breached': 'incumplido',
    'action.heading': 'Acciones', 'action.reply': 'Responder al cliente', 'action.body': 'Mensaje', 'action.send': 'Enviar respuesta', 'action.note': 'Nota interna', 'action.addNote': 'Añadir nota',
    'action.status': 'Cambiar estado', 'action.newStatus': 'Nuevo estado', 'action.reason': 'Motivo', 'action.change': 'Cambiar', 'action.severity': 'Cambiar gravedad', 'action.newSeverity': 'Nueva gravedad',
    'action.assignMe': 'Asignármelo', 'action.close': 'Cerrar el caso', 'action.closeReason': 'Motivo de cierre', 'action.closeSubmit': 'Cerrar caso', 'action.done': 'Guardado.',
    'reason.resolved': 'Resuelto', 'reason.defect': 'Defecto', 'reason.enhancement': 'Solicitud de mejora', 'reason.thirdParty': 'Tercero', 'reason.customerChange': 'Cambio del cliente',
    'field.defectId': 'Id. del defecto', 'field.ideaReference': 'Referencia de la idea', 'field.vendor': 'Proveedor', 'field.note': 'Nota',
    back: 'Volver a la cola',
    'report.heading': 'Informe de SLA', 'report.from': 'Desde', 'report.to': 'Hasta', 'report.groupBy': 'Agrupar por', 'report.show': 'Mostrar', 'report.csv': 'Descargar CSV',
    'group.severity': 'Gravedad', 'group.team': 'Equipo', 'group.category': 'Categoría', 'group.account': 'Cuenta', 'group.month': 'Mes',
    'report.bars': 'Primera respuesta: cumplidos e incumplidos por grupo', 'report.achieved': 'cumplidos', 'report.breached': 'incumplidos', 'report.cases': '{count} casos',
    'report.histogram': 'Tiempos de primera respuesta (tiempo hábil), todos los grupos', 'report.p50': 'p50', 'report.p90': 'p90', 'report.empty': 'No se abrieron casos en este periodo.', 'report.met': '{count} cumplidos',
    'error.generic': 'La solicitud falló: {detail}',
  },
  pt: {
    skip: 'Ir para o conteúdo', title: 'Console de suporte', 'nav.queue': 'Fila', 'nav.report': 'Relatório de SLA', 'nav.label': 'Seções', signOut: 'Sair',
    'signIn.heading': 'Entrar', 'signIn.key': 'Chave de API', 'signIn.hint': 'Cole uma chave de agente ou de administrador. Ela fica só nesta aba.', 'signIn.submit': 'Entrar',
    signedInAs: 'Sessão de {name} ({kind})', 'kind.agent': 'agente', 'kind.admin': 'administrador', 'kind.contact': 'contato', 'kind.partner': 'parceiro',
    'queue.heading': 'Fila', 'queue.filters': 'Filtros', 'queue.team': 'Equipe', 'queue.myTeams': 'Minhas equipes', 'queue.allTeams': 'Todas as equipes',
    'queue.status': 'Status', 'queue.severity': 'Severidade', 'queue.any': 'Qualquer', 'queue.assignee': 'Responsável', 'queue.me': 'Eu', 'queue.none': 'Sem responsável',
    'queue.apply': 'Aplicar', 'queue.refreshed': 'Atualizado {time}', 'queue.empty': 'Nenhum caso aberto corresponde.', 'queue.more': 'Carregar mais', 'queue.counts': 'Casos abertos por status',
    'queue.caption': 'Casos abertos, o próximo vencimento de SLA primeiro',
    'col.case': 'Caso', 'col.subject': 'Assunto', 'col.account': 'Conta', 'col.requester': 'Solicitante', 'col.status': 'Status', 'col.severity': 'Severidade', 'col.assignee': 'Responsável', 'col.sla': 'SLA',
    'sla.running': 'em andamento', 'sla.warning': 'alerta', 'sla.breached': 'violado', 'sla.paused': 'pausado', 'sla.none': 'sem relógio',
    'status.New': 'Novo', 'status.Open': 'Aberto', 'status.PendingCustomer': 'Aguardando cliente', 'status.OnHold': 'Em espera', 'status.PendingThirdParty': 'Aguardando terceiros', 'status.Solved': 'Resolvido', 'status.Closed': 'Fechado',
    'case.heading': 'Caso {number}', 'case.requester': 'Solicitante', 'case.account': 'Conta', 'case.category': 'Categoria', 'case.severity': 'Severidade', 'case.status': 'Status',
    'case.team': 'Equipe', 'case.assignee': 'Responsável', 'case.created': 'Aberto em', 'case.fields': 'Campos da categoria', 'case.attachments': 'Anexos', 'case.noAttachments': 'Sem anexos.',
    'case.history': 'Histórico', 'case.internal': 'Interno', 'case.sla': 'Relógios de SLA', 'case.pauses': 'Pausas', 'case.noPauses': 'Sem pausas.', 'case.description': 'Descrição',
    'clock.firstResponse': 'Primeira resposta', 'clock.nextReply': 'Próxima resposta', 'clock.restoration': 'Restauração', 'clock.kind': 'Relógio', 'clock.due': 'Vence', 'clock.state': 'Estado', 'clock.target': 'Meta', 'clock.remaining': 'Restante',
    'clock.running': 'em andamento', 'clock.paused': 'pausado', 'clock.met': 'cumprido', 'clock.breached': 'violado',
    'action.heading': 'Ações', 'action.reply': 'Responder ao cliente', 'action.body': 'Mensagem', 'action.send': 'Enviar resposta', 'action.note': 'Nota interna', 'action.addNote': 'Adicionar nota',
    'action.status': 'Mudar status', 'action.newStatus': 'Novo status', 'action.reason': 'Motivo', 'action.change': 'Mudar', 'action.severity': 'Mudar severidade', 'action.newSeverity': 'Nova severidade',
    'action.assignMe': 'Atribuir a mim', 'action.close': 'Fechar o caso', 'action.closeReason': 'Motivo do fechamento', 'action.closeSubmit': 'Fechar caso', 'action.done': 'Salvo.',
    'reason.resolved': 'Resolvido', 'reason.defect': 'Defeito', 'reason.enhancement': 'Pedido de melhoria', 'reason.thirdParty': 'Terceiro', 'reason.customerChange': 'Mudança do cliente',
    'field.defectId': 'Id do defeito', 'field.ideaReference': 'Referência da ideia', 'field.vendor': 'Fornecedor', 'field.note': 'Nota',
    back: 'Voltar para a fila',
    'report.heading': 'Relatório de SLA', 'report.from': 'De', 'report.to': 'Até', 'report.groupBy': 'Agrupar por', 'report.show': 'Mostrar', 'report.csv': 'Baixar CSV',
    'group.severity': 'Severidade', 'group.team': 'Equipe', 'group.category': 'Categoria', 'group.account': 'Conta', 'group.month': 'Mês',
    'report.bars': 'Primeira resposta: cumpridos e violados por grupo', 'report.achieved': 'cumpridos', 'report.breached': 'violados', 'report.cases': '{count} casos',
    'report.histogram': 'Tempos de primeira resposta (tempo útil), todos os grupos', 'report.p50': 'p50', 'report.p90': 'p90', 'report.empty': 'Nenhum caso foi aberto neste período.', 'report.met': '{count} cumpridos',
    'error.generic': 'A solicitação falhou: {detail}',
  },
};

export const languages = Object.keys(texts);

let current = 'en';

export function choose(preferred = navigator.languages ?? [navigator.language]) {
  current = preferred.map((l) => String(l).slice(0, 2).toLowerCase()).find((l) => l in texts) ?? 'en';
  document.documentElement.lang = current;
  return current;
}

export function language() { return current; }

export function t(key, values = {}) {
  const text = texts[current][key] ?? texts.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

export function translateStatic(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
}

// For the test that every language has every key.
export const catalog = texts;
