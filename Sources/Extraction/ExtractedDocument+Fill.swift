public import InvoiceModel

extension ExtractedDocument {
    /// This reading completed by `other`, a reading of the same page prepared differently (through a
    /// median filter, without its specks): each preparation loses different words.
    /// - a field this reading missed is taken from `other`;
    /// - a field the two read differently keeps this reading's value with the other as an alternative,
    ///   and counts as a conflict (the page does not settle it);
    /// - a field either reading names as unread and neither read stays named, so it goes to a person;
    /// - a rounding line only `other` read is taken from it.
    public mutating func fill(from other: ExtractedDocument) {
        if rounding == nil { rounding = other.rounding }
        for (name, evidence) in other.fields {
            guard var mine = fields[name] else {
                fields[name] = evidence
                continue
            }
            if mine.value != evidence.value {
                mine.conflicts += 1
                if !mine.alternatives.contains(evidence.value) { mine.alternatives.append(evidence.value) }
                fields[name] = mine
            }
        }
        for name in other.unreadFields where !unreadFields.contains(name) { unreadFields.append(name) }
        unreadFields.removeAll { fields[$0] != nil }
    }
}
