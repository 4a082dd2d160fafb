import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  parseProfile,
  readProfile
} from "./chunk-2I6GUHVV.js";
import "./chunk-WSM33NK3.js";
import "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";
export {
  parseProfile,
  readProfile
};
