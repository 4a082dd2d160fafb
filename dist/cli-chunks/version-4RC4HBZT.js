import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  TAILGATE_VERSION
} from "./chunk-KJRNQGKV.js";
import "./chunk-HTDZXV36.js";
export {
  TAILGATE_VERSION
};
