/// The RFC 4180 state machine behind `CSVTable`, fed one Unicode scalar at a time.
///
/// Works on scalars rather than `Character`s because CR LF is one `Character` in Swift.
struct CSVParser {
    /// Where the parser is within a field.
    private enum State {
        /// At the start of a field: a quote here opens a quoted field.
        case fieldStart
        /// Inside an unquoted field.
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a quote inside a quoted field: another quote is a literal one, anything else closes it.
        case quoteInQuoted
        /// Just after a CR that ended a record: an LF here belongs to it.
        case afterCarriageReturn
    }

    /// The field separator.
    let delimiter: Unicode.Scalar
    private var state = State.fieldStart
    private var records: [CSVRecord] = []
    private var fields: [String] = []
    private var field = String.UnicodeScalarView()
    /// The current line, 1-based.
    private var line = 1
    /// The line where the current record started.
    private var recordLine = 1
    /// The line where the open quoted field started.
    private var quoteLine = 1
    /// Whether the current record has any content yet (an empty line has none).
    private var recordStarted = false

    init(delimiter: Unicode.Scalar) {
        self.delimiter = delimiter
    }

    /// Feeds the next scalar.
    mutating func consume(_ scalar: Unicode.Scalar) {
        if case .afterCarriageReturn = state {
            state = .fieldStart
            if scalar == "\n" { return }
        }
        switch state {
        case .quoted:
            if scalar == "\"" {
                state = .quoteInQuoted
            } else {
                // A line break inside quotes: CR and LF each count, except the LF of a CR LF pair.
                if scalar == "\r" || (scalar == "\n" && field.last != "\r") { line += 1 }
                field.append(scalar)
            }
            return
        case .quoteInQuoted:
            if scalar == "\"" {
                field.append(scalar)
                state = .quoted
                return
            }
            state = .unquoted
        case .fieldStart, .unquoted, .afterCarriageReturn:
            break
        }
        switch scalar {
        case delimiter:
            endField()
            state = .fieldStart
        case "\n", "\r":
            endRecord()
            line += 1
            state = scalar == "\r" ? .afterCarriageReturn : .fieldStart
        case "\"" where state == .fieldStart:
            recordStarted = true
            quoteLine = line
            state = .quoted
        default:
            recordStarted = true
            field.append(scalar)
            state = .unquoted
        }
    }

    /// Ends the input and returns the records.
    ///
    /// - Throws: `ReconciliationError.unterminatedQuote` when a quoted field is still open.
    mutating func finish() throws(ReconciliationError) -> [CSVRecord] {
        if case .quoted = state { throw .unterminatedQuote(line: quoteLine) }
        endRecord()
        return records
    }

    private mutating func endField() {
        recordStarted = true
        fields.append(String(field))
        field = String.UnicodeScalarView()
    }

    private mutating func endRecord() {
        if recordStarted {
            endField()
            records.append(CSVRecord(line: recordLine, fields: fields))
        }
        fields = []
        field = String.UnicodeScalarView()
        recordStarted = false
        recordLine = line + 1
    }
}
