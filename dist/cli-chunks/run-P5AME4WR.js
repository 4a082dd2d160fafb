import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  roundsTooFew,
  runCommand
} from "./chunk-CU4SZBO6.js";
import "./chunk-EZTVH4YU.js";
import "./chunk-ZI5RPIZH.js";
import "./chunk-2I6GUHVV.js";
import "./chunk-HEYURCVP.js";
import "./chunk-57U746Z7.js";
import "./chunk-OAPMMLO6.js";
import "./chunk-U34LIMCD.js";
import "./chunk-KJRNQGKV.js";
import "./chunk-BOXC7D7V.js";
import "./chunk-WSM33NK3.js";
import "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";
export {
  roundsTooFew,
  runCommand
};
