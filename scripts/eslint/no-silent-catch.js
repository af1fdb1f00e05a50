/**
 * ESLint rule: a `catch` in product code must not swallow the error. It passes when the caught
 * error is used (logged, wrapped as a cause, returned, inspected), when the block rethrows, or
 * when a `// handled: …` comment in the block says how the user is told. A bare `catch {}`, a
 * `catch (e) { return null }` and `.catch(() => {})` fail.
 */

const isFunction = (node) =>
  node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration';

/** Does `node` contain a throw outside nested functions? */
const containsThrow = (node) => {
  if (!node || typeof node.type !== 'string') return false;
  if (node.type === 'ThrowStatement') return true;
  if (isFunction(node)) return false;
  for (const key of Object.keys(node)) {
    if (key === 'parent') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      if (value.some((child) => child && typeof child.type === 'string' && containsThrow(child))) return true;
    } else if (value && typeof value.type === 'string' && containsThrow(value)) return true;
  }
  return false;
};

const hasHandledComment = (sourceCode, body) =>
  sourceCode.getCommentsInside(body).some((comment) => /^\s*handled:\s*\S/.test(comment.value));

const paramIsUsed = (sourceCode, param, scopeNode) => {
  if (!param) return false;
  const variables = sourceCode.getDeclaredVariables(scopeNode);
  return variables.some((variable) => variable.references.length > 0);
};

export const noSilentCatch = {
  meta: {
    type: 'problem',
    docs: { description: 'Every catch logs the error (saying why going on is safe), rethrows, or says how the user is told.' },
    messages: {
      silent:
        'This catch swallows the error: log it (services.log.warn({ err }, "why going on is safe")), rethrow, or add a "// handled: …" comment saying how the user is told.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const check = (node, param, body, scopeNode) => {
      if (paramIsUsed(sourceCode, param, scopeNode)) return;
      if (body.type === 'BlockStatement' && containsThrow(body)) return;
      const doesSomething = body.type !== 'BlockStatement' || body.body.length > 0;
      if (doesSomething && hasHandledComment(sourceCode, body)) return;
      context.report({ node, messageId: 'silent' });
    };
    return {
      CatchClause(node) {
        check(node, node.param, node.body, node);
      },
      // promise.catch(handler) and promise.then(ok, handler)
      CallExpression(node) {
        if (node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return;
        const method = node.callee.property.name;
        const handler = method === 'catch' ? node.arguments[0] : method === 'then' ? node.arguments[1] : undefined;
        if (!handler || !isFunction(handler)) return;
        check(handler, handler.params[0], handler.body, handler);
      },
    };
  },
};

export const groundworkPlugin = { rules: { 'no-silent-catch': noSilentCatch } };
