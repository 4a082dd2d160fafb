import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  SAMPLE_ROUTES,
  startSampleServer
} from "./chunk-R6EN6BL2.js";
import "./chunk-HTDZXV36.js";
export {
  SAMPLE_ROUTES,
  startSampleServer
};
