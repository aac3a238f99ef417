"""The API's request and response shapes, one module per resource: `common` (the field types
and the error body every shape uses), `complaints`, `lifecycle`, `followup` and
`representation`, each named after the router that uses it."""
