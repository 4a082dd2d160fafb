import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  writeResult
} from "./chunk-ZSYZHNSO.js";
import {
  findMeasuredResult,
  readProfile,
  reportNoMeasuredResult
} from "./chunk-4JS4PVKQ.js";
import "./chunk-XRAW6IL2.js";
import "./chunk-H6BQHNXA.js";
import {
  gateAndPublish
} from "./chunk-ADRYNUIH.js";
import "./chunk-YKWO64P6.js";
import "./chunk-WW26TF7L.js";
import "./chunk-VSHOYYU7.js";
import "./chunk-HUK7SR2E.js";
import "./chunk-R6EOTZPH.js";
import "./chunk-AQQRMPL3.js";
import "./chunk-U4VOYMDS.js";
import "./chunk-K32UBI76.js";
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
