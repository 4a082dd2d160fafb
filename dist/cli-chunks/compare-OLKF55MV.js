import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  compareCommand,
  readOrExplain
} from "./chunk-D7IZPR62.js";
import "./chunk-LYOLDO2F.js";
import "./chunk-CP2OXWQZ.js";
import "./chunk-5CX65N5A.js";
import "./chunk-DUQXH2QI.js";
import "./chunk-QOPD3N35.js";
import "./chunk-BOXC7D7V.js";
import "./chunk-CVUKXPGQ.js";
import "./chunk-J6TG37BK.js";
import "./chunk-T24EG74D.js";
import "./chunk-WK3CQZHX.js";
import "./chunk-3NZYYUIX.js";
import "./chunk-BHCJ5EID.js";
import "./chunk-KJRNQGKV.js";
import "./chunk-JENDGSX2.js";
import "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";
export {
  compareCommand,
  readOrExplain
};
