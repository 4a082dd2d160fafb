import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);

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
  silentLog,
  messageOf
};
