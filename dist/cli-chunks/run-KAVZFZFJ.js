import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  roundsTooFew,
  runCommand
} from "./chunk-CHO7XXHR.js";
import "./chunk-EZTVH4YU.js";
import "./chunk-FAFRJPED.js";
import "./chunk-KTZXYDUI.js";
import "./chunk-QOPD3N35.js";
import "./chunk-BOXC7D7V.js";
import "./chunk-CVUKXPGQ.js";
import "./chunk-J6TG37BK.js";
import "./chunk-T24EG74D.js";
import "./chunk-D4AVDDBW.js";
import "./chunk-57U746Z7.js";
import "./chunk-WK3CQZHX.js";
import "./chunk-3NZYYUIX.js";
import "./chunk-BHCJ5EID.js";
import "./chunk-KJRNQGKV.js";
import "./chunk-JENDGSX2.js";
import "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";
export {
  roundsTooFew,
  runCommand
};
