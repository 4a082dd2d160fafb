import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  oneLine
} from "./chunk-ACCG5V5L.js";

// src/results/errors.ts
var ResultFormatError = class extends Error {
  constructor(origin, problem) {
    super(oneLine(`${origin}: ${problem}`));
    this.origin = origin;
    this.name = "ResultFormatError";
  }
  origin;
};

// src/stats/sample-text.ts
var SampleFileError = class extends Error {
  constructor(file, line, detail) {
    super(`${file}${line === null ? "" : `:${line}`}: ${detail}`);
    this.file = file;
    this.line = line;
    this.name = "SampleFileError";
  }
  file;
  line;
};
var JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
var TEXT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
var FORMAT_HINT = "write a JSON array of numbers, or one number per line";
function parseSampleText(text, fileName) {
  const values = /^\s*\[/.test(text) ? parseJsonArray(text, fileName) : parseLines(text, fileName);
  if (values.length === 0) throw new SampleFileError(fileName, null, `no numbers found; ${FORMAT_HINT}`);
  return values;
}
function parseLines(text, fileName) {
  const values = [];
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    const hash = rawLine.indexOf("#");
    const content = (hash === -1 ? rawLine : rawLine.slice(0, hash)).trim();
    if (content === "") continue;
    values.push(toNumber(content, TEXT_NUMBER, fileName, index + 1));
  }
  return values;
}
function toNumber(token, pattern, fileName, line) {
  const value = Number(token);
  if (!pattern.test(token) || !Number.isFinite(value)) {
    const shown = token.length > 40 ? `${token.slice(0, 40)}\u2026` : token;
    throw new SampleFileError(fileName, line, `'${shown}' is not a finite number; ${FORMAT_HINT} (e.g. 12.5)`);
  }
  return value;
}
function parseJsonArray(text, fileName) {
  let position = text.indexOf("[") + 1;
  let line = 1 + countNewlines(text, 0, position);
  const values = [];
  const skipBlank = () => {
    while (position < text.length && /\s/.test(text[position])) {
      if (text[position] === "\n") line++;
      position++;
    }
  };
  const fail = (detail) => {
    throw new SampleFileError(fileName, line, `${detail}; ${FORMAT_HINT}`);
  };
  skipBlank();
  if (text[position] === "]") position++;
  else {
    for (; ; ) {
      skipBlank();
      const start = position;
      const startLine = line;
      position = endOfElement(text, position);
      const token = text.slice(start, position);
      line += countNewlines(text, start, position);
      if (token === "") fail(position >= text.length ? "the JSON array is not closed" : "an element is missing");
      values.push(toNumber(token, JSON_NUMBER, fileName, startLine));
      skipBlank();
      const separator = text[position];
      position++;
      if (separator === "]") break;
      if (separator !== ",")
        fail(separator === void 0 ? "the JSON array is not closed" : `unexpected '${separator}'`);
    }
  }
  skipBlank();
  if (position < text.length) fail("unexpected text after the JSON array");
  return values;
}
function endOfElement(text, start) {
  let position = start;
  let depth = 0;
  let inString = false;
  while (position < text.length) {
    const char = text[position];
    if (inString) {
      if (char === "\\") position++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") depth++;
    else if (char === "]" || char === "}") {
      if (depth === 0) return position;
      depth--;
    } else if (depth === 0 && (char === "," || /\s/.test(char))) return position;
    position++;
    if (!inString && depth === 0 && (text[position - 1] === '"' || text[position - 1] === "]" || text[position - 1] === "}")) {
      if (position - 1 > start) return position;
    }
  }
  return position;
}
function countNewlines(text, from, to) {
  let count = 0;
  for (let i = from; i < to; i++) if (text[i] === "\n") count++;
  return count;
}

// src/cli/exit-codes.ts
var EXIT = {
  /** Passed: no configured fail-on outcome occurred. */
  pass: 0,
  /** A regression, a budget violation or an invalid run (per fail-on). */
  gateFailed: 1,
  /** Usage or configuration error: nothing was measured. */
  usage: 2,
  /** Tailgate itself failed (I/O error, bug); the message says what. */
  internal: 3,
  /** Interrupted (SIGINT/SIGTERM); the partial result was written. */
  interrupted: 130
};

export {
  ResultFormatError,
  SampleFileError,
  parseSampleText,
  EXIT
};
