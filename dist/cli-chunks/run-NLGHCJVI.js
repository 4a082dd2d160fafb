import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  roundsTooFew,
  runCommand
} from "./chunk-AT46DM42.js";
import "./chunk-CLXB45YG.js";
import "./chunk-2EU32US7.js";
import "./chunk-SHYMUOGF.js";
import "./chunk-QTTVPG7S.js";
import "./chunk-SVKDJOG7.js";
import "./chunk-U62IR3HG.js";
import "./chunk-D4AVDDBW.js";
import "./chunk-57U746Z7.js";
import "./chunk-WK3CQZHX.js";
import "./chunk-XOUSJDCW.js";
import "./chunk-7OYG44C3.js";
import "./chunk-KJRNQGKV.js";
import "./chunk-HTDZXV36.js";
export {
  roundsTooFew,
  runCommand
};
