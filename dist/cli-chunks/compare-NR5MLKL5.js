import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  compareCommand,
  readOrExplain
} from "./chunk-ASFILNMF.js";
import "./chunk-OAPMMLO6.js";
import "./chunk-U34LIMCD.js";
import "./chunk-KJRNQGKV.js";
import "./chunk-BOXC7D7V.js";
import "./chunk-WSM33NK3.js";
import "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";
export {
  compareCommand,
  readOrExplain
};
