"""Calls the running service's REST API and checks every response against the OpenAPI document it serves.

    python api_check.py BASE_URL TOKEN DOCUMENT_ID UPLOAD_FILE

Prints one JSON object: per call, the status and whether the body matched the schema the document gives
for that path, method and status (a mismatch lists the errors). Exit status 0 whatever the findings: the
Swift test decides.
"""
import json
import sys
import urllib.error
import urllib.request
import uuid

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource


def main():
    base, token, document_id, upload = sys.argv[1:5]
    api = base + "/api/v1"
    spec_text = urllib.request.urlopen(api + "/openapi.yaml").read().decode()
    spec = yaml.safe_load(spec_text)
    registry = Registry().with_resource("urn:invcap", Resource.opaque(spec))

    def pointer(*parts):
        return "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)

    def check(path, method, status, body):
        entry = spec["paths"][path][method]["responses"].get(str(status))
        if entry is None:
            return ["status %s is not described for %s %s" % (status, method.upper(), path)]
        if "$ref" in entry:
            where = entry["$ref"][2:] + "/content/application~1json/schema"
        else:
            where = pointer("paths", path, method, "responses", status, "content", "application/json", "schema")
        validator = Draft202012Validator({"$ref": "urn:invcap#/" + where}, registry=registry)
        return [error.message for error in validator.iter_errors(body)]

    results = []

    def call(label, spec_path, method, url, body=None, headers=None, auth=True, content_type="application/json"):
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method=method.upper())
        if auth:
            request.add_header("Authorization", "Bearer " + token)
        if data is not None:
            request.add_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        try:
            response = urllib.request.urlopen(request)
            status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode()
        parsed = json.loads(text)
        errors = check(spec_path, method, status, parsed)
        results.append({"call": label, "status": status, "schemaErrors": errors, "body": parsed})
        return parsed

    document = "/documents/{id}"
    call("list", "/documents", "get", api + "/documents?state=all")
    call("list-bad-state", "/documents", "get", api + "/documents?state=maybe")
    call("no-token", "/documents", "get", api + "/documents", auth=False)
    current = call("get", document, "get", api + "/documents/" + document_id)
    call("get-missing", document, "get", api + "/documents/999999")
    call("get-not-a-number", document, "get", api + "/documents/abc")
    fields = document + "/fields"
    call("patch-stale", fields, "patch", api + "/documents/%s/fields" % document_id,
         {"field": "drawer", "value": "王五", "version": current["version"] + 7})
    call("patch-unknown-field", fields, "patch", api + "/documents/%s/fields" % document_id,
         {"field": "drawr", "value": "王五", "version": current["version"]})
    call("patch-bad-amount", fields, "patch", api + "/documents/%s/fields" % document_id,
         {"field": "totalAmount", "value": "twelve", "version": current["version"]})
    call("patch", fields, "patch", api + "/documents/%s/fields" % document_id,
         {"field": "drawer", "value": "王五", "version": current["version"]})
    call("accept", document + "/accept", "post", api + "/documents/%s/accept" % document_id,
         {"reason": "checked against the paper"})
    call("accept-again", document + "/accept", "post", api + "/documents/%s/accept" % document_id, {})
    boundary = uuid.uuid4().hex
    payload = (("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../evil/upload.png\"\r\n"
                "Content-Type: image/png\r\n\r\n" % boundary).encode() + open(upload, "rb").read()
               + ("\r\n--%s--\r\n" % boundary).encode())
    call("upload", "/documents", "post", api + "/documents", payload,
         content_type="multipart/form-data; boundary=" + boundary)
    call("upload-without-file", "/documents", "post", api + "/documents", b"nothing",
         content_type="multipart/form-data; boundary=x")
    export = urllib.request.Request(api + "/export?format=csv&status=all")
    export.add_header("Authorization", "Bearer " + token)
    response = urllib.request.urlopen(export)
    body = response.read()
    described = "text/csv" in spec["paths"]["/export"]["get"]["responses"]["200"]["content"]
    results.append({"call": "export", "status": response.status, "body": {"rows": body.count(b"\r\n")},
                    "schemaErrors": [] if described and body.startswith(b"\xef\xbb\xbfid,state,file")
                    and response.headers["Content-Type"].startswith("text/csv") else ["not the CSV described"]})
    call("export-bad-format", "/export", "get", api + "/export?format=xlsx")
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
