/** Regenerates web/src/generated/deployments.ts from deployments/*.json (see scripts/lib/web-deployments.ts). */
import { writeWebDeployments } from "../lib/web-deployments.js";

const chains = writeWebDeployments();
console.log(`web deployments module written for chain(s): ${chains.length > 0 ? chains.join(", ") : "none"}`);
