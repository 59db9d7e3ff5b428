public import Foundation

/// Everything the validation rules look at: contract-format values, line items, the QR code and today's date.
public struct ValidationInput: Sendable {
    /// Document fields in CONTRACT.md's value formats.
    public var fields: [FieldName: String]
    /// Line items in CONTRACT.md's value formats.
    public var lineItems: [[LineItemFieldName: String]]
    /// The decoded fapiao QR code, when there is one.
    public var qr: FapiaoQRPayload?
    /// Today's date `YYYY-MM-DD`, injected so the rules never read a clock.
    public var today: String
    /// The cash rounding printed between the tax and the total ("ROUNDING -0.02"), if any.
    public var rounding: Decimal?

    /// Creates the input.
    ///
    /// - Parameters:
    ///   - fields: document fields in contract format.
    ///   - lineItems: line items in contract format.
    ///   - qr: the decoded QR payload, or `nil`.
    ///   - today: today's date `YYYY-MM-DD` in the time zone the documents are issued in.
    public init(
        fields: [FieldName: String], lineItems: [[LineItemFieldName: String]] = [], qr: FapiaoQRPayload? = nil,
        today: String, rounding: Decimal? = nil
    ) {
        self.fields = fields
        self.lineItems = lineItems
        self.qr = qr
        self.today = today
        self.rounding = rounding
    }

    /// The field's value with surrounding whitespace removed, or `nil` when absent or blank.
    func text(_ name: FieldName) -> String? {
        nonBlank(fields[name])
    }

    /// The field read as an amount (`***` reads as zero).
    func amount(_ name: FieldName) -> AmountValue {
        AmountValue(text(name))
    }
}

/// A value that should be an amount: absent, unreadable, or read.
enum AmountValue {
    /// The field is absent or blank.
    case absent
    /// The field holds text that is not an amount.
    case unreadable(String)
    /// The amount.
    case value(Decimal)

    /// Reads `text` with `Money.parse`, treating the exempt-tax mark `***` as zero.
    init(_ text: String?) {
        guard let text else {
            self = .absent
            return
        }
        if text.allSatisfy({ $0 == "*" || $0 == "＊" }) {
            self = .value(0)
        } else if let value = Money.parse(text) {
            self = .value(value)
        } else {
            self = .unreadable(text)
        }
    }

    /// The amount, or `nil` when absent or unreadable.
    var decimal: Decimal? {
        if case .value(let value) = self { return value }
        return nil
    }
}

/// `text` trimmed, or `nil` when it is `nil` or blank.
func nonBlank(_ text: String?) -> String? {
    guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
    return trimmed
}
