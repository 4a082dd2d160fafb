import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  DifferenceOverflowError,
  EXACT_INTERVAL_MAX_SIZE,
  hodgesLehmann,
  hodgesLehmannFromHistograms,
  hodgesLehmannWeighted
} from "./chunk-BOXC7D7V.js";
import "./chunk-HTDZXV36.js";
export {
  DifferenceOverflowError,
  EXACT_INTERVAL_MAX_SIZE,
  hodgesLehmann,
  hodgesLehmannFromHistograms,
  hodgesLehmannWeighted
};
