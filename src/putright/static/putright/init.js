// GOV.UK Frontend needs these classes on <body> before its components start.
// Kept in a file (not inline) so the Content-Security-Policy can forbid inline script.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
