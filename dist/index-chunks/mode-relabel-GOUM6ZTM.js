import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  writeResult
} from "./chunk-YKYIUVNU.js";
import {
  findMeasuredResult,
  readProfile,
  reportNoMeasuredResult
} from "./chunk-DJ4LGX3T.js";
import "./chunk-JLQD4PRS.js";
import "./chunk-H6BQHNXA.js";
import {
  gateAndPublish
} from "./chunk-O7DXWQBZ.js";
import "./chunk-QUP7S4GP.js";
import "./chunk-WL5NBBFV.js";
import "./chunk-H6TNBFNR.js";
import "./chunk-MMIVWOXS.js";
import "./chunk-QXYOLSYJ.js";
import "./chunk-5DOGR3KY.js";

// src/action/mode-relabel.ts
async function runRelabelMode(settings, deps) {
  const profile = readProfile(settings.profilePath, { gateOnly: true }, deps.env);
  const found = await findMeasuredResult(deps, profile.id);
  if (found.kind === "none") return await reportNoMeasuredResult(deps, found.reason);
  await writeResult(found.candidate, settings.outputDir, deps);
  await gateAndPublish(
    found.candidate,
    { outcome: found.restored, lines: found.baselineLines },
    { deps, settings, profile, mode: "relabel" }
  );
}
export {
  runRelabelMode
};
