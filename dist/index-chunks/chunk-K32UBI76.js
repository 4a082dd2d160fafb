import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);

// src/config/errors.ts
var ConfigError = class extends Error {
  constructor(field, problem, fix, location) {
    const where = location ? `${location.file}:${location.line}:${location.column}: ` : "";
    super(oneLine(`${where}'${field}': ${problem}; ${fix}`));
    this.field = field;
    this.problem = problem;
    this.fix = fix;
    this.location = location;
    this.name = "ConfigError";
  }
  field;
  problem;
  fix;
  location;
};
function oneLine(text) {
  return text.replace(
    /[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/g,
    (c) => c === "\n" ? "\\n" : c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
var ConfigErrors = class extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join("\n"));
    this.errors = errors;
    this.name = "ConfigErrors";
  }
  errors;
};
function isUserError(error) {
  return error instanceof ConfigError || error instanceof ConfigErrors;
}

// src/log.ts
var silentLog = { info() {
}, warning() {
}, error() {
}, debug() {
} };
function messageOf(error) {
  if (error instanceof Error) return error.message;
  return String(error);
}

export {
  ConfigError,
  oneLine,
  ConfigErrors,
  isUserError,
  silentLog,
  messageOf
};
