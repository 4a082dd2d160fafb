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

export {
  ResultFormatError
};
