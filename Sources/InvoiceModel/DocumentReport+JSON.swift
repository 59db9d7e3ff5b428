extension DocumentReport {
    /// The report as CONTRACT.md §1's JSON object.
    ///
    /// - Parameters:
    ///   - totalMilliseconds: wall time for the whole file, printed as `timingMs.total`.
    ///   - includeWords: add a `words` array with every OCR word, its confidence, page and box.
    public func contractJSON(totalMilliseconds: Int, includeWords: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("file", .string(file)),
            ("sha256", sha256.map(JSONValue.string) ?? .null),
        ]
        switch outcome {
        case .recognized(let document):
            members.append(("status", .string("ok")))
            if let type = document.documentType { members.append(("documentType", .string(type))) }
            if let kind = document.invoiceKind { members.append(("invoiceKind", .string(kind))) }
            members.append(("pages", .int(document.pages.count)))
            members.append(("fields", Self.fieldsJSON(document.fields)))
            members.append(("lineItems", .array(document.lineItems.map(Self.lineItemJSON))))
            members.append(("checks", .array(document.checks.map(Self.checkJSON))))
            members.append(
                (
                    "review",
                    .object([
                        ("required", .bool(document.review.required)),
                        ("reasons", .array(document.review.reasons.map(JSONValue.string))),
                    ])
                ))
        case .failed(let error, let pages):
            members.append(("status", .string("error")))
            members.append(
                ("error", .object([("code", .string(error.code.rawValue)), ("message", .string(error.message))])))
            members.append(("pages", .int(pages.count)))
        }
        var timing: [(String, JSONValue)] = [("total", .int(totalMilliseconds))]
        timing += timings.stages.map { ($0.0, JSONValue.int($0.1)) }
        members.append(("timingMs", .object(timing)))
        if !pages.isEmpty {
            members.append(("pageDetails", .array(pages.map(Self.pageJSON))))
        }
        if includeWords {
            members.append(("words", .array(pages.flatMap(Self.wordsJSON))))
        }
        return .object(members)
    }

    static func fieldJSON(_ field: ExtractedField) -> JSONValue {
        .object([
            ("value", .string(field.value)),
            ("confidence", .rounded(field.confidence)),
            ("flagged", .bool(field.flagged)),
            ("source", .string(field.source.rawValue)),
            ("page", field.page.map(JSONValue.int) ?? .null),
            ("box", .box(field.box)),
        ])
    }

    static func fieldsJSON(_ fields: [FieldName: ExtractedField]) -> JSONValue {
        .object(FieldName.allCases.compactMap { name in fields[name].map { (name.rawValue, fieldJSON($0)) } })
    }

    static func lineItemJSON(_ item: [LineItemFieldName: ExtractedField]) -> JSONValue {
        .object(LineItemFieldName.allCases.compactMap { name in item[name].map { (name.rawValue, fieldJSON($0)) } })
    }

    static func checkJSON(_ check: CheckResult) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(check.rule)),
            ("passed", .bool(check.passed)),
            ("fields", .array(check.fields.map { .string($0.rawValue) })),
        ]
        if let message = check.message { members.append(("message", .string(message))) }
        return .object(members)
    }

    private static func pageJSON(_ page: PageSummary) -> JSONValue {
        .object([
            ("page", .int(page.number)),
            ("width", .int(page.width)),
            ("height", .int(page.height)),
            ("dpi", .int(page.dpi)),
            ("declaredDpi", page.declaredDPI.map(JSONValue.int) ?? .null),
            ("rotation", .int(page.rotation)),
            ("orientationConfidence", page.orientationConfidence.map { JSONValue.rounded($0, places: 2) } ?? .null),
            ("skewDegrees", .rounded(page.skewDegrees, places: 2)),
            ("words", .int(page.words.count)),
            ("meanConfidence", page.meanConfidence.map { JSONValue.rounded($0) } ?? .null),
        ])
    }

    private static func wordsJSON(_ page: PageSummary) -> [JSONValue] {
        page.lines.enumerated().flatMap { lineIndex, line in
            line.words.map { word in
                JSONValue.object([
                    ("text", .string(word.text)),
                    ("confidence", .rounded(word.confidence)),
                    ("page", .int(page.number)),
                    ("line", .int(lineIndex + 1)),
                    ("box", .box(word.box)),
                ])
            }
        }
    }
}
