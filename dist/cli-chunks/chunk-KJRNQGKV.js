import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);

// src/version.ts
var TAILGATE_VERSION = "0.1.0";

export {
  TAILGATE_VERSION
};
