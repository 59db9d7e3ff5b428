import InvoiceModel

/// How two exact sources' different values are described to a reviewer.
enum Disagreement {
    static func describe(_ kept: FieldEvidence, _ other: FieldEvidence) -> String {
        "\(name(kept.source)) says \(kept.value), \(name(other.source)) says \(other.value)"
    }

    static func name(_ source: FieldSource) -> String {
        switch source {
        case .embedded: return "the embedded data"
        case .qr: return "the QR code"
        case .textLayer: return "the printed text"
        case .ocr: return "the OCR reading"
        case .derived: return "the computed value"
        case .person: return "the reviewer"
        }
    }
}

/// Combining readings of the same fields from sources of different trust.
enum SourceOverlay {
    /// Lays `top` (the more trusted source) over `base`: agreement confirms the value (and borrows the
    /// box where `top` has none); disagreement keeps the trusted value, records the conflict and keeps
    /// the other as an alternative; fields only one source has are taken as they are.
    static func overlay(_ top: [FieldName: FieldEvidence], on base: [FieldName: FieldEvidence])
        -> [FieldName: FieldEvidence]
    {
        var result = base
        for (field, trusted) in top {
            var evidence = trusted
            if let other = base[field] {
                if other.value == trusted.value {
                    evidence.confirmations = max(trusted.confirmations, 0) + other.confirmations + 1
                    evidence.box = evidence.box ?? other.box
                    evidence.page = evidence.page ?? other.page
                } else {
                    evidence.conflicts += 1
                    evidence.alternatives = [other.value] + other.alternatives
                    if other.source != .ocr {
                        evidence.disagreement = Disagreement.describe(trusted, other)
                    }
                    evidence.box = evidence.box ?? other.box
                    evidence.page = evidence.page ?? other.page
                }
            }
            result[field] = evidence
        }
        return result
    }
}
