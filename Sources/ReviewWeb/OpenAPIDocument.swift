/// The REST API's OpenAPI 3.1 description, served at `/api/v1/openapi.yaml`; the tests check real responses
/// against its schemas.
enum OpenAPIDocument {
    static let yaml = #"""
        openapi: 3.1.0
        info:
          title: InvoiceCapture review API
          version: 1.0.0
          description: >-
            Documents in the ledger, corrections, approvals and uploads. Authenticate with
            "Authorization: Bearer TOKEN" (invcap user token NAME). Errors are {"error": {"code", "message"}}.
        servers:
          - url: /api/v1
        security:
          - bearer: []
        paths:
          /documents:
            get:
              summary: Documents in a state, oldest first
              parameters:
                - {name: state, in: query, schema: {type: string, enum: [needs_review, accepted, rejected, all]}}
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 1000}}
              responses:
                "200": {description: The documents, content: {application/json: {schema: {$ref: "#/components/schemas/DocumentList"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
            post:
              summary: Upload an invoice file; the watcher ingests it
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema: {type: object, properties: {file: {type: string, format: binary}}, required: [file]}
              responses:
                "202": {description: Queued, content: {application/json: {schema: {$ref: "#/components/schemas/Upload"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
          /documents/{id}:
            get:
              summary: One document with its fields, line items, checks and reasons
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: The document, content: {application/json: {schema: {$ref: "#/components/schemas/Document"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /documents/{id}/fields:
            patch:
              summary: Correct or confirm a field; the checks run again
              parameters: [{$ref: "#/components/parameters/id"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [field, value, version]
                      properties:
                        field: {type: string, description: "A CONTRACT.md field name, or lineItems.N.NAME"}
                        value: {type: string}
                        version: {type: integer, description: The version the change was made against}
              responses:
                "200": {description: Saved, content: {application/json: {schema: {$ref: "#/components/schemas/Correction"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {description: Someone else changed it first, content: {application/json: {schema: {$ref: "#/components/schemas/Conflict"}}}}
                "422": {$ref: "#/components/responses/Error"}
          /documents/{id}/accept:
            post:
              summary: Approve; accepted once the approval rule holds
              parameters: [{$ref: "#/components/parameters/id"}]
              requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Decision"}}}}
              responses:
                "200": {description: The document, content: {application/json: {schema: {$ref: "#/components/schemas/Document"}}}}
                "401": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /documents/{id}/reject:
            post:
              summary: Reject with a reason
              parameters: [{$ref: "#/components/parameters/id"}]
              requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Decision"}}}}
              responses:
                "200": {description: The document, content: {application/json: {schema: {$ref: "#/components/schemas/Document"}}}}
                "401": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /export:
            get:
              summary: The ledger's invoices as CSV (UTF-8 with BOM) or JSON Lines, accepted ones unless told
              parameters:
                - {name: format, in: query, schema: {type: string, enum: [csv, jsonl]}}
                - {name: status, in: query, schema: {type: string, enum: [accepted, needs_review, rejected, all]}}
                - {name: since, in: query, schema: {type: string, format: date}}
              responses:
                "200":
                  description: The export
                  content:
                    text/csv: {schema: {type: string}}
                    application/x-ndjson: {schema: {type: string}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
          parameters:
            id: {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
          responses:
            Error: {description: An error, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
          schemas:
            Error:
              type: object
              required: [error]
              properties:
                error:
                  type: object
                  required: [code, message]
                  properties: {code: {type: string}, message: {type: string}}
            Field:
              type: object
              required: [value, confidence, flagged, source, page, box]
              properties:
                value: {type: string}
                confidence: {type: number, minimum: 0, maximum: 1}
                flagged: {type: boolean}
                source: {type: string, enum: [embedded, qr, text-layer, ocr, derived, person]}
                page: {type: [integer, "null"]}
                box: {type: [array, "null"], items: {type: integer}, minItems: 4, maxItems: 4}
            Check:
              type: object
              required: [rule, passed, fields]
              properties:
                rule: {type: string}
                passed: {type: boolean}
                fields: {type: array, items: {type: string}}
                message: {type: [string, "null"]}
            Summary:
              type: object
              required: [id, state, file, reasons]
              properties:
                id: {type: integer}
                state: {type: string, enum: [needs_review, accepted, rejected]}
                file: {type: string}
                documentType: {type: [string, "null"]}
                createdAt: {type: string}
                sellerName: {type: [string, "null"]}
                invoiceNumber: {type: [string, "null"]}
                issueDate: {type: [string, "null"]}
                totalAmount: {type: [string, "null"]}
                duplicateOf: {type: [integer, "null"]}
                reasons: {type: array, items: {type: string}}
            DocumentList:
              type: object
              required: [documents]
              properties: {documents: {type: array, items: {$ref: "#/components/schemas/Summary"}}}
            Document:
              type: object
              required: [id, state, file, sha256, fields, lineItems, checks, review, version]
              properties:
                id: {type: integer}
                state: {type: string, enum: [needs_review, accepted, rejected]}
                file: {type: string}
                sha256: {type: string, pattern: "^[0-9a-f]{64}$"}
                documentType: {type: [string, "null"]}
                invoiceKind: {type: [string, "null"]}
                businessKey: {type: [string, "null"]}
                duplicateOf: {type: [integer, "null"]}
                creditOf: {type: [integer, "null"]}
                pages: {type: integer}
                fields: {type: object, additionalProperties: {$ref: "#/components/schemas/Field"}}
                lineItems: {type: array, items: {type: object, additionalProperties: {$ref: "#/components/schemas/Field"}}}
                checks: {type: array, items: {$ref: "#/components/schemas/Check"}}
                review:
                  type: object
                  required: [required, reasons]
                  properties: {required: {type: boolean}, reasons: {type: array, items: {type: string}}}
                version: {type: integer, minimum: 1}
                createdAt: {type: string}
                updatedAt: {type: string}
                qrPayload: {type: string}
            Correction:
              type: object
              required: [document, checks]
              properties:
                document: {$ref: "#/components/schemas/Document"}
                checks: {type: array, items: {$ref: "#/components/schemas/Check"}}
            Conflict:
              type: object
              required: [error, document]
              properties:
                error: {$ref: "#/components/schemas/Error/properties/error"}
                document: {$ref: "#/components/schemas/Document"}
            Decision:
              type: object
              properties: {reason: {type: string}}
            Upload:
              type: object
              required: [status, file]
              properties: {status: {type: string, const: queued}, file: {type: string}}
        """#
}
