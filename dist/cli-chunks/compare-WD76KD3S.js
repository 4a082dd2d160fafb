import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  compareCommand,
  readOrExplain
} from "./chunk-PWHX5H73.js";
import "./chunk-CP2OXWQZ.js";
import "./chunk-BQY4TV4C.js";
import "./chunk-BXGH64GP.js";
import "./chunk-BW2WQZA7.js";
import "./chunk-SHYMUOGF.js";
import "./chunk-QTTVPG7S.js";
import "./chunk-SVKDJOG7.js";
import "./chunk-U62IR3HG.js";
import "./chunk-WK3CQZHX.js";
import "./chunk-XOUSJDCW.js";
import "./chunk-7OYG44C3.js";
import "./chunk-KJRNQGKV.js";
import "./chunk-HTDZXV36.js";
export {
  compareCommand,
  readOrExplain
};
