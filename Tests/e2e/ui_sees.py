"""Signs in to the review UI like a browser (cookies, the sign-in form's CSRF token) and opens documents.

    python ui_sees.py BASE_URL NAME PASSWORD DOCUMENT_ID...

Prints one JSON object: the queue page's status and, per document, the status of its page, whether the page
names the document, and the status and type of its first page image. Exit status 0 whatever the findings: the
Swift test decides.
"""
import http.cookiejar
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


def main():
    base, name, password = sys.argv[1:4]
    ids = sys.argv[4:]
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(path):
        try:
            response = opener.open(base + path)
            return response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type", ""), error.read()

    _, _, form = get("/login")
    csrf = re.search(rb'name="csrf" value="([^"]+)"', form).group(1).decode()
    body = urllib.parse.urlencode({"csrf": csrf, "name": name, "password": password}).encode()
    opener.open(urllib.request.Request(base + "/login", data=body, method="POST"))
    queue_status, _, queue = get("/queue?state=needs_review")
    result = {"queue": queue_status, "queueRows": len(re.findall(rb'href="/documents/\d+"', queue)), "documents": {}}
    for document in ids:
        status, _, page = get("/documents/%s" % document)
        image_status, image_type, image = get("/documents/%s/pages/1/image" % document)
        result["documents"][document] = {
            "status": status,
            "namesItself": ("#%s" % document).encode() in page,
            "imageStatus": image_status,
            "imageType": image_type,
            "imageBytes": len(image),
        }
    print(json.dumps(result))


main()
