import path from 'node:path';

/**
 * The code's layering, checked on every relative import under `functions/`:
 * - no service imports another service;
 * - core imports no service (and not the local server);
 * - a service's pages do not import its routes;
 * - a service's model does not import its data layer.
 */
const SERVICES = new Set(['calendar', 'directory', 'feedback', 'indicators', 'staff']);

/** Where a file sits: its top folder under `functions/` and the folder below that. */
function placeOf(file) {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('functions');
  if (at < 0) return undefined;
  const rest = parts.slice(at + 1);
  if (rest.length < 2) return { top: rest[0]?.replace(/\.[^.]+$/, '') ?? '', layer: '' };
  return { top: rest[0], layer: rest.length > 2 ? rest[1] : '' };
}

const MESSAGES = {
  service: 'A service does not import another service ({{target}}); share it through functions/core.',
  core: 'functions/core imports no service ({{target}}).',
  pages: "A service's pages do not import its routes; move what both need to model/ or pages/.",
  model: "A service's model does not import its data layer; pass the data in.",
};

/** The rule for one import source seen from `file`, or undefined when it is allowed. */
export function boundaryViolation(file, source) {
  if (!source.startsWith('.')) return undefined;
  const from = placeOf(file);
  const to = placeOf(path.resolve(path.dirname(file), source));
  if (!from || !to) return undefined;
  if (SERVICES.has(from.top) && SERVICES.has(to.top) && from.top !== to.top) return 'service';
  if (from.top === 'core' && to.top !== 'core') return 'core';
  if (from.top === to.top && SERVICES.has(from.top)) {
    if (from.layer === 'pages' && to.layer === 'routes') return 'pages';
    if (from.layer === 'model' && to.layer === 'data') return 'model';
  }
  return undefined;
}

const rule = {
  meta: { type: 'problem', schema: [], messages: MESSAGES },
  create(context) {
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const kind = boundaryViolation(context.filename, source.value);
      if (kind) context.report({ node: source, messageId: kind, data: { target: source.value } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const boundaries = { rules: { layers: rule } };
