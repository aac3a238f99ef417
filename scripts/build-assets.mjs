// Compiles GOV.UK Frontend unbranded (no crown, no GDS Transport font) into
// src/putright/static/, and copies its images, JavaScript, axe-core and Swagger UI beside it
// (the API docs page loads Swagger UI from here, never a CDN, so the CSP holds).
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "src/putright/static/vendor");
const govuk = join(root, "node_modules/govuk-frontend/dist/govuk");
mkdirSync(out, { recursive: true });

const result = sass.compile(join(root, "src/putright/static/putright/app.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
writeFileSync(join(out, "app.css"), result.css);
cpSync(join(govuk, "assets/images"), join(out, "images"), { recursive: true });
cpSync(join(govuk, "assets/manifest.json"), join(out, "manifest.json"));
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
cpSync(join(root, "node_modules/axe-core/axe.min.js"), join(out, "axe.min.js"));
const swagger = join(root, "node_modules/swagger-ui-dist");
mkdirSync(join(out, "swagger-ui"), { recursive: true });
// The stylesheet names its source map, so the map ships too: the manifest storage of
// collectstatic refuses a stylesheet whose references it cannot find.
for (const name of ["swagger-ui-bundle.js", "swagger-ui.css", "swagger-ui.css.map", "LICENSE"]) {
  cpSync(join(swagger, name), join(out, "swagger-ui", name));
}
console.log(`assets built in ${out}`);
