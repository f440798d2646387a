// A stand-in for the `vscode` module, for timing activation outside the
// extension host (bench/activation/figures.ts): each namespace and class is
// the same inert object, whose every property, call and `new` answers with
// itself, so activate() runs its registrations without a workbench. It times
// our code only; it proves nothing about behaviour.
'use strict';

const inert = new Proxy(function inert() {}, {
  get(_target, key) {
    if (key === 'then') return undefined; // not a promise
    if (key === Symbol.iterator) return function* () {};
    if (key === Symbol.toPrimitive) return () => '';
    return inert;
  },
  set: () => true, // what is stored on it is never read back
  apply: () => inert,
  construct: () => inert,
});

const names = [
  'CancellationError',
  'CancellationTokenSource',
  'Disposable',
  'DocumentLink',
  'EventEmitter',
  'ExtensionMode',
  'LanguageModelChatMessage',
  'LanguageModelDataPart',
  'LanguageModelError',
  'LanguageModelTextPart',
  'Position',
  'ProgressLocation',
  'Range',
  'RelativePattern',
  'StatusBarAlignment',
  'TabInputCustom',
  'ThemeIcon',
  'TreeItem',
  'TreeItemCollapsibleState',
  'Uri',
  'ViewColumn',
  'commands',
  'env',
  'extensions',
  'languages',
  'lm',
  'window',
  'workspace',
];
module.exports = Object.fromEntries(names.map((name) => [name, inert]));
module.exports.inert = inert;
