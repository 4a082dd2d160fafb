import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  parseProfile,
  readProfile
} from "./chunk-KTZXYDUI.js";
import "./chunk-CVUKXPGQ.js";
import "./chunk-JENDGSX2.js";
import "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";
export {
  parseProfile,
  readProfile
};
