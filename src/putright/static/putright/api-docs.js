// Starts Swagger UI on /api/v1/docs from settings the page carries as JSON: no inline
// script, and Swagger UI itself is served from our static files (CSP script-src 'self').
const settings = JSON.parse(document.getElementById("swagger-settings").textContent);
settings.dom_id = "#swagger-ui";
settings.presets = [SwaggerUIBundle.presets.apis];
SwaggerUIBundle(settings);
